import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import net from "node:net";
import { startControlPlane } from "./control-plane.ts";
import type { RouterLogger } from "./logger.ts";
import { startHaproxy, type Haproxy } from "./haproxy/haproxy.ts";

export type { RouterLogger } from "./logger.ts";
export type { RouteEntries } from "./route-entries.ts";

export interface Router {
  /** The port the data plane listens on (the one asked for, or a free one when asked for 0). */
  port: number;
  reload(): Promise<void>;
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
export async function createRouter(config: PierConfig, prisma: PrismaClient, runtime: ContainerRuntime, logger: RouterLogger, listen: RouterListen): Promise<Router> {
  const { haproxy, port } = await startDataPlane(config, listen, logger);
  try {
    const control = await startControlPlane({
      config,
      prisma,
      runtime,
      logger,
      apply: (entries) => haproxy.applyRoutes(entries),
    });
    return {
      port,
      reload: control.reload,
      async close() {
        await control.close();
        await haproxy.stop();
      },
    };
  } catch (error) {
    await haproxy.stop();
    throw error;
  }
}

async function startDataPlane(config: PierConfig, listen: RouterListen, logger: RouterLogger): Promise<{ haproxy: Haproxy; port: number }> {
  const shape = { threads: config.PIER_ROUTER_THREADS, slots: config.PIER_ROUTER_SLOTS, serversPerSlot: config.PIER_MAX_REPLICAS, domain: config.PIER_DOMAIN };
  if (listen.port !== 0) return { haproxy: await startHaproxy(config.PIER_HAPROXY_BIN, { ...listen, ...shape }, logger), port: listen.port };
  // HAProxy can't report a port the kernel picked, so pick one here; another process may take it
  // between our probe and HAProxy's bind, hence a few attempts.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort(listen.host);
    try {
      return { haproxy: await startHaproxy(config.PIER_HAPROXY_BIN, { host: listen.host, port, ...shape }, logger), port };
    } catch (error) {
      if (attempt >= START_ATTEMPTS || !/cannot bind|Address already in use/i.test((error as Error).message)) throw error;
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
