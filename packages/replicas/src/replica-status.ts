import type { App, ReplicaState } from "@pier/db";
import { LABELS, servesReplica } from "@pier/shared";
import type { ReplicaDeps } from "./deps.ts";
import { replicaIndexOf } from "@pier/shared";

/** How production runs, next to how it should: what the API, CLI and dashboard show. */
export interface ReplicaStatus {
  desired: number;
  /** Replicas serving (running, and the container on record). */
  running: number;
  /**
   * RUNNING: all serve; DEGRADED: fewer than desired (being replaced or started); CRASH_LOOP: one keeps
   * dying; STOPPED: 0 desired; NOT_DEPLOYED.
   */
  state: "RUNNING" | "DEGRADED" | "CRASH_LOOP" | "STOPPED" | "NOT_DEPLOYED";
  replicas: Array<{
    index: number;
    phase: string;
    containerId: string | null;
    restarts: number;
    lastReason: string | null;
    nextAttemptAt: string | null;
  }>;
}

/** The replica status of each app, from one container listing and one query. */
export async function replicaStatuses(
  deps: ReplicaDeps,
  apps: Array<Pick<App, "id" | "replicas" | "productionDeploymentId">>,
): Promise<Map<string, ReplicaStatus>> {
  const live = apps.map((a) => a.productionDeploymentId).filter((id): id is string => id !== null);
  const [containers, states] = await Promise.all([
    live.length ? deps.runtime.listContainers({ [LABELS.managed]: "true" }) : Promise.resolve([]),
    live.length
      ? deps.prisma.replicaState.findMany({ where: { deploymentId: { in: live } } })
      : Promise.resolve([] as ReplicaState[]),
  ]);
  const result = new Map<string, ReplicaStatus>();
  for (const app of apps) {
    const deploymentId = app.productionDeploymentId;
    if (!deploymentId) {
      result.set(app.id, { desired: app.replicas, running: 0, state: "NOT_DEPLOYED", replicas: [] });
      continue;
    }
    const mine = states.filter((s) => s.deploymentId === deploymentId);
    const recorded = new Map(mine.map((s) => [s.index, s]));
    const replicas: ReplicaStatus["replicas"] = [];
    for (let index = 1; index <= app.replicas; index++) {
      const state = recorded.get(index);
      const container = containers.find(
        (c) =>
          c.labels[LABELS.deployment] === deploymentId &&
          replicaIndexOf(c.labels) === index &&
          servesReplica(c, state?.containerId, index),
      );
      // A record that says RUNNING without its container running: lost, and the controller hasn't acted yet.
      const recordedPhase = state?.phase === "RUNNING" ? "LOST" : state?.phase;
      replicas.push({
        index,
        phase: container ? "RUNNING" : (recordedPhase ?? "MISSING"),
        containerId: container?.id ?? null,
        restarts: state?.restarts ?? 0,
        lastReason: state?.lastReason ?? null,
        nextAttemptAt: state?.nextAttemptAt?.toISOString() ?? null,
      });
    }
    const running = replicas.filter((r) => r.phase === "RUNNING").length;
    const state: ReplicaStatus["state"] =
      app.replicas === 0
        ? "STOPPED"
        : mine.some((s) => s.phase === "CRASH_LOOP" && s.index <= app.replicas)
          ? "CRASH_LOOP"
          : running < app.replicas
            ? "DEGRADED"
            : "RUNNING";
    result.set(app.id, { desired: app.replicas, running, state, replicas });
  }
  return result;
}
