import { defineConfig } from "vitest/config";

// One run for the whole repo: unit tests next to each package, platform tests under tests/.
// Real Postgres, Redis and Docker are required (scripts/test.sh starts them).
export default defineConfig({
  test: {
    include: [
      "packages/*/test/**/*.test.ts",
      "apps/*/test/**/*.test.ts",
      "tests/e2e/**/*.test.ts",
      // Two-node swarms in network namespaces (npm run test:cluster runs these alone).
      "tests/cluster/**/*.test.ts",
    ],
    globalSetup: ["tests/support/global-setup.ts"],
    env: {
      DATABASE_URL: process.env.PIER_TEST_DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier_test",
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    },
    pool: "forks",
    // Docker builds dominate; two files at a time is what 2 cores can carry.
    maxWorkers: 2,
    testTimeout: 180_000,
    hookTimeout: 120_000,
    reporters: ["default"],
  },
});
