// A Redis restart with a deployment queued, on a Pier whose Redis (the build queue) is its own: shared by
// tests/e2e/redis-restart.test.ts and bench/chaos.ts.
import { randomBytes } from "node:crypto";
import { deploymentEnded, requestDeploy, type FaultOutcome } from "./faults.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "./git-repo.ts";
import { keepRequesting } from "./load.ts";
import { startPlatform, testConfig, type Platform } from "./platform.ts";
import { PrivateRedis } from "./private-redis.ts";

/** Pier (API, worker, router) on a Redis of its own, and an app of `prefix` serving production. */
export interface RedisRestartStage {
  redis: PrivateRedis;
  platform: Platform;
  repo: TestRepo & { sha: string };
  name: string;
  close(): Promise<void>;
}

export interface RedisRestartOutcome extends FaultOutcome {
  /** What the API answered while Redis was down: a read, and a deploy request (it can't be queued). */
  whileDown: { read: number; deploy: number };
}

export async function startRedisRestartStage(
  prefix: string,
  overrides: Record<string, string> = {},
): Promise<RedisRestartStage> {
  const name = `${prefix}${randomBytes(3).toString("hex")}`;
  let redis: PrivateRedis | undefined;
  let platform: Platform | undefined;
  let repo: (TestRepo & { sha: string }) | undefined;
  const close = async () => {
    await platform?.worker.resume();
    await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform?.close();
    await redis?.remove();
    await repo?.remove();
  };
  try {
    redis = await PrivateRedis.create();
    platform = await startPlatform(testConfig({ REDIS_URL: redis.url, ...overrides }));
    repo = await createTestRepo(nodeAppFiles(`${name} v1`));
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    const first = await deploymentEnded(platform, await requestDeploy(platform, name));
    if (first.status !== "READY")
      throw new Error(`the first deployment of ${name} ended ${first.status}: ${first.failureReason}`);
    return { redis, platform, repo, name, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Commits `text`, queues its deploy with the worker paused, restarts Redis (a clean stop: it writes and
 * syncs its append-only file first, whatever appendfsync says), asks the API while it is down, then lets
 * the worker take the deploy. Production is under bounded load throughout. Resolves once it has ended.
 */
export async function restartRedisWithDeployQueued(
  stage: RedisRestartStage,
  text: string,
): Promise<RedisRestartOutcome> {
  const { platform, redis, repo, name } = stage;
  await repo.commit(nodeAppFiles(text), text);
  await platform.worker.pause();
  const load = keepRequesting(platform.routerPort, `${name}.localhost`, {
    concurrency: 2,
    pauseMs: 20,
    maxRequests: 20_000,
    maxMs: 150_000,
  });
  try {
    const started = Date.now();
    const id = await requestDeploy(platform, name);
    await redis.stop();
    const read = (await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth }))
      .statusCode;
    const deploy = (
      await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth })
    ).statusCode;
    await redis.start();
    platform.worker.resume();
    const ended = await deploymentEnded(platform, id);
    const msToTerminal = Date.now() - started;
    const result = await load.stop();
    const fault = "Redis restart (clean stop) with a deploy queued";
    return {
      fault,
      requests: result.ok + result.failed,
      failed: result.failed,
      failures: result.failures,
      msToTerminal,
      status: ended.status,
      reason: ended.failureReason,
      whileDown: { read, deploy },
    };
  } finally {
    await load.stop();
    platform.worker.resume();
  }
}
