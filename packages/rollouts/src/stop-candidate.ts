import { stopDeploymentContainers } from "@pier/release";
import { LABELS } from "@pier/shared";
import type { RolloutDeps } from "./deps.ts";

/** The candidate's containers, running or not. */
export async function candidateContainers(deps: RolloutDeps, deploymentId: string) {
  return deps.runtime.listContainers({ [LABELS.managed]: "true", [LABELS.deployment]: deploymentId }, { all: true });
}

/**
 * Stops and removes the candidate's replicas through the release's one stop path (their ports forgotten, the
 * routers told). Returns how many there were.
 */
export async function stopCandidate(deps: RolloutDeps, deploymentId: string): Promise<number> {
  const containers = await candidateContainers(deps, deploymentId);
  await stopDeploymentContainers(deps, containers);
  return containers.length;
}
