import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import { WAKE_CHANNEL } from "@pier/shared";
import { connectRedis } from "@pier/redis";
import net from "node:net";
import { startActivator, type Activator } from "./activator/activator.ts";
import { startChallengeResponder, type ChallengeResponder } from "./acme-challenges.ts";
import { startControlPlane } from "./control-plane.ts";
import type { RouterPorts } from "./route-entries.ts";
import type { RouterLogger } from "./logger.ts";
import { startHaproxy, type Haproxy } from "./haproxy/haproxy.ts";
import { loadRouterState, type RouterState } from "./router-state.ts";
import { startMetricsCollector } from "./metrics/collector.ts";
import { NO_LATENCY_LOG, startLatencyLog } from "./metrics/latency-log.ts";
import { startLoadReporter } from "./metrics/load-reporter.ts";

export type { RouterLogger } from "./logger.ts";
export type { RouteEntries } from "./route-entries.ts";

export interface Router {
  /** The port the data plane listens on (the one asked for, or a free one when asked for 0). */
  port: number;
  /** Its HTTPS port (likewise), or null without TLS. */
  tlsPort: number | null;
  reload(): Promise<void>;
  /** Writes the traffic since the last sample now (it also happens every 10 s by itself). */
  collectMetrics(): Promise<number>;
  close(): Promise<void>;
}

export interface RouterListen {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  /** Where TLS is terminated (0: a free port); unset: plain HTTP only. */
  tlsPort?: number;
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
    timeoutMs: config.PIER_ACTIVATOR_TIMEOUT_MS,
    maxHeldPerApp: config.PIER_ACTIVATOR_MAX_HELD,
    wake: async (appId) => void (await redis.publish(WAKE_CHANNEL, appId)),
    logger,
  });
  const challenges = await startChallengeResponder(redis, logger);
  const latencyMetrics = config.PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND > 0;
  // HAProxy starts with the routes as they are now (it may be taking over from a killed router's, which
  // serves meanwhile); the control plane then loads them again and applies any change since.
  const load = (ports: RouterPorts) => loadRouterState(config, prisma, runtime, ports, logger);
  const started = startDataPlane(config, listen, logger, {
    activator,
    challenges,
    latencyLog: latencyMetrics ? { samplesPerSecond: config.PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND } : undefined,
    load: async (ports) => {
      const state = await load(ports);
      activator.update(state.view);
      return state;
    },
  });
  const { haproxy, ports } = await started.catch(async (error) => {
    await challenges.close();
    await activator.close();
    redis.disconnect();
    throw error;
  });
  const latencyLog = latencyMetrics ? startLatencyLog(haproxy.adminSocket, logger) : NO_LATENCY_LOG;
  const metrics = startMetricsCollector(prisma, haproxy, latencyLog, logger);
  const loadReporter = startLoadReporter(haproxy, activator, redis, logger);
  const stopAll = async () => {
    loadReporter.close();
    await metrics.close();
    // Before HAProxy's soft stop, which would otherwise wait for this reader's open connection.
    await latencyLog.close();
    await haproxy.stop();
    await challenges.close();
    await activator.close();
    redis.disconnect();
  };
  try {
    const control = await startControlPlane({
      config,
      logger,
      load: () => load(ports),
      apply: async ({ view, certificates }) => {
        // Certificates first: a host whose certificate just arrived is redirected to HTTPS only once it is served.
        await haproxy.applyCertificates(certificates);
        await haproxy.applyRoutes(view.entries, view.https);
        metrics.setOwners(view.owners);
        loadReporter.setOwners(view.owners);
        activator.update(view);
      },
    });
    return {
      port: ports.http,
      tlsPort: ports.https,
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

interface DataPlaneParts {
  activator: Activator;
  challenges: ChallengeResponder;
  latencyLog: { samplesPerSecond: number } | undefined;
  /** What to serve from the first request, read once the ports are known (redirect URLs name them). */
  load(ports: RouterPorts): Promise<RouterState>;
}

async function startDataPlane(
  config: PierConfig,
  listen: RouterListen,
  logger: RouterLogger,
  parts: DataPlaneParts,
): Promise<{ haproxy: Haproxy; ports: RouterPorts }> {
  const shape = {
    threads: config.PIER_ROUTER_THREADS,
    slots: config.PIER_ROUTER_SLOTS,
    serversPerSlot: config.PIER_MAX_REPLICAS,
    latencyLog: parts.latencyLog,
    holdReleasedSlots: true,
    activator: { port: parts.activator.port, timeoutMs: config.PIER_ACTIVATOR_TIMEOUT_MS },
    acmeChallenges: { port: parts.challenges.port },
    api: config.PIER_API_DOMAIN ? apiEndpoint(config) : undefined,
  };
  // HAProxy can't report a port the kernel picked, so pick one here; another process may take it
  // between our probe and HAProxy's bind, hence a few attempts.
  for (let attempt = 1; ; attempt++) {
    const ports: RouterPorts = {
      http: listen.port || (await freePort(listen.host)),
      https: listen.tlsPort === undefined ? null : listen.tlsPort || (await freePort(listen.host)),
    };
    const initial = await parts.load(ports);
    const haproxyListen = { host: listen.host, port: ports.http, tlsPort: ports.https ?? undefined, ...shape };
    try {
      const haproxy = await startHaproxy(config.PIER_HAPROXY_BIN, haproxyListen, logger, {
        entries: initial.view.entries,
        https: initial.view.https,
        certificates: initial.certificates,
      });
      return { haproxy, ports };
    } catch (error) {
      const picked = listen.port === 0 || listen.tlsPort === 0;
      if (!picked || attempt >= START_ATTEMPTS || !/cannot bind|Address already in use/i.test((error as Error).message))
        throw error;
    }
  }
}

/** Where the router reaches the API: its own address, or this machine's when it listens on every address. */
function apiEndpoint(config: PierConfig): string {
  const host = ["0.0.0.0", "::", ""].includes(config.PIER_API_HOST) ? "127.0.0.1" : config.PIER_API_HOST;
  return `${host.includes(":") ? `[${host}]` : host}:${config.PIER_API_PORT}`;
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
