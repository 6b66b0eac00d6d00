import { buildApp } from "@pier/api";
import { createPrismaClient, type App, type PrismaClient } from "@pier/db";
import { createGithubReportWorker, githubApiTokenFor } from "@pier/github";
import { createNotificationWorker, notificationsQueueName } from "@pier/notifications";
import { createRouter, type Router } from "@pier/router";
import { runtimeFromConfig, type ContainerRuntime } from "@pier/runtime";
import { loadConfig, type PierConfig } from "@pier/shared";
import { createDeployWorker } from "@pier/worker";
import type { Worker } from "bullmq";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { pino } from "pino";

/** Settings for one test file: its own queue (so tests never see each other's jobs) and fast timeouts. */
export function testConfig(overrides: Record<string, string> = {}): PierConfig {
  return loadConfig(testEnv(overrides));
}

/** testConfig as environment variables, for a Pier process a test starts (a worker it may kill). */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string | undefined> {
  return {
    ...process.env,
    PIER_QUEUE_NAME: `test-${randomUUID()}`,
    PIER_ADMIN_TOKEN: "test-admin-token-0123456789",
    PIER_ALLOW_FILE_REPOS: "1",
    PIER_NODE_IMAGE: process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim",
    PIER_HEALTHCHECK_TIMEOUT_MS: "15000",
    PIER_DRAIN_MS: "300",
    PIER_BUILD_CONCURRENCY: "2",
    PIER_CONTAINER_MEMORY_MB: "128",
    // Tests check latency percentiles of a few requests: every request is measured.
    PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND: "100000",
    // Tests poll the API hard with one token; the limit itself has its own test.
    PIER_API_RATE_LIMIT_PER_MINUTE: "100000",
    LOG_LEVEL: process.env.PIER_TEST_LOG_LEVEL ?? "warn",
    ...overrides,
  };
}

export interface Platform {
  config: PierConfig;
  api: FastifyInstance;
  router: Router;
  routerPort: number;
  /** Where the router answers HTTPS. */
  routerTlsPort: number;
  worker: Worker;
  /** Sends alert deliveries (queue `<PIER_QUEUE_NAME>-notifications`). */
  notificationWorker: Worker;
  /** Reports to GitHub (queue `<PIER_QUEUE_NAME>-github`): deployment statuses, pull-request comments. */
  githubWorker: Worker;
  prisma: PrismaClient;
  runtime: ContainerRuntime;
  auth: { authorization: string };
  close(): Promise<void>;
}

/** API, worker and router of one Pier, in this process, on real Postgres, Redis and Docker. */
export async function startPlatform(
  config: PierConfig = testConfig(),
  /** The router's ports: free ones unless given (HTTPS always on, as in production). */
  options: {
    worker?: boolean;
    routerPort?: number;
    routerTlsPort?: number;
    /** The token GitHub reports are made with (the app's real credentials unless given). */
    githubToken?: (app: App) => Promise<string | null>;
  } = {},
): Promise<Platform> {
  const logger = pino({ level: config.LOG_LEVEL });
  const prisma = createPrismaClient(config.DATABASE_URL);
  const redis = new Redis(config.REDIS_URL);
  redis.on("error", (error) => logger.error({ err: error }, "redis connection error"));
  const connection = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
  const runtime = runtimeFromConfig(config);
  const api = await buildApp(config, { logger: false });
  // worker: false takes no builds here: they wait for a worker process the test starts (and may kill).
  const worker = createDeployWorker({
    config,
    prisma,
    redis,
    runtime,
    notifications: api.pier.notifications,
    logger,
    queueName: config.PIER_QUEUE_NAME,
    connection,
    concurrency: config.PIER_BUILD_CONCURRENCY,
    autorun: options.worker !== false,
  });
  const notificationWorker = createNotificationWorker({
    prisma,
    connection,
    logger,
    queueName: notificationsQueueName(config.PIER_QUEUE_NAME),
  });
  const githubWorker = createGithubReportWorker({
    prisma,
    config,
    tokenFor: options.githubToken ?? ((app) => githubApiTokenFor({ prisma, config }, app)),
    connection,
    queue: api.pier.github,
    logger,
  });
  const router = await createRouter(config, prisma, runtime, logger, {
    host: "127.0.0.1",
    port: options.routerPort ?? 0,
    tlsPort: options.routerTlsPort ?? 0,
  });
  const routerPort = router.port;
  const routerTlsPort = router.tlsPort!;
  const platform: Platform = {
    config,
    api,
    router,
    routerPort,
    routerTlsPort,
    worker,
    notificationWorker,
    githubWorker,
    prisma,
    runtime,
    auth: { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` },
    async close() {
      await Promise.all([worker.close(), notificationWorker.close(), githubWorker.close()]);
      // The router the platform has now: a test may have replaced it (a router restart).
      await platform.router.close();
      await api.close();
      await Promise.all([prisma.$disconnect(), redis.quit(), connection.quit()]);
    },
  };
  return platform;
}
