import { ensureDatabase, migrateDeploy } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { loadConfig } from "@pier/shared";
import { Redis } from "ioredis";

/**
 * Runs once before all tests: the test database exists and is migrated, Redis and Docker answer.
 * It does not start services: scripts/test.sh (npm test) does that.
 */
export default async function globalSetup(): Promise<void> {
  const databaseUrl = process.env.PIER_TEST_DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier_test";
  await ensureDatabase(databaseUrl);
  await migrateDeploy(databaseUrl);

  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: 1,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
  await createRuntime("docker", { socketPath: loadConfig().PIER_DOCKER_SOCKET }).ping();
}
