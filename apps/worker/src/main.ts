import { createPrismaClient } from "@pier/db";
import { createNotificationWorker, notificationsQueueName } from "@pier/notifications";
import { bullmqConnection, connectRedis } from "@pier/redis";
import { createRuntime } from "@pier/runtime";
import { runPierProcess } from "@pier/shared";
import { Queue } from "bullmq";
import { createDeployWorker } from "./deploy-worker.ts";

await runPierProcess("pier-worker", async ({ config, logger }) => {
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
  return {
    info: { queue: config.PIER_QUEUE_NAME, concurrency: config.PIER_BUILD_CONCURRENCY },
    async close() {
      // Running builds finish first.
      await Promise.all([worker.close(), notificationWorker.close()]);
      await Promise.all([prisma.$disconnect(), redis.quit(), connection.quit(), notifications.close()]);
    },
  };
});
