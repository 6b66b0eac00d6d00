import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";

export interface RetentionDeps {
  config: PierConfig;
  prisma: PrismaClient;
  runtime: ContainerRuntime;
}
