import { createPrismaClient } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { loadConfig, supervisedProcess } from "@pier/shared";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createNotificationWorker, notificationsQueueName } from "@pier/notifications";
import { Queue } from "bullmq";
import { createDeployWorker } from "./deploy-worker.ts";

supervisedProcess("pier-worker");
const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL, base: { service: "pier-worker" } });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = new Redis(config.REDIS_URL);
// Without a listener ioredis prints every failed reconnect as an "Unhandled error event" instead of a log line.
redis.on("error", (error) => logger.error({ err: error }, "redis connection error"));
const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
const runtime = createRuntime("docker", { socketPath: config.PIER_DOCKER_SOCKET });
const notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), { connection: new Redis(config.REDIS_URL) });
notifications.on("error", (error) => logger.error({ err: error }, "notifications queue connection error"));

await runtime.ping();
const worker = createDeployWorker({
  config,
  prisma,
  redis,
  runtime,
  notifications,
  logger,
  queueName: config.PIER_QUEUE_NAME,
  connection,
  concurrency: config.PIER_BUILD_CONCURRENCY,
});
// Alert deliveries (signed, retried with back-off) run in the worker process too.
const notificationWorker = createNotificationWorker({ prisma, connection, logger, queueName: notificationsQueueName(config.PIER_QUEUE_NAME) });
logger.info({ queue: config.PIER_QUEUE_NAME, concurrency: config.PIER_BUILD_CONCURRENCY }, "worker started");

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping: finishing running builds");
  await Promise.all([worker.close(), notificationWorker.close()]);
  await Promise.all([prisma.$disconnect(), redis.quit(), connection.quit(), notifications.close()]);
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
