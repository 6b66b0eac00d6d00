import { createPrismaClient, type PrismaClient } from "@pier/db";
import { reportStatusChanges } from "@pier/github";
import { notificationsQueueName } from "@pier/notifications";
import { runtimeFromConfig, type ContainerRuntime } from "@pier/runtime";
import { githubQueueName, schedulesQueueName, type PierConfig } from "@pier/shared";
import { Queue } from "bullmq";
import { bullmqConnection, connectRedis } from "@pier/redis";
import type { Redis } from "ioredis";
import fp from "fastify-plugin";

/** The external services the API talks to, created once and closed with the app. */
export interface PierDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  queue: Queue;
  /** Alert deliveries, apart from deploys (see @pier/notifications). */
  notifications: Queue;
  /** Reports to GitHub: deployment statuses and pull-request comments (see @pier/github). */
  github: Queue;
  /** Scheduled deploys: one job scheduler per DeploySchedule row (see @pier/lifecycle's schedulers). */
  schedules: Queue;
  runtime: ContainerRuntime;
}

declare module "fastify" {
  interface FastifyInstance {
    pier: PierDeps;
  }
}

export default fp<{ config: PierConfig }>(
  async (app, { config }) => {
    const prisma = createPrismaClient(config.DATABASE_URL);
    const redis = connectRedis(config.REDIS_URL, "commands", "api", app.log);
    const queue = new Queue(config.PIER_QUEUE_NAME, { connection: bullmqConnection(config.REDIS_URL, "commands") });
    const notificationsQueue = notificationsQueueName(config.PIER_QUEUE_NAME);
    const notifications = new Queue(notificationsQueue, { connection: bullmqConnection(config.REDIS_URL, "commands") });
    queue.on("error", (error) => app.log.error({ err: error }, "queue connection error"));
    notifications.on("error", (error) => app.log.error({ err: error }, "notifications queue connection error"));
    const github = new Queue(githubQueueName(config.PIER_QUEUE_NAME), {
      connection: bullmqConnection(config.REDIS_URL, "commands"),
    });
    github.on("error", (error) => app.log.error({ err: error }, "GitHub queue connection error"));
    const schedules = new Queue(schedulesQueueName(config.PIER_QUEUE_NAME), {
      connection: bullmqConnection(config.REDIS_URL, "commands"),
    });
    schedules.on("error", (error) => app.log.error({ err: error }, "schedules queue connection error"));
    // Status changes the API makes (a deployment superseded, one that could not be queued) are reported too.
    const stopReporting = reportStatusChanges(github, app.log);
    app.decorate("pier", {
      config,
      prisma,
      redis,
      queue,
      notifications,
      github,
      schedules,
      runtime: runtimeFromConfig(config),
    });
    app.addHook("onClose", async () => {
      stopReporting();
      await Promise.all([queue.close(), notifications.close(), github.close(), schedules.close()]);
      const connections = await Promise.all([queue.client, notifications.client, github.client, schedules.client]);
      await Promise.all([prisma.$disconnect(), redis.quit(), ...connections.map((c) => c.quit())]);
    });
  },
  { name: "pier-deps" },
);
