import { createPrismaClient } from "@pier/db";
import { runtimeFromConfig } from "@pier/runtime";
import { runPierProcess } from "@pier/shared";
import { createRouter } from "./router.ts";

// A stop that hangs (HAProxy not going away) must not keep the port taken: 15 s, then the process exits.
await runPierProcess(
  "pier-router",
  async ({ config, logger }) => {
    const prisma = createPrismaClient(config.DATABASE_URL);
    const runtime = runtimeFromConfig(config);
    // A start that fails stops the HAProxy it started itself.
    const router = await createRouter(config, prisma, runtime, logger, {
      host: config.PIER_ROUTER_HOST,
      port: config.PIER_ROUTER_PORT,
      tlsPort: config.PIER_ROUTER_TLS_PORT === "off" ? undefined : config.PIER_ROUTER_TLS_PORT,
    });
    return {
      info: { host: config.PIER_ROUTER_HOST, port: router.port, tlsPort: router.tlsPort, domain: config.PIER_DOMAIN },
      async close() {
        await router.close();
        await prisma.$disconnect();
      },
    };
  },
  { stopTimeoutMs: 15_000 },
);
