import {
  ROUTES_APPLIED_TTL_SECONDS,
  ROUTES_CHANGED_CHANNEL,
  ROUTES_GENERATION_KEY,
  routesAppliedKey,
  type PierConfig,
} from "@pier/shared";
import { randomUUID } from "node:crypto";
import { connectRedis } from "@pier/redis";
import type { RouterLogger } from "./logger.ts";
import type { RouterState } from "./router-state.ts";

/** A full reload every so often repairs anything a missed pub/sub message left stale. */
const RESYNC_EVERY_MS = 5_000;

export interface ControlPlaneOptions {
  config: PierConfig;
  logger: RouterLogger;
  /** Reads the route table and certificates as they are now. */
  load(): Promise<RouterState>;
  /** Puts them in service; resolves once every request from then on uses them. */
  apply(state: RouterState): Promise<void>;
}

export interface ControlPlane {
  reload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Keeps the routing table and certificates current: loads them at start, reloads on every change notification
 * (and every few seconds), and after each reload stores the generation it reflects, which is how a production
 * switch knows traffic follows it. Bursts of notifications coalesce into at most one extra reload.
 */
export async function startControlPlane(options: ControlPlaneOptions): Promise<ControlPlane> {
  const { config, logger } = options;
  const redis = connectRedis(config.REDIS_URL, "commands", "router control plane", logger);
  let reloading: Promise<void> | null = null;
  let again = false;
  let closed = false;
  // This router's own acknowledgement key: a switch waits for every live router, not just any one.
  const appliedKey = routesAppliedKey(randomUUID());

  // The generation is read before the data, so a table built now reflects every change announced so far.
  const reloadOnce = async () => {
    const generation = Number((await redis.get(ROUTES_GENERATION_KEY)) ?? 0);
    await options.apply(await options.load());
    if (!closed) await redis.set(appliedKey, String(generation), "EX", ROUTES_APPLIED_TTL_SECONDS);
  };
  const reload = async (): Promise<void> => {
    if (closed) return;
    if (reloading) {
      again = true;
      return reloading;
    }
    reloading = (async () => {
      try {
        do {
          again = false;
          await reloadOnce();
        } while (again && !closed);
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };
  const reloadLogged = () =>
    reload().catch((error) => logger.error({ err: error }, "route reload failed; keeping the previous table"));

  await reload();
  const subscriber = connectRedis(config.REDIS_URL, "blocking", "router subscriber", logger);
  subscriber.on("message", () => void reloadLogged());
  // After a reconnect we may have missed messages: reload.
  subscriber.on("ready", () => void reloadLogged());
  await subscriber.subscribe(ROUTES_CHANGED_CHANNEL);
  const resync = setInterval(() => void reloadLogged(), RESYNC_EVERY_MS);
  resync.unref();

  return {
    reload,
    async close() {
      closed = true;
      clearInterval(resync);
      subscriber.disconnect();
      await reloading?.catch(() => undefined /* already logged by reloadLogged */);
      // Leave at once, so switches stop waiting for a router that is gone.
      await redis.del(appliedKey);
      redis.disconnect();
    },
  };
}
