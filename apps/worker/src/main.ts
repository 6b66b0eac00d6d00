import { createPrismaClient } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { loadConfig } from "@pier/shared";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createDeployWorker } from "./deploy-worker.ts";

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL, base: { service: "pier-worker" } });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = new Redis(config.REDIS_URL);
const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const runtime = createRuntime("docker");

await runtime.ping();
const worker = createDeployWorker({
  config,
  prisma,
  redis,
  runtime,
  logger,
  queueName: config.PIER_QUEUE_NAME,
  connection,
  concurrency: config.PIER_BUILD_CONCURRENCY,
});
logger.info({ queue: config.PIER_QUEUE_NAME, concurrency: config.PIER_BUILD_CONCURRENCY }, "worker started");

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping: finishing running builds");
  await worker.close();
  await Promise.all([prisma.$disconnect(), redis.quit(), connection.quit()]);
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
