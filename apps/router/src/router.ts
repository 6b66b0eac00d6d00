import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import { WAKE_CHANNEL } from "@pier/shared";
import { connectRedis } from "@pier/redis";
import net from "node:net";
import { startActivator, type Activator } from "./activator/activator.ts";
import { startControlPlane } from "./control-plane.ts";
import { loadRouteTable } from "@pier/routing";
import { routerView } from "./route-entries.ts";
import type { RouteEntries } from "./route-entries.ts";
import type { RouterLogger } from "./logger.ts";
import { startHaproxy, type Haproxy } from "./haproxy/haproxy.ts";
import { startMetricsCollector } from "./metrics/collector.ts";
import { startLatencyLog } from "./metrics/latency-log.ts";
import { startLoadReporter } from "./metrics/load-reporter.ts";

export type { RouterLogger } from "./logger.ts";
export type { RouteEntries } from "./route-entries.ts";

export interface Router {
  /** The port the data plane listens on (the one asked for, or a free one when asked for 0). */
  port: number;
  reload(): Promise<void>;
  /** Writes the traffic since the last sample now (it also happens every 10 s by itself). */
  collectMetrics(): Promise<number>;
  close(): Promise<void>;
}

export interface RouterListen {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
}

const START_ATTEMPTS = 3;

/**
 * The router: HAProxy carries the traffic (data plane); this process keeps its route map equal to
 * the database and the running containers (control plane), and confirms every change it applied.
 */
export async function createRouter(
  config: PierConfig,
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  logger: RouterLogger,
  listen: RouterListen,
): Promise<Router> {
  const redis = connectRedis(config.REDIS_URL, "commands", "router", logger);
  const activator = await startActivator({
    domain: config.PIER_DOMAIN,
    timeoutMs: config.PIER_ACTIVATOR_TIMEOUT_MS,
    maxHeldPerApp: config.PIER_ACTIVATOR_MAX_HELD,
    wake: async (appId) => void (await redis.publish(WAKE_CHANNEL, appId)),
    logger,
  });
  const latencyLog = await startLatencyLog();
  const latencyMetrics = config.PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND > 0;
  // HAProxy starts with the routes as they are now (it may be taking over from a killed router's, which
  // serves meanwhile); the control plane then loads them again and applies any change since.
  const started = loadRouteTable(prisma, runtime)
    .then(routerView)
    .then((initial) => {
      activator.update(initial);
      return startDataPlane(
        config,
        listen,
        logger,
        activator,
        latencyMetrics ? { port: latencyLog.port } : undefined,
        initial.entries,
      );
    });
  const { haproxy, port } = await started.catch(async (error) => {
    await latencyLog.close();
    await activator.close();
    redis.disconnect();
    throw error;
  });
  const metrics = startMetricsCollector(prisma, haproxy, latencyLog, logger, {
    latencySamplesPerSecond: config.PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND,
  });
  const load = startLoadReporter(haproxy, activator, redis, logger);
  const stopAll = async () => {
    load.close();
    await metrics.close();
    await haproxy.stop();
    await latencyLog.close();
    await activator.close();
    redis.disconnect();
  };
  try {
    const control = await startControlPlane({
      config,
      prisma,
      runtime,
      logger,
      apply: async (table) => {
        await haproxy.applyRoutes(table.entries);
        metrics.setOwners(table.owners);
        load.setOwners(table.owners);
        activator.update(table);
      },
    });
    return {
      port,
      reload: control.reload,
      collectMetrics: metrics.collect,
      async close() {
        await control.close();
        await metrics.collect().catch((error) => logger.error({ err: error }, "last metrics collection failed"));
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

async function startDataPlane(
  config: PierConfig,
  listen: RouterListen,
  logger: RouterLogger,
  activator: Activator,
  latencyLog: { port: number } | undefined,
  initial: RouteEntries,
): Promise<{ haproxy: Haproxy; port: number }> {
  const shape = {
    threads: config.PIER_ROUTER_THREADS,
    slots: config.PIER_ROUTER_SLOTS,
    serversPerSlot: config.PIER_MAX_REPLICAS,
    domain: config.PIER_DOMAIN,
    latencyLog,
    holdReleasedSlots: true,
    activator: { port: activator.port, timeoutMs: config.PIER_ACTIVATOR_TIMEOUT_MS },
  };
  if (listen.port !== 0)
    return {
      haproxy: await startHaproxy(config.PIER_HAPROXY_BIN, { ...listen, ...shape }, logger, initial),
      port: listen.port,
    };
  // HAProxy can't report a port the kernel picked, so pick one here; another process may take it
  // between our probe and HAProxy's bind, hence a few attempts.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(listen.host);
    try {
      return {
        haproxy: await startHaproxy(config.PIER_HAPROXY_BIN, { host: listen.host, port, ...shape }, logger, initial),
        port,
      };
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !/cannot bind|Address already in use/i.test((error as Error).message))
        throw error;
    }
  }
}

function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
