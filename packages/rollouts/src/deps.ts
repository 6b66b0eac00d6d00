import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { Logger, PierConfig } from "@pier/shared";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";

/** Starting a rollout needs only the database and the routers' signal (the worker calls it with these). */
export interface RolloutStartDeps {
  prisma: PrismaClient;
  redis: Redis;
}

/** Changing one (promoting, aborting, stepping) also stops containers and alerts. */
export interface RolloutDeps extends RolloutStartDeps {
  config: PierConfig;
  runtime: ContainerRuntime;
  /** The notifications queue; without it, an abort alerts nobody. */
  notifications?: Queue;
  logger: Pick<Logger, "error" | "warn" | "info">;
}
