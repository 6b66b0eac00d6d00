import { startController, type Controller } from "@pier/controller";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { pino } from "pino";
import type { Platform } from "./platform.ts";

export interface TestController {
  controller: Controller;
  /** The deploy queue it checks for stuck deployments. */
  queue: Queue;
  close(): Promise<void>;
}

/**
 * A controller beside a test platform. Test files share one database, so it looks after the apps whose
 * names start with `appPrefix` only (each file names its apps with its own prefix); its alerts go to the
 * platform's notifications queue.
 */
export async function startTestController(platform: Platform, appPrefix: string): Promise<TestController> {
  // Its errors show in the test's output (a failed pass says why); its warnings (every alert) would drown them.
  const controllerLogger = pino({ level: "error" });
  const redis = new Redis(platform.config.REDIS_URL);
  redis.on("error", (error) => controllerLogger.error({ err: error }, "redis connection error"));
  const queue = new Queue(platform.config.PIER_QUEUE_NAME, { connection: new Redis(platform.config.REDIS_URL) });
  queue.on("error", (error) => controllerLogger.error({ err: error }, "queue connection error"));
  const controller = await startController({
    config: { ...platform.config, PIER_CONTROLLER_APP_PREFIX: appPrefix },
    prisma: platform.prisma,
    redis,
    runtime: platform.runtime,
    queue,
    notifications: platform.api.pier.notifications,
    logger: controllerLogger,
  });
  return {
    controller,
    queue,
    async close() {
      await controller.close();
      await queue.close();
      redis.disconnect();
    },
  };
}
