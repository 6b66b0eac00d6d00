import { createPrismaClient } from "@pier/db";
import { createGithubReportWorker, githubApiTokenFor, reportStatusChanges } from "@pier/github";
import { createNotificationWorker, notificationsQueueName } from "@pier/notifications";
import { bullmqConnection, connectRedis } from "@pier/redis";
import { runtimeFromConfig } from "@pier/runtime";
import { githubQueueName, runPierProcess, schedulesQueueName } from "@pier/shared";
import { Queue } from "bullmq";
import { createDeployWorker } from "./deploy-worker.ts";
import { startHeadCheck } from "./head-check.ts";
import { startScheduleWorker } from "./schedule-worker.ts";

await runPierProcess("pier-worker", async ({ config, logger }) => {
  const prisma = createPrismaClient(config.DATABASE_URL);
  const redis = connectRedis(config.REDIS_URL, "patient", "worker", logger);
  const connection = bullmqConnection(config.REDIS_URL, "blocking");
  const runtime = runtimeFromConfig(config);
  const notifications = new Queue(notificationsQueueName(config.PIER_QUEUE_NAME), {
    connection: bullmqConnection(config.REDIS_URL, "patient"),
  });
  notifications.on("error", (error) => logger.error({ err: error }, "notifications queue connection error"));
  const github = new Queue(githubQueueName(config.PIER_QUEUE_NAME), {
    connection: bullmqConnection(config.REDIS_URL, "patient"),
  });
  github.on("error", (error) => logger.error({ err: error }, "GitHub queue connection error"));
  // Every status change of a deployment is reported to GitHub from the GitHub queue (apps on GitHub with credentials).
  const stopReporting = reportStatusChanges(github, logger);
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
  // Pushes whose webhook never came: the worker reads branch heads (it is where git runs).
  const deployQueue = new Queue(config.PIER_QUEUE_NAME, { connection: bullmqConnection(config.REDIS_URL, "patient") });
  deployQueue.on("error", (error) => logger.error({ err: error }, "deploy queue connection error"));
  const headCheck = startHeadCheck({ config, prisma, redis, queue: deployQueue, logger });
  // Scheduled deploys: BullMQ job schedulers on their own queue, kept in line with the DeploySchedule rows.
  const schedules = new Queue(schedulesQueueName(config.PIER_QUEUE_NAME), {
    connection: bullmqConnection(config.REDIS_URL, "patient"),
  });
  schedules.on("error", (error) => logger.error({ err: error }, "schedules queue connection error"));
  const scheduleWorker = startScheduleWorker({
    prisma,
    deployQueue,
    schedulesQueue: schedules,
    connection,
    logger,
  });
  // Alert deliveries (signed, retried with back-off) run in the worker process too.
  const notificationWorker = createNotificationWorker({
    prisma,
    connection,
    logger,
    queueName: notificationsQueueName(config.PIER_QUEUE_NAME),
  });
  const githubWorker = createGithubReportWorker({
    prisma,
    config,
    tokenFor: (app) => githubApiTokenFor({ prisma, config }, app),
    connection,
    queue: github,
    logger,
  });
  return {
    info: { queue: config.PIER_QUEUE_NAME, concurrency: config.PIER_BUILD_CONCURRENCY },
    async close() {
      // Running builds finish first.
      await Promise.all([
        worker.close(),
        notificationWorker.close(),
        githubWorker.close(),
        headCheck?.stop(),
        scheduleWorker.close(),
      ]);
      stopReporting();
      await Promise.all([
        prisma.$disconnect(),
        redis.quit(),
        connection.quit(),
        notifications.close(),
        github.close(),
        deployQueue.close(),
        schedules.close(),
      ]);
    },
  };
});
