import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import type { Redis } from "ioredis";

/** What the release steps need; the worker and the API each pass their own. */
export interface ReleaseDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  runtime: ContainerRuntime;
}
