import { createPrismaClient } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { loadConfig, supervisedProcess } from "@pier/shared";
import { pino } from "pino";
import { createRouter } from "./router.ts";

supervisedProcess("pier-router");
const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL, base: { service: "pier-router" } });
const prisma = createPrismaClient(config.DATABASE_URL);
const starting = createRouter(
  config,
  prisma,
  createRuntime("docker", { socketPath: config.PIER_DOCKER_SOCKET }),
  logger,
  { host: config.PIER_ROUTER_HOST, port: config.PIER_ROUTER_PORT },
);

// Listening from the start: a stop asked for while the router starts waits for it, then stops the HAProxy it started.
async function shutdown(signal: string) {
  logger.info({ signal }, "router stopping");
  setTimeout(() => process.exit(0), 15_000).unref();
  const router = await starting.catch(() => null); // a start that failed stopped its HAProxy itself
  await router?.close();
  await prisma.$disconnect();
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

const router = await starting;
logger.info({ host: config.PIER_ROUTER_HOST, port: router.port, domain: config.PIER_DOMAIN }, "router listening");
