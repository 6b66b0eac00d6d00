import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForStatus } from "../support/deployments.ts";
import { until } from "../support/faults.ts";
import { freePort } from "../support/free-port.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

// Redis holds the build queue. This file runs its own Redis (the suite's is shared by files running in
// parallel), with the append-only file the dev set-up uses, and restarts it with deployments queued.
describe("a Redis restart with deployments queued", () => {
  let dir = "";
  let port = 0;
  let redis: ChildProcess | null = null;
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  const name = `rds-${randomBytes(3).toString("hex")}`;

  const startRedis = async () => {
    redis = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "yes", "--appendfsync", "everysec"], { stdio: "ignore" });
    await until(async () => {
      const client = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on("error", () => undefined /* connect() rejects with the same error, and the poll tries again */);
      try {
        await client.connect();
        return (await client.ping()) === "PONG";
      } finally {
        client.disconnect();
      }
    }, "the private Redis answering", 15_000);
  };
  /** A clean stop (SIGTERM: Redis writes its append-only file and exits), as a restart does. */
  const stopRedis = async () => {
    const child = redis!;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "pier-redis-"));
    port = await freePort();
    await startRedis();
    platform = await startPlatform(testConfig({ REDIS_URL: `redis://127.0.0.1:${port}` }));
    repo = await createTestRepo(nodeAppFiles("before the restart"));
    await platform.api.inject({ method: "POST", url: "/api/apps", headers: platform.auth, payload: { name, repoUrl: repo.url } });
  });
  afterAll(async () => {
    await platform?.worker.resume();
    await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform?.close();
    if (redis && redis.exitCode === null) await stopRedis();
    await rm(dir, { recursive: true, force: true });
    await repo?.remove();
  });

  it("keeps the queued deployment through the restart, and it ends READY; the API answers while Redis is down", async () => {
    await platform.worker.pause();
    const queued = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(queued.statusCode).toBe(202);
    // A clean stop writes and syncs the append-only file first (Redis's shutdown), whatever appendfsync says.
    await stopRedis();
    // Redis is down: reads still answer (the rate limit fails open); a deploy can't be queued and says so.
    expect((await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).statusCode).toBe(200);
    const refused = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(refused.statusCode).toBe(503);
    await startRedis();
    platform.worker.resume();
    const ended = await waitForStatus(platform.api, platform.auth, queued.json().id, ["READY", "FAILED", "CANCELLED"], 120_000);
    expect(ended.status, ended.reason ?? "").toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("before the restart\n");
  });
});
