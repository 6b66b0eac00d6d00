import type { App, ReplicaState } from "@pier/db";
import { RuntimeUnavailableError, type ContainerInfo } from "@pier/runtime";
import { LABELS, servesReplica } from "@pier/shared";
import type { ReplicaDeps } from "./deps.ts";
import { replicaIndexOf } from "@pier/shared";
import { INFRA_PHASES, type ProductionState, type ShownReplicaPhase } from "./replica-phases.ts";

/** How production runs, next to how it should: what the API, CLI and dashboard show. */
export interface ReplicaStatus {
  desired: number;
  /** Replicas serving (running, and the container on record). */
  running: number;
  /** See PRODUCTION_STATES. */
  state: ProductionState;
  replicas: Array<{
    index: number;
    phase: ShownReplicaPhase;
    containerId: string | null;
    restarts: number;
    lastReason: string | null;
    nextAttemptAt: string | null;
  }>;
}

/**
 * The replica status of each app, from one container listing and one query. While the engine can't be
 * reached, nothing is known of the containers: every replica of a deployed app shows ENGINE_UNAVAILABLE with
 * the engine's error, rather than the whole answer failing.
 */
export async function replicaStatuses(
  deps: Pick<ReplicaDeps, "prisma" | "runtime">,
  apps: Array<Pick<App, "id" | "replicas" | "productionDeploymentId">>,
): Promise<Map<string, ReplicaStatus>> {
  const live = apps.map((a) => a.productionDeploymentId).filter((id): id is string => id !== null);
  const [{ containers, unreachable }, states] = await Promise.all([
    live.length ? listManaged(deps) : Promise.resolve({ containers: [], unreachable: null }),
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
        phase: unreachable ? "ENGINE_UNAVAILABLE" : container ? "RUNNING" : (recordedPhase ?? "MISSING"),
        containerId: container?.id ?? null,
        restarts: state?.restarts ?? 0,
        lastReason: unreachable ? unreachable.message : (state?.lastReason ?? null),
        nextAttemptAt: state?.nextAttemptAt?.toISOString() ?? null,
      });
    }
    const running = replicas.filter((r) => r.phase === "RUNNING").length;
    result.set(app.id, { desired: app.replicas, running, state: productionState(app.replicas, replicas), replicas });
  }
  return result;
}

/** Pier's containers, or none and the engine's error when it can't be reached (any other failure is thrown). */
async function listManaged(
  deps: Pick<ReplicaDeps, "runtime">,
): Promise<{ containers: ContainerInfo[]; unreachable: RuntimeUnavailableError | null }> {
  try {
    return { containers: await deps.runtime.listContainers({ [LABELS.managed]: "true" }), unreachable: null };
  } catch (error) {
    if (error instanceof RuntimeUnavailableError) return { containers: [], unreachable: error };
    throw error;
  }
}

/**
 * One word for production: a crash loop first (the app's own trouble, which the engine's won't fix), then
 * the engine's or the machine's trouble (the one of INFRA_PHASES a replica is in), then fewer than desired.
 */
function productionState(desired: number, replicas: ReplicaStatus["replicas"]): ProductionState {
  if (desired === 0) return "STOPPED";
  if (replicas.some((r) => r.phase === "CRASH_LOOP")) return "CRASH_LOOP";
  const infra = INFRA_PHASES.find((phase) => replicas.some((r) => r.phase === phase));
  if (infra) return infra;
  return replicas.filter((r) => r.phase === "RUNNING").length < desired ? "DEGRADED" : "RUNNING";
}
