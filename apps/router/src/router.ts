import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import type http from "node:http";
import { startControlPlane, type RouterLogger } from "./control-plane.ts";
import { createProxyServer } from "./proxy.ts";
import { RouteTable } from "./route-table.ts";

export type { RouterLogger } from "./control-plane.ts";

export interface Router {
  server: http.Server;
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** The router in one process: control plane and proxy together (tests, and PIER_ROUTER_WORKERS=1). */
export async function createRouter(config: PierConfig, prisma: PrismaClient, runtime: ContainerRuntime, logger: RouterLogger): Promise<Router> {
  let table = new RouteTable(config.PIER_DOMAIN);
  const control = await startControlPlane({
    config,
    prisma,
    runtime,
    logger,
    // Swapping the reference is atomic: a request sees the old table or the new one, never a mix.
    apply: async (entries) => {
      table = new RouteTable(config.PIER_DOMAIN, entries);
    },
  });
  const server = createProxyServer(() => table);
  logger.info({ routes: table.size }, "route table loaded");
  return {
    server,
    reload: control.reload,
    async close() {
      await control.close();
      const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await serverClosed;
    },
  };
}
