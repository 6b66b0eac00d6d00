import { createPrismaClient } from "@pier/db";
import { notificationsQueueName } from "@pier/notifications";
import { createRuntime } from "@pier/runtime";
import { loadConfig, supervisedProcess } from "@pier/shared";
import { Queue } from "bullmq";
import { bullmqConnection, connectRedis } from "@pier/redis";
import { pino } from "pino";
import { startController } from "./controller.ts";

supervisedProcess("pier-controller");
const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL, base: { service: "pier-controller" } });
const prisma = createPrismaClient(config.DATABASE_URL);
const redis = connectRedis(config.REDIS_URL, "patient", "controller", logger);
const queue = new Queue(config.PIER_QUEUE_NAME, { connection: bullmqConnection(config.REDIS_URL, "patient") });
queue.on("error", (error) => logger.error({ err: error }, "queue connection error"));
const notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), {
  connection: bullmqConnection(config.REDIS_URL, "patient"),
});
notifications.on("error", (error) => logger.error({ err: error }, "notifications queue connection error"));
const runtime = createRuntime("docker", { socketPath: config.PIER_DOCKER_SOCKET });

await runtime.ping();
const controller = await startController({ config, prisma, redis, runtime, queue, notifications, logger });
logger.info({ sweepMs: config.PIER_CONTROLLER_SWEEP_MS }, "controller started");

async function shutdown(signal: string) {
  logger.info({ signal }, "controller stopping");
  await controller.close();
  await Promise.all([prisma.$disconnect(), redis.quit(), queue.close(), notifications.close()]);
  process.exit(0);
}
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));
