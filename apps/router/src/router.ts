import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { ROUTES_APPLIED_KEY, ROUTES_CHANGED_CHANNEL, ROUTES_GENERATION_KEY, type PierConfig } from "@pier/shared";
import type http from "node:http";
import { Redis } from "ioredis";
import { loadRouteEntries } from "./load-routes.ts";
import { createProxyServer } from "./proxy.ts";
import { RouteTable } from "./route-table.ts";

/** A full reload every so often repairs anything a missed pub/sub message left stale. */
const RESYNC_EVERY_MS = 5_000;

export interface Router {
  server: http.Server;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface RouterLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Builds the router: loads the table from the database, then follows change notifications. */
export async function createRouter(config: PierConfig, prisma: PrismaClient, runtime: ContainerRuntime, logger: RouterLogger): Promise<Router> {
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2 });
  redis.on("error", (error) => logger.error({ err: error }, "redis error"));
  let table = new RouteTable(config.PIER_DOMAIN, await loadRouteEntries(prisma, runtime));
  let reloading: Promise<void> | null = null;
  let again = false;
  let closed = false;

  // The generation is read before the data: a table built now reflects every change announced so far,
  // and storing it tells whoever switched production that traffic now follows the switch.
  const reloadOnce = async () => {
    const generation = Number((await redis.get(ROUTES_GENERATION_KEY)) ?? 0);
    table = new RouteTable(config.PIER_DOMAIN, await loadRouteEntries(prisma, runtime));
    await redis.set(ROUTES_APPLIED_KEY, String(generation));
  };
  // Coalesces bursts of notifications: at most one reload runs, and one more follows if needed.
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
        } while (again);
      } finally {
        reloading = null;
      }
    })();
    return reloading;
  };
  const reloadLogged = () =>
    reload().catch((error) => logger.error({ err: error }, "route reload failed; keeping the previous table"));

  const subscriber = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  subscriber.on("error", (error) => logger.error({ err: error }, "redis subscriber error"));
  subscriber.on("message", () => void reloadLogged());
  // After a reconnect we may have missed messages: reload.
  subscriber.on("ready", () => void reloadLogged());
  await subscriber.subscribe(ROUTES_CHANGED_CHANNEL);
  const resync = setInterval(() => void reloadLogged(), RESYNC_EVERY_MS);
  resync.unref();

  const server = createProxyServer(() => table);
  logger.info({ routes: table.size }, "route table loaded");
  return {
    server,
    reload,
    async close() {
      closed = true;
      clearInterval(resync);
      subscriber.disconnect();
      await reloading?.catch(() => undefined /* already logged by reloadLogged */);
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await serverClosed;
      redis.disconnect();
    },
  };
}
