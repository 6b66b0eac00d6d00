// A replica the runtime itself brings back (Swarm restarts a task, moves it off a lost node): Pier watches and tells.
import type { ReplicaState } from "@pier/db";
import type { ContainerInfo } from "@pier/runtime";
import type { ReleaseDeps } from "./deps.ts";

/**
 * How long the runtime gets to bring a replica back before Pier replaces it: Swarm notices a lost node in ~13 s
 * and starts its task elsewhere, which may first pull the image onto a node that never ran it (tens of seconds
 * for a large image); past that, Swarm can't place it (no node fits, the image can't be pulled) and waiting
 * longer only keeps the app a replica short.
 */
export const RUNTIME_RESTART_GRACE_MS = 120_000;

/**
 * An episode of the runtime restarting the container on record is written as phase STARTING with the
 * container kept on record (Pier's own starts have none on record until healthy), lastLostAt its start and
 * nextAttemptAt the moment Pier stops waiting.
 */
export const restartedByRuntime = (state: ReplicaState) => state.phase === "STARTING" && state.containerId !== null;

/** The runtime's name in what people read. */
export const runtimeName = (deps: Pick<ReleaseDeps, "config">) =>
  deps.config.PIER_RUNTIME === "swarm" ? "Swarm" : "the runtime";

/**
 * The loss, once per episode: a restart, and (when the app's own process exited, not its node lost) one more
 * failure in a row. Losses the runtime can't help (a node lost) are not the app's, as on Docker an engine stop.
 */
export async function recordRuntimeRestart(
  deps: Pick<ReleaseDeps, "prisma" | "config">,
  state: ReplicaState,
  container: ContainerInfo,
  now: Date,
): Promise<ReplicaState> {
  const crashed = container.exitCode !== null;
  return deps.prisma.replicaState.update({
    where: { deploymentId_index: { deploymentId: state.deploymentId, index: state.index } },
    data: {
      phase: "STARTING",
      failures: crashed ? state.failures + 1 : state.failures,
      restarts: { increment: 1 },
      lastExitCode: container.exitCode,
      lastLostAt: now,
      lastReason: `restarted by ${runtimeName(deps)}: ${container.restarting ?? "it stopped"}`,
      nextAttemptAt: new Date(now.getTime() + RUNTIME_RESTART_GRACE_MS),
    },
  });
}

/** Back: the episode is over, its container serving again. */
export function endRuntimeRestart(deps: Pick<ReleaseDeps, "prisma">, state: ReplicaState, now: Date) {
  return deps.prisma.replicaState.update({
    where: { deploymentId_index: { deploymentId: state.deploymentId, index: state.index } },
    data: { phase: "RUNNING", healthySince: now, nextAttemptAt: null },
  });
}

/**
 * Pier takes the replica back (the container on record is then removed and replaced, as on Docker): the runtime
 * did not bring it back in time, or it keeps crashing (Swarm would restart it forever, 5 s apart; Pier backs
 * off up to 5 minutes and says it crash-loops). The loss is already counted; `phase` is where it goes from here.
 */
export function takeBackFromRuntime(
  deps: Pick<ReleaseDeps, "prisma">,
  state: ReplicaState,
  reason: string,
  phase: "BACKOFF" | "CRASH_LOOP",
  nextAttemptAt: Date,
) {
  return deps.prisma.replicaState.update({
    where: { deploymentId_index: { deploymentId: state.deploymentId, index: state.index } },
    data: { containerId: null, phase, lastReason: reason, nextAttemptAt },
  });
}
