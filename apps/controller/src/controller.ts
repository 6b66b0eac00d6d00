import type { PrismaClient } from "@pier/db";
import { notify } from "@pier/notifications";
import type { ReconcileOutcome } from "@pier/release";
import { startRetentionJob } from "@pier/retention";
import type { ContainerEvent, ContainerRuntime } from "@pier/runtime";
import {
  LABELS,
  METRIC_SAMPLE_MS,
  RECONCILE_CHANNEL,
  startLoop,
  type NotificationEvent,
  type PierConfig,
} from "@pier/shared";
import { connectRedis } from "@pier/redis";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { startAutoscaler } from "./autoscaler/autoscaler.ts";
import { startCertificateLoop } from "./certificates.ts";
import { watchContainerEvents } from "./event-watch.ts";
import type { ControllerLogger } from "./logger.ts";
import { startNodeWatch } from "./node-watch.ts";
import { createReconciler } from "./reconciler.ts";
import { createResourceSampler } from "./resource-sampler.ts";
import { startRolloutLoop } from "./rollouts.ts";
import { StoppedContainers } from "./stopped-containers.ts";
import { endStuckDeployments } from "./stuck-deployments.ts";
import { appsOutOfLine } from "./sweep.ts";
import { trafficAlerts } from "./traffic-alerts.ts";

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
  /**
   * A certificate pass now (also at start, every PIER_CERTIFICATE_SWEEP_MS, and when a name is published on
   * CERTIFICATES_CHANNEL): issues what is due, renews, alerts. Skipped if another controller is running one.
   */
  passCertificates(): Promise<void>;
  /** A pass over the running rollouts now (also every second): gates checked, steps taken. */
  advanceRollouts(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Holds every app at its desired state. Docker's event stream brings a lost container to it at once;
 * a sweep every PIER_CONTROLLER_SWEEP_MS (one container list, one query) catches whatever the stream
 * missed; deployments no job will finish are ended every PIER_CONTROLLER_STUCK_SWEEP_MS; resources are
 * sampled and traffic alerts checked every 10 s; retention runs on its job scheduler; certificates are issued and
 * renewed every PIER_CERTIFICATE_SWEEP_MS and when a domain is added (CERTIFICATES_CHANNEL). All state is in
 * Postgres, and each app is reconciled under a lock shared with the API's scale: the controller can be
 * killed and restarted at any moment.
 */
export async function startController(deps: ControllerDeps): Promise<Controller> {
  const { config, logger, prisma } = deps;
  const prefix = config.PIER_CONTROLLER_APP_PREFIX;
  const stopped = new StoppedContainers();

  const alert = async (events: NotificationEvent[]) => {
    for (const event of events) {
      logger.warn({ event: event.event, app: event.app?.name }, event.summary);
      if (deps.notifications)
        await notify({ prisma, queue: deps.notifications }, event).catch((error) =>
          logger.error({ err: error, event: event.event }, "could not queue an alert"),
        );
    }
  };
  const { reconcile, close: closeReconciler } = createReconciler({ ...deps, alert, stopped });
  const sampler = createResourceSampler(prisma, deps.runtime, config, logger);
  const checkTrafficAlerts = async () => {
    const events = await trafficAlerts(prisma, deps.redis, config);
    await alert(events);
    return events;
  };

  const loops = {
    sweep: startLoop({
      name: "sweep",
      everyMs: config.PIER_CONTROLLER_SWEEP_MS,
      logger,
      tick: async () => Promise.all((await appsOutOfLine(prisma, deps.runtime, prefix)).map(reconcile)),
    }),
    stuck: startLoop({
      name: "stuck deployments check",
      everyMs: config.PIER_CONTROLLER_STUCK_SWEEP_MS,
      logger,
      tick: async () => {
        const ended = await endStuckDeployments(prisma, deps.queue, prefix);
        if (ended.length) logger.warn({ deployments: ended }, "ended deployments that no job will finish");
      },
    }),
    // Every sample, the last minute of traffic is checked against each app's alert thresholds.
    sample: startLoop({
      name: "resource sample and traffic alerts",
      everyMs: METRIC_SAMPLE_MS,
      logger,
      tick: async () => {
        await sampler.sample();
        await checkTrafficAlerts();
      },
    }),
  };

  const onEvent = (event: ContainerEvent) => {
    // SIGTERM from the engine: it is stopping the container (shutting down or restarting, a docker stop).
    // A crash has no such signal; nor has a SIGKILL (docker kill), which counts as one.
    if (event.action === "kill" && event.labels.signal === SIGTERM) stopped.add(event.containerId);
    const appId = event.labels[LABELS.appId];
    const mine = (event.labels[LABELS.app] ?? "").startsWith(prefix);
    // A production container that stopped or vanished: act now, not at the next sweep.
    // On Swarm, a task starting may also be Swarm bringing a lost replica back: Pier routes it and says so now.
    const restartedBySwarm = event.action === "start" && deps.runtime.kind === "swarm";
    if (appId && mine && (event.action === "die" || event.action === "destroy" || event.action === "oom"))
      void reconcile(appId);
    else if (appId && mine && restartedBySwarm) void reconcile(appId);
  };
  const events = await watchContainerEvents(deps.runtime, logger, onEvent, () => void loops.sweep.runNow());
  const requests = await listenForReconcileRequests(deps, reconcile);
  await loops.sweep.runNow();
  await loops.stuck.runNow();
  const autoscaler = await startAutoscaler({ ...deps, reconcile, alert });
  const retention = await startRetentionJob(deps);
  const certificates = await startCertificateLoop(deps);
  const rollouts = startRolloutLoop({ ...deps, appPrefix: prefix });
  // Single Docker is one machine: no node to lose.
  const nodes = deps.runtime.kind === "swarm" ? startNodeWatch({ ...deps, alert }) : null;
  await nodes?.runNow();

  return {
    reconcile,
    autoscale: autoscaler.tick,
    passCertificates: certificates.runNow,
    advanceRollouts: async () => void (await rollouts.runNow()),
    sampleResources: () => sampler.sample(),
    checkTrafficAlerts,
    async close() {
      events.close();
      requests.disconnect();
      await autoscaler.close();
      await retention.close();
      await certificates.close();
      await rollouts.close();
      await nodes?.stop();
      await Promise.all(Object.values(loops).map((loop) => loop.stop()));
      await closeReconciler();
    },
  };
}

/** Passes asked for on RECONCILE_CHANNEL (the API's scale left work for the controller), for this controller's apps. */
async function listenForReconcileRequests(deps: ControllerDeps, reconcile: (appId: string) => Promise<void>) {
  const { config, logger, prisma } = deps;
  const subscriber = connectRedis(config.REDIS_URL, "blocking", "controller reconcile requests", logger);
  subscriber.on("message", (_channel: string, appId: string) => {
    void prisma.app
      .findUnique({ where: { id: appId }, select: { name: true } })
      .then((app) => {
        if (app?.name.startsWith(config.PIER_CONTROLLER_APP_PREFIX)) return reconcile(appId);
      })
      .catch((error) => logger.error({ err: error, appId }, "could not act on a reconcile request"));
  });
  await subscriber.subscribe(RECONCILE_CHANNEL);
  return subscriber;
}
