import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";

/** What every step of a deploy works with. */
export interface DeployDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  runtime: ContainerRuntime;
  /** Where deployment notifications go (the notifications queue); optional. */
  notifications?: Queue;
  logger: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}
