import type { PrismaClient } from "@pier/db";
import {
  RECONCILE_LOCK_TTL_MS,
  reconcileLockKey,
  reconcileProduction,
  type ReconcileOutcome,
  type ReleaseDeps,
} from "@pier/release";
import type { ContainerEvent, ContainerRuntime } from "@pier/runtime";
import { LABELS, METRIC_SAMPLE_MS, type NotificationEvent, type PierConfig } from "@pier/shared";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { notify } from "@pier/notifications";
import { replicaEvents } from "./replica-events.ts";
import { StoppedContainers } from "./stopped-containers.ts";
import { createResourceSampler, pruneMetricSamples } from "./resource-sampler.ts";
import { trafficAlerts } from "./traffic-alerts.ts";
import { endStuckDeployments } from "./stuck-deployments.ts";
import { startAutoscaler } from "./autoscaler/autoscaler.ts";
import type { ControllerLogger } from "./logger.ts";
import { tryLock } from "@pier/redis";
import { startRetentionJob } from "./retention/retention-job.ts";

/** How a "kill" event names SIGTERM, the signal Docker stops containers with (Pier sets no other). */
const SIGTERM = "15";

export type { ControllerLogger } from "./logger.ts";

export interface ControllerDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  runtime: ContainerRuntime;
  queue: Queue;
  /** Where alerts go (the notifications queue); without it, the controller alerts nobody. */
  notifications?: Queue;
  logger: ControllerLogger;
  /** Hears every pass that changed something (tests, and alerts later). */
  onOutcome?: (appId: string, outcome: ReconcileOutcome) => void;
}

export interface Controller {
  /** Reconciles one app now (or as soon as the pass running for it ends). */
  reconcile(appId: string): Promise<void>;
  /** Writes a resource sample (CPU, memory, replicas, restarts) per app now; it also runs every 10 s. */
  sampleResources(): Promise<number>;
  /** Checks the last minute of traffic against the alert thresholds now (also every 10 s); returns the alerts sent. */
  checkTrafficAlerts(): Promise<NotificationEvent[]>;
  /** One round of autoscaling decisions now (also every 2 s). */
  autoscale(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Holds every app at its desired state. Docker's event stream brings a lost container to it at once;
 * a sweep every PIER_CONTROLLER_SWEEP_MS catches whatever the stream missed (and back-offs that ran
 * out); deployments no job will finish are ended every PIER_CONTROLLER_STUCK_SWEEP_MS. All state is in
 * Postgres, and each app is reconciled under a lock shared with the API's scale: the controller can be
 * killed and restarted at any moment.
 */
export async function startController(deps: ControllerDeps): Promise<Controller> {
  const { config, logger } = deps;
  const releaseDeps: ReleaseDeps = deps;
  const owner = `controller:${randomUUID()}`;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();
  const stopped = new StoppedContainers();
  let closed = false;

  const passOnce = async (appId: string) => {
    const lock = await tryLock(deps.redis, reconcileLockKey(appId), owner, RECONCILE_LOCK_TTL_MS);
    if (!lock) return; // the API is scaling it, or another controller has it: the next sweep looks again
    try {
      const outcome = await reconcileProduction(releaseDeps, appId, new Date(), { stoppedFromOutside: stopped.ids() });
      if (!outcome) return;
      for (const { containerId, error } of outcome.notRemoved)
        logger.error(
          { appId, containerId, error },
          "could not remove a dead container; its replacement started anyway, and the next pass tries again",
        );
      if (outcome.started.length || outcome.stopped.length || outcome.waiting.length) {
        logger.info({ appId, ...outcome }, "reconciled");
        deps.onOutcome?.(appId, outcome);
      }
      const app = await deps.prisma.app.findUnique({ where: { id: appId }, select: { id: true, name: true } });
      if (app) await alert(await replicaEvents(deps.redis, app, outcome));
      // Wake up exactly when the next back-off ends, rather than at the next sweep.
      const next = Math.min(...outcome.waiting.map((w) => w.at.getTime()));
      if (Number.isFinite(next) && !closed) {
        clearTimeout(timers.get(appId));
        timers.set(appId, setTimeout(() => void reconcile(appId), Math.max(0, next - Date.now())).unref());
      }
    } finally {
      await lock.release();
    }
  };

  const reconcile = (appId: string): Promise<void> => {
    if (closed) return Promise.resolve();
    const current = running.get(appId);
    if (current) {
      again.add(appId);
      return current;
    }
    const pass = (async () => {
      try {
        do {
          again.delete(appId);
          await passOnce(appId).catch((error) =>
            logger.error({ err: error, appId }, "reconcile failed; the next sweep tries again"),
          );
        } while (again.has(appId) && !closed);
      } finally {
        running.delete(appId);
      }
    })();
    running.set(appId, pass);
    return pass;
  };

  const alert = async (events: NotificationEvent[]) => {
    for (const event of events) {
      logger.warn({ event: event.event, app: event.app?.name }, event.summary);
      if (deps.notifications)
        await notify({ prisma: deps.prisma, queue: deps.notifications }, event).catch((error) =>
          logger.error({ err: error, event: event.event }, "could not queue an alert"),
        );
    }
  };

  const sweep = async () => {
    const apps = await deps.prisma.app.findMany({
      where: { productionDeploymentId: { not: null }, name: { startsWith: config.PIER_CONTROLLER_APP_PREFIX } },
      select: { id: true },
    });
    await Promise.all(apps.map((a) => reconcile(a.id)));
  };
  const sweepLogged = () => sweep().catch((error) => logger.error({ err: error }, "sweep failed"));
  const endStuck = () =>
    endStuckDeployments(deps.prisma, deps.queue, config.PIER_CONTROLLER_APP_PREFIX)
      .then((ended) => ended.length && logger.warn({ deployments: ended }, "ended deployments that no job will finish"))
      .catch((error) => logger.error({ err: error }, "checking for stuck deployments failed"));

  const onEvent = (event: ContainerEvent) => {
    // SIGTERM from the engine: it is stopping the container (shutting down or restarting, a docker stop).
    // A crash has no such signal; nor has a SIGKILL (docker kill), which counts as one.
    if (event.action === "kill" && event.labels.signal === SIGTERM) stopped.add(event.containerId);
    const appId = event.labels[LABELS.appId];
    const mine = (event.labels[LABELS.app] ?? "").startsWith(config.PIER_CONTROLLER_APP_PREFIX);
    // A production container that stopped or vanished: act now, not at the next sweep.
    if (appId && mine && (event.action === "die" || event.action === "destroy" || event.action === "oom"))
      void reconcile(appId);
  };
  let events: { close(): void } | null = null;
  const watch = async (): Promise<void> => {
    if (closed) return;
    try {
      events = await deps.runtime.watchEvents({ [LABELS.managed]: "true" }, onEvent, (error) => {
        // The engine went away (restarted): watch again, and sweep for whatever changed meanwhile.
        logger.warn({ err: error }, "Docker event stream ended; watching again");
        setTimeout(() => void watch().then(sweepLogged), 1_000).unref();
      });
    } catch (error) {
      logger.error({ err: error }, "cannot watch Docker events; trying again in 1 s (the sweep still runs)");
      setTimeout(() => void watch(), 1_000).unref();
    }
  };
  await watch();
  const sweepTimer = setInterval(sweepLogged, config.PIER_CONTROLLER_SWEEP_MS);
  const stuckTimer = setInterval(endStuck, config.PIER_CONTROLLER_STUCK_SWEEP_MS);
  const sampler = createResourceSampler(deps.prisma, deps.runtime, config);
  // Every sample, the last minute of traffic is checked against each app's alert thresholds.
  const sampleAndCheck = async () => {
    await sampler.sample();
    await alert(await trafficAlerts(deps.prisma, deps.redis, config));
  };
  const sampleTimer = setInterval(
    () =>
      void sampleAndCheck().catch((error) =>
        logger.error({ err: error }, "resource sampling or traffic alerts failed"),
      ),
    METRIC_SAMPLE_MS,
  );
  const pruneTimer = setInterval(
    () =>
      void pruneMetricSamples(deps.prisma).catch((error) =>
        logger.error({ err: error }, "pruning metric samples failed"),
      ),
    60 * 60_000,
  );
  await sweepLogged();
  await endStuck();
  const autoscaler = await startAutoscaler({ ...deps, reconcile, alert });
  const retention = await startRetentionJob(deps);

  return {
    reconcile,
    autoscale: autoscaler.tick,
    sampleResources: () => sampler.sample(),
    checkTrafficAlerts: async () => {
      const events = await trafficAlerts(deps.prisma, deps.redis, config);
      await alert(events);
      return events;
    },
    async close() {
      closed = true;
      await autoscaler.close();
      await retention.close();
      events?.close();
      clearInterval(sweepTimer);
      clearInterval(stuckTimer);
      clearInterval(sampleTimer);
      clearInterval(pruneTimer);
      for (const timer of timers.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
