import type { App, Deployment, EnvVar, FeatureFlag, ReplicaState } from "@pier/db";
import { randomBytes } from "node:crypto";
import { isInfraPhase, type InfraPhase } from "@pier/replicas";
import type { ContainerInfo } from "@pier/runtime";
import { LABELS, replicaIndexOf } from "@pier/shared";
import { deploymentStartRequest } from "./container-spec.ts";
import type { ReleaseDeps } from "./deps.ts";
import { announceAndWaitForRouters, announceRouteChange } from "@pier/routing";
import { containerName, startDeploymentContainer } from "./start-container.ts";
import { waitUntilHealthy } from "./health-check.ts";
import { INFRA_RETRY_MS, infraFailureOf } from "./infra-failure.ts";
import { waitForRebuiltImage } from "./image-rebuild.ts";
import {
  endRuntimeRestart,
  RUNTIME_RESTART_GRACE_MS,
  recordRuntimeRestart,
  restartedByRuntime,
  runtimeName,
  takeBackFromRuntime,
} from "./runtime-restart.ts";

/** Back-off after the n-th loss in a row: the first is replaced at once, then 1 s doubling to 5 min. */
export function backoffMs(failures: number): number {
  return failures <= 1 ? 0 : Math.min(1_000 * 2 ** (failures - 2), 5 * 60_000);
}
/** Losses in a row that make a replica "crash looping". */
export const CRASH_LOOP_AFTER = 3;
/** Health that wipes the slate: a replica up this long starts its back-off from scratch. */
export const HEALTHY_RESET_MS = 10 * 60_000;
/** A replacement gets at most this long to pass its health check. */
const REPLACEMENT_HEALTH_TIMEOUT_MS = 30_000;

export interface ReconcileOptions {
  /**
   * Containers the engine stopped (a "kill" event: its own shutdown or restart, a `docker stop`). Their
   * loss is replaced at once and is not counted against the app: it did not crash.
   */
  stoppedFromOutside?: ReadonlySet<string>;
}

export interface ReconcileOutcome {
  desired: number;
  /** Replicas serving once this pass is done. */
  serving: number;
  started: number[];
  stopped: number[];
  /** Replicas waiting for their back-off, with the time they may start. */
  waiting: Array<{ index: number; at: Date }>;
  crashLooping: number[];
  /** Replicas started again after a loss in this pass (with why they were lost). */
  replaced: Array<{ index: number; reason: string | null }>;
  /** Replicas the runtime brought back (Swarm restarted them) that serve again in this pass, with why lost. */
  restartedByRuntime: Array<{ index: number; reason: string | null }>;
  /** Replicas that became CRASH_LOOP in this pass. */
  enteredCrashLoop: Array<{ index: number; reason: string | null }>;
  /**
   * Replicas that can't start for the engine's or the machine's reasons (one of INFRA_PHASES), not the
   * app's: waiting for their fixed retry, their losses not counted.
   */
  blockedByInfra: Array<{ index: number; phase: InfraPhase; reason: string | null }>;
  /**
   * Dead containers the engine would not remove this pass (one its restart left half-stopped, say): the
   * replacement starts anyway, under a fresh name, and the next pass tries the removal again.
   */
  notRemoved: Array<{ containerId: string; error: string }>;
}

export const replicaIndex = (c: ContainerInfo) => replicaIndexOf(c.labels);

/**
 * Brings an app's production deployment to its desired replica count, from its image (no build, no new
 * deployment): lost replicas are replaced (with back-off when they keep dying), missing ones started,
 * extra ones taken off the routers, drained and stopped. Only a healthy container is handed to the
 * routers (ReplicaState.containerId). A container the runtime itself brings back (Swarm) is left to it,
 * its loss recorded and told (runtime-restart.ts). Idempotent: run it after any event, or on a timer; the caller
 * holds the app's reconcile lock.
 */
export async function reconcileProduction(
  deps: ReleaseDeps,
  appId: string,
  now = new Date(),
  options: ReconcileOptions = {},
): Promise<ReconcileOutcome | null> {
  const app = await deps.prisma.app.findUnique({
    where: { id: appId },
    include: { envVars: true, featureFlags: true, productionDeployment: true },
  });
  const live = app?.productionDeployment;
  if (!app || !live?.imageId) return null;
  const desired = app.replicas;
  const [containers, states] = await Promise.all([
    deps.runtime.listContainers({ [LABELS.managed]: "true", [LABELS.deployment]: live.id }, { all: true }),
    deps.prisma.replicaState.findMany({ where: { deploymentId: live.id } }),
  ]);
  const stateOf = new Map(states.map((s) => [s.index, s]));
  const outcome: ReconcileOutcome = {
    desired,
    serving: 0,
    started: [],
    stopped: [],
    waiting: [],
    crashLooping: [],
    replaced: [],
    restartedByRuntime: [],
    enteredCrashLoop: [],
    blockedByInfra: [],
    notRemoved: [],
  };
  // A dead container is only in the way of its name, and replacements take fresh names: a removal the
  // engine refuses must not keep the replica (and the app's other replicas, later in the pass) down.
  const removeDead = async (containers: ContainerInfo[]) => {
    for (const c of containers) {
      await deps.runtime
        .removeContainer(c.id)
        .catch((error: Error) => outcome.notRemoved.push({ containerId: c.id, error: error.message }));
    }
  };
  let routesChanged = false;

  for (let index = 1; index <= desired; index++) {
    const here = containers.filter((c) => replicaIndex(c) === index);
    let state = stateOf.get(index);
    const serving = here.find((c) => c.running && (!state || state.containerId === c.id));
    if (serving) {
      if (state && restartedByRuntime(state)) {
        state = await endRuntimeRestart(deps, state, now);
        outcome.restartedByRuntime.push({ index, reason: state.lastReason });
        routesChanged = true; // its new task answers at a new port, maybe on another node
      }
      // A container the deploy started (no record yet), or the one on record: it serves.
      state = await keepServing(deps, live.id, appId, index, serving.id, state, now);
      await removeDead(here.filter((c) => c !== serving));
      outcome.serving++;
      continue;
    }
    const onRecord = here.find((c) => c.id === state?.containerId);
    if (state && onRecord?.restarting != null) {
      // The runtime brings it back (Swarm): Pier records the loss once, keeps it off the routers, and waits. A
      // replica that keeps exiting is taken back (runtime-restart.ts): crash looping, with Pier's back-off.
      const exited = onRecord.exitCode !== null;
      if (!restartedByRuntime(state)) {
        state = await recordRuntimeRestart(deps, state, onRecord, now);
        await announceRouteChange(deps.redis);
      }
      const reason = state.lastReason ?? onRecord.restarting;
      if (exited && state.failures >= CRASH_LOOP_AFTER) {
        outcome.enteredCrashLoop.push({ index, reason });
        const at = new Date(now.getTime() + backoffMs(state.failures));
        state = await takeBackFromRuntime(deps, state, reason, "CRASH_LOOP", at);
        await removeDead(here);
      } else if (state.nextAttemptAt && state.nextAttemptAt > now) {
        outcome.waiting.push({ index, at: state.nextAttemptAt });
        continue;
      } else {
        const late = `${runtimeName(deps)} did not start it again within ${RUNTIME_RESTART_GRACE_MS / 1000} s`;
        state = await takeBackFromRuntime(deps, state, `${late}, it can't place it (${reason})`, "BACKOFF", now);
      }
    }
    if (!state)
      state = await deps.prisma.replicaState.create({
        data: { deploymentId: live.id, index, appId, containerId: null, phase: "STARTING", nextAttemptAt: now },
      });
    else if (state.containerId !== null) {
      const wasLooping = state.phase === "CRASH_LOOP";
      state = await recordLoss(deps, state, here, now, options.stoppedFromOutside?.has(state.containerId) ?? false);
      // Off the routers now, not once a replacement is healthy: a connection to a vanished container's address
      // hangs until HAProxy's connect timeout, and a replacement can take seconds.
      await announceRouteChange(deps.redis);
      if (!wasLooping && state.phase === "CRASH_LOOP")
        outcome.enteredCrashLoop.push({ index, reason: state.lastReason });
    }
    if (state.nextAttemptAt && state.nextAttemptAt > now) {
      outcome.waiting.push({ index, at: state.nextAttemptAt });
      if (state.phase === "CRASH_LOOP") outcome.crashLooping.push(index);
      if (isInfraPhase(state.phase))
        outcome.blockedByInfra.push({ index, phase: state.phase, reason: state.lastReason });
      continue;
    }
    const rebuilding = await waitForRebuiltImage(deps, live, state, now);
    if (rebuilding) {
      outcome.waiting.push({ index, at: rebuilding.nextAttemptAt ?? now });
      outcome.blockedByInfra.push({ index, phase: "REBUILDING", reason: rebuilding.lastReason });
      continue;
    }
    await removeDead(here);
    const replaced = await startReplacement(deps, app, live, state, now);
    if (replaced.phase === "RUNNING") {
      outcome.serving++;
      outcome.started.push(index);
      if (state.restarts > 0) outcome.replaced.push({ index, reason: state.lastReason });
      routesChanged = true;
    } else {
      // One crash looping already when the engine held it back (an infra phase in between, the count kept) is
      // the same crash loop, told once.
      const wasLooping =
        state.phase === "CRASH_LOOP" || (isInfraPhase(state.phase) && state.failures >= CRASH_LOOP_AFTER);
      if (!wasLooping && replaced.phase === "CRASH_LOOP")
        outcome.enteredCrashLoop.push({ index, reason: replaced.lastReason });
      outcome.waiting.push({ index, at: replaced.nextAttemptAt ?? now });
      if (replaced.phase === "CRASH_LOOP") outcome.crashLooping.push(index);
      if (isInfraPhase(replaced.phase))
        outcome.blockedByInfra.push({ index, phase: replaced.phase, reason: replaced.lastReason });
    }
  }

  // Above the desired count: off the routers first (they route index ≤ desired only), then drained and stopped.
  const extra = containers.filter((c) => replicaIndex(c) > desired);
  await deps.prisma.replicaState.deleteMany({ where: { deploymentId: live.id, index: { gt: desired } } });
  if (routesChanged || extra.length)
    await announceAndWaitForRouters(deps.redis, deps.config.PIER_ROUTER_ACK_TIMEOUT_MS);
  if (extra.some((c) => c.running)) await new Promise((r) => setTimeout(r, deps.config.PIER_DRAIN_MS));
  for (const container of extra) {
    await deps.runtime.stopContainer(container.id, 10);
    await deps.runtime.removeContainer(container.id);
    outcome.stopped.push(replicaIndex(container));
  }
  return outcome;
}

async function keepServing(
  deps: ReleaseDeps,
  deploymentId: string,
  appId: string,
  index: number,
  containerId: string,
  state: ReplicaState | undefined,
  now: Date,
): Promise<ReplicaState> {
  if (!state)
    return deps.prisma.replicaState.create({
      data: { deploymentId, index, appId, containerId, phase: "RUNNING", healthySince: now },
    });
  const healthyLongEnough = state.healthySince && now.getTime() - state.healthySince.getTime() >= HEALTHY_RESET_MS;
  if (state.failures > 0 && healthyLongEnough) {
    return deps.prisma.replicaState.update({
      where: { deploymentId_index: { deploymentId, index } },
      data: { failures: 0, phase: "RUNNING" },
    });
  }
  return state;
}

/**
 * The container on record is gone or dead: one more loss in a row, and the back-off that follows; or,
 * when the engine stopped it (`stoppedFromOutside`), a loss that is replaced at once and not counted.
 */
async function recordLoss(
  deps: ReleaseDeps,
  state: ReplicaState,
  here: ContainerInfo[],
  now: Date,
  stoppedFromOutside: boolean,
): Promise<ReplicaState> {
  const dead = here.find((c) => c.id === state.containerId);
  const info = dead ? await deps.runtime.inspectContainer(dead.id) : null;
  const exit = info ? `exited with code ${info.exitCode ?? "unknown"}` : "its container was removed";
  const failures = stoppedFromOutside ? state.failures : state.failures + 1;
  return deps.prisma.replicaState.update({
    where: { deploymentId_index: { deploymentId: state.deploymentId, index: state.index } },
    data: {
      containerId: null,
      failures,
      restarts: { increment: 1 },
      lastExitCode: info?.exitCode ?? null,
      lastLostAt: now,
      lastReason: stoppedFromOutside
        ? `stopped by the Docker engine, ${exit} (the engine restarting, or docker stop)`
        : exit,
      phase: !stoppedFromOutside && failures >= CRASH_LOOP_AFTER ? "CRASH_LOOP" : "BACKOFF",
      nextAttemptAt: new Date(now.getTime() + (stoppedFromOutside ? 0 : backoffMs(failures))),
    },
  });
}

/** Starts a fresh container for the replica and hands it to the routers only once it is healthy. */
async function startReplacement(
  deps: ReleaseDeps,
  app: App & { envVars: EnvVar[]; featureFlags: FeatureFlag[] },
  live: Deployment,
  state: ReplicaState,
  now: Date,
): Promise<ReplicaState> {
  const key = { deploymentId_index: { deploymentId: state.deploymentId, index: state.index } };
  const request = deploymentStartRequest(deps.config, app, live, state.index);
  // A fresh name per attempt: a dead container's name stays taken while Docker removes it, or for as long
  // as the engine can't (one its restart left half-stopped), and an attempt the engine failed counts no restart.
  const base = containerName(app.name, live.shortId, state.index);
  const name =
    state.restarts === 0 && state.lastReason === null
      ? base
      : `${base}-r${state.restarts}-${randomBytes(2).toString("hex")}`;
  let failure: string;
  try {
    const container = await startDeploymentContainer(deps.runtime, deps.config, request, name);
    const health = await waitUntilHealthy(deps.runtime, {
      containerId: container.id,
      endpoint: container.endpoint,
      containerPort: request.port,
      path: live.healthCheckPath ?? app.healthCheckPath,
      timeoutMs: Math.min(
        live.healthCheckTimeoutMs ?? deps.config.PIER_HEALTHCHECK_TIMEOUT_MS,
        REPLACEMENT_HEALTH_TIMEOUT_MS,
      ),
    });
    if (health.healthy) {
      // The app may have been deleted or switched meanwhile: then this container must not outlive the pass.
      const still = await deps.prisma.app.findUnique({
        where: { id: app.id },
        select: { productionDeploymentId: true },
      });
      if (still?.productionDeploymentId !== live.id) {
        await deps.runtime.removeContainer(container.id);
        return { ...state, phase: "STARTING" };
      }
      return deps.prisma.replicaState.update({
        where: key,
        data: { containerId: container.id, phase: "RUNNING", healthySince: new Date(), nextAttemptAt: null },
      });
    }
    await deps.runtime.removeContainer(container.id);
    failure = health.evidence.split("\n")[0] ?? "health check failed";
  } catch (error) {
    const infra = infraFailureOf(error, live.imageTag ?? request.image);
    if (infra) {
      // Tried again on a fixed delay, the count of losses untouched (no restart either: nothing ran): an
      // engine restarting, a full disk or an image gone must not put the app in a crash loop.
      return deps.prisma.replicaState.update({
        where: key,
        data: {
          lastReason: infra.reason,
          phase: infra.phase,
          nextAttemptAt: new Date(Date.now() + INFRA_RETRY_MS[infra.phase]),
        },
      });
    }
    failure = `could not start: ${(error as Error).message}`;
  }
  const failures = state.failures + 1;
  return deps.prisma.replicaState.update({
    where: key,
    data: {
      failures,
      restarts: { increment: 1 },
      lastLostAt: now,
      lastReason: failure,
      phase: failures >= CRASH_LOOP_AFTER ? "CRASH_LOOP" : "BACKOFF",
      nextAttemptAt: new Date(Date.now() + backoffMs(failures)),
    },
  });
}

/**
 * Records the containers a deployment goes live with (deploy, promote), so the controller knows them
 * from the first moment: one that dies even before the controller's next pass counts as a loss.
 */
export async function recordServingReplicas(
  deps: Pick<ReleaseDeps, "prisma">,
  appId: string,
  deploymentId: string,
  containers: Array<{ id: string }>,
): Promise<void> {
  const now = new Date();
  await deps.prisma.$transaction(
    containers.map((container, i) =>
      deps.prisma.replicaState.upsert({
        where: { deploymentId_index: { deploymentId, index: i + 1 } },
        create: { deploymentId, index: i + 1, appId, containerId: container.id, phase: "RUNNING", healthySince: now },
        update: { containerId: container.id, phase: "RUNNING", healthySince: now, nextAttemptAt: null },
      }),
    ),
  );
}
