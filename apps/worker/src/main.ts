import { createPrismaClient } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { loadConfig, supervisedProcess } from "@pier/shared";
import { bullmqConnection, connectRedis } from "@pier/redis";
import { pino } from "pino";
import { createNotificationWorker, notificationsQueueName } from "@pier/notifications";
import { Queue } from "bullmq";
import { createDeployWorker } from "./deploy-worker.ts";

supervisedProcess("pier-worker");
const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL, base: { service: "pier-worker" } });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = connectRedis(config.REDIS_URL, "patient", "worker", logger);
const connection = bullmqConnection(config.REDIS_URL, "blocking");
const runtime = createRuntime("docker", { socketPath: config.PIER_DOCKER_SOCKET });
const notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), {
  connection: bullmqConnection(config.REDIS_URL, "patient"),
});
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
const notificationWorker = createNotificationWorker({
  prisma,
  connection,
  logger,
  queueName: notificationsQueueName(config.PIER_QUEUE_NAME),
});
logger.info({ queue: config.PIER_QUEUE_NAME, concurrency: config.PIER_BUILD_CONCURRENCY }, "worker started");

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping: finishing running builds");
  await Promise.all([worker.close(), notificationWorker.close()]);
  await Promise.all([prisma.$disconnect(), redis.quit(), connection.quit(), notifications.close()]);
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
