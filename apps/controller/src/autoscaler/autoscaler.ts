import { Prisma, type PrismaClient } from "@pier/db";
import {
  admit,
  memoryNeedOf,
  recordHeldBack,
  ScaleLockBusyError,
  setDesiredReplicas,
  type ScaleRequest,
} from "@pier/replicas";
import type { ContainerRuntime, HostMemory } from "@pier/runtime";
import {
  AUTOSCALE_TICK_MS,
  startLoop,
  storedAutoscalePolicy,
  WAKE_CHANNEL,
  type NotificationEvent,
  type PierConfig,
} from "@pier/shared";
import { connectRedis } from "@pier/redis";
import type { Redis } from "ioredis";
import type { ControllerLogger } from "../logger.ts";
import { decide, newAutoscaleMemory, type AutoscaleMemory, type Decision, type LoadSummary } from "./decide.ts";
import { readLoadRecords, summarizeLoad } from "./load-window.ts";

export interface AutoscalerDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  runtime: ContainerRuntime;
  logger: ControllerLogger;
  /** The controller's reconcile: brings the app to its (new) desired count. */
  reconcile(appId: string): Promise<void>;
  alert(events: NotificationEvent[]): Promise<void>;
}

export interface Autoscaler {
  /** One round of decisions for every autoscaled app now (it also runs every 2 s). */
  tick(): Promise<void>;
  close(): Promise<void>;
}

/** A decision that can't add what the load asks for (memory) is recorded again at most this often. */
const HELD_NOTE_EVERY_MS = 60_000;

interface ScalableApp {
  id: string;
  name: string;
  replicas: number;
  autoscale: Prisma.JsonValue;
  memoryRequestMb: number | null;
  productionDeployment: { memoryMb: number | null } | null;
}

/**
 * How long a change waits for the app's reconcile lock: a pass that starts replicas holds it until they
 * are healthy, and the new count could not act before that pass ends anyway.
 */
const LOCK_WAIT_MS = 60_000;

const scaleRequest = (app: ScalableApp, decision: Decision, load: LoadSummary): ScaleRequest => ({
  appId: app.id,
  to: decision.to,
  by: "autoscaler",
  reason: decision.reason,
  panic: decision.panic,
  load,
});

/**
 * Scales each app with a policy on its load (decide.ts), every AUTOSCALE_TICK_MS, and wakes an app
 * scaled to zero the moment the router's activator holds a request for it. Every change is recorded
 * (ScaleDecision), told to notification channels (app.scaled) and carried out by the controller's
 * reconcile, the one place production replicas start and stop.
 */
export async function startAutoscaler(deps: AutoscalerDeps): Promise<Autoscaler> {
  const { config, prisma, redis, logger } = deps;
  const memories = new Map<string, AutoscaleMemory>();
  const heldNotedAt = new Map<string, number>();

  const select = {
    id: true,
    name: true,
    replicas: true,
    autoscale: true,
    memoryRequestMb: true,
    productionDeployment: { select: { memoryMb: true } },
  } as const;
  const mine = { name: { startsWith: config.PIER_CONTROLLER_APP_PREFIX }, productionDeploymentId: { not: null } };

  /** Changes waiting for their app's lock: that app is decided on again once its change is written. */
  const applying = new Map<string, Promise<void>>();
  const startApply = (app: ScalableApp, decision: Decision, load: LoadSummary): Promise<void> => {
    const change = apply(app, decision, load)
      .catch((error) => logger.error({ err: error, app: app.name }, "autoscaling change failed"))
      .finally(() => applying.delete(app.id));
    applying.set(app.id, change);
    return change;
  };

  const apply = async (app: ScalableApp, decision: Decision, load: LoadSummary) => {
    // Only from the count this decision was made on: a change meanwhile (a deploy, a rollback) wins.
    const request = { ...scaleRequest(app, decision, load), from: app.replicas };
    const emit = (event: NotificationEvent) => deps.alert([event]);
    const { runtime } = deps;
    const scaleDeps = { config, prisma, redis, runtime, emit, lockWaitMs: LOCK_WAIT_MS };
    const outcome = await setDesiredReplicas(scaleDeps, request).catch((error: unknown) => {
      if (error instanceof ScaleLockBusyError) return null; // the controller is on it: decide again next tick
      throw error;
    });
    if (!outcome) return;
    logger.info({ app: app.name, from: app.replicas, to: decision.to, reason: decision.reason }, "autoscaled");
    void deps.reconcile(app.id);
  };

  const decideFor = async (app: ScalableApp, memory: HostMemory, now: number) => {
    const policy = storedAutoscalePolicy(app.autoscale);
    if (!policy || applying.has(app.id)) return;
    const remembered = memories.get(app.id) ?? newAutoscaleMemory(now);
    memories.set(app.id, remembered);
    const load = summarizeLoad(await readLoadRecords(redis, app.id), now);
    const limitMb = app.productionDeployment?.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB;
    const need = await memoryNeedOf(prisma, app, limitMb);
    const room = admit(memory, config.PIER_RESERVED_MEMORY_MB, need, Math.max(0, policy.max - app.replicas));
    const decision = decide(policy, app.replicas, load, remembered, now, {
      replicas: room.replicas,
      why: room.heldBack ?? "",
    });
    if (!decision) return;
    if (decision.to !== app.replicas) return void startApply(app, decision, load);
    // The load asks for more than the machine can hold: say so (now and then), don't oversubscribe.
    if (now - (heldNotedAt.get(app.id) ?? 0) < HELD_NOTE_EVERY_MS) return;
    heldNotedAt.set(app.id, now);
    logger.warn({ app: app.name, reason: decision.reason }, "autoscaler held back");
    await recordHeldBack(prisma, scaleRequest(app, decision, load), app.replicas);
  };

  const tickOnce = async () => {
    const apps = await prisma.app.findMany({ where: { ...mine, autoscale: { not: Prisma.DbNull } }, select });
    for (const id of memories.keys()) if (!apps.some((a) => a.id === id)) memories.delete(id);
    if (apps.length === 0) return;
    const machine = await deps.runtime.hostMemory();
    const now = Date.now();
    await Promise.all(
      apps.map((app) =>
        decideFor(app, machine, now).catch((error) =>
          logger.error({ err: error, app: app.name }, "autoscaling decision failed"),
        ),
      ),
    );
  };

  /** The activator holds a request for this app: start it now, not at the next tick. */
  const wake = async (appId: string) => {
    const app = await prisma.app.findFirst({ where: { ...mine, id: appId }, select });
    const policy = app && storedAutoscalePolicy(app.autoscale);
    if (!app || !policy) return;
    const now = Date.now();
    const memory = memories.get(app.id) ?? newAutoscaleMemory(now);
    memories.set(app.id, memory);
    memory.lastActiveAt = now;
    if (app.replicas > 0) return void deps.reconcile(app.id); // already waking (or awake): make sure it gets there
    const load = summarizeLoad(await readLoadRecords(redis, app.id), now);
    await startApply(
      app,
      {
        to: Math.max(1, policy.min),
        reason: "a request arrived while scaled to zero (the router holds it until a replica serves)",
        panic: false,
      },
      load,
    );
  };

  const subscriber = connectRedis(config.REDIS_URL, "blocking", "autoscaler wake-ups", logger);
  subscriber.on(
    "message",
    (_channel, appId) => void wake(appId).catch((error) => logger.error({ err: error, appId }, "waking an app failed")),
  );
  await subscriber.subscribe(WAKE_CHANNEL);
  const loop = startLoop({ name: "autoscaling", everyMs: AUTOSCALE_TICK_MS, tick: tickOnce, logger });

  return {
    tick: () => loop.runNow(),
    async close() {
      await loop.stop();
      subscriber.disconnect();
      await Promise.all(applying.values());
    },
  };
}
