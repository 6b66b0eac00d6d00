import { createPrismaClient } from "@pier/db";
import { reportStatusChanges } from "@pier/github";
import { notificationsQueueName } from "@pier/notifications";
import { bullmqConnection, connectRedis } from "@pier/redis";
import { runtimeFromConfig } from "@pier/runtime";
import { githubQueueName, runPierProcess } from "@pier/shared";
import { Queue } from "bullmq";
import { startController } from "./controller.ts";

await runPierProcess("pier-controller", async ({ config, logger }) => {
  const prisma = createPrismaClient(config.DATABASE_URL);
  const redis = connectRedis(config.REDIS_URL, "patient", "controller", logger);
  const queue = new Queue(config.PIER_QUEUE_NAME, { connection: bullmqConnection(config.REDIS_URL, "patient") });
  queue.on("error", (error) => logger.error({ err: error }, "queue connection error"));
  const notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), {
    connection: bullmqConnection(config.REDIS_URL, "patient"),
  });
  notifications.on("error", (error) => logger.error({ err: error }, "notifications queue connection error"));
  const github = new Queue(githubQueueName(config.PIER_QUEUE_NAME), {
    connection: bullmqConnection(config.REDIS_URL, "patient"),
  });
  github.on("error", (error) => logger.error({ err: error }, "GitHub queue connection error"));
  // Deployments the controller fails (stuck ones) are reported to GitHub like any other status change.
  const stopReporting = reportStatusChanges(github, logger);
  const runtime = runtimeFromConfig(config);
  await runtime.ping();
  const controller = await startController({ config, prisma, redis, runtime, queue, notifications, logger });
  return {
    info: { sweepMs: config.PIER_CONTROLLER_SWEEP_MS },
    async close() {
      await controller.close();
      stopReporting();
      await Promise.all([prisma.$disconnect(), redis.quit(), queue.close(), notifications.close(), github.close()]);
    },
  };
});
