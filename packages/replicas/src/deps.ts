import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import type { Redis } from "ioredis";

/** What deciding and reporting replica counts needs; the API, worker and controller each pass their own. */
export interface ReplicaDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  runtime: ContainerRuntime;
}
