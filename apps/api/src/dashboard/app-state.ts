import type { DeploymentStatus } from "@pier/db";
import type { ReplicaStatus } from "@pier/replicas";
import { html, type Html } from "./html.ts";
import { badge, healthBadge } from "./ui.ts";

/**
 * What the dashboard shows for a deployment, wherever it shows one (the apps list, the app's deployments, the
 * deployment's page): its own status, except for production when its replicas don't all run: then production's
 * state ("Crash loop 0/1", "Stopped"), so no row says "Ready" of an app that doesn't serve.
 */
export type ShownState =
  | { kind: "deployment"; status: DeploymentStatus }
  | { kind: "production"; replicas: ReplicaStatus };

export interface StateInput {
  status: DeploymentStatus;
  isProduction: boolean;
}

export function shownState(deployment: StateInput, replicas: ReplicaStatus): ShownState {
  const serving = replicas.state === "RUNNING";
  if (deployment.isProduction && deployment.status === "READY" && !serving) return { kind: "production", replicas };
  return { kind: "deployment", status: deployment.status };
}

/**
 * The state's badge; `id` marks the deployment page's badge (its live script and tests read the deployment's
 * status from it: READY under production's state).
 */
export function stateBadge(state: ShownState, id?: string): Html {
  if (state.kind === "deployment") return badge(state.status, id);
  const health = healthBadge(state.replicas);
  return id ? html`<span id="${id}" data-status="READY">${health}</span>` : health;
}
