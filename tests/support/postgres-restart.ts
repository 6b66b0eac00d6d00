// A Postgres restart during a build, on a Pier whose database is its own cluster: shared by
// tests/e2e/postgres-restart.test.ts and bench/chaos.ts.
import type { Deployment } from "@pier/db";
import { Redis } from "ioredis";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { startTestController, type TestController } from "./controller.ts";
import { deploymentEnded, logMatches, requestDeploy, until, type FaultOutcome } from "./faults.ts";
import { createTestRepo, type TestRepo } from "./git-repo.ts";
import { keepRequesting } from "./load.ts";
import { startPlatform, testConfig, type Platform } from "./platform.ts";
import { PrivatePostgres } from "./private-postgres.ts";

const run = promisify(execFile);

// The build writes a line every 100 ms for 2 s, then works 3 s more: Postgres can be down while the log
// has lines to write, and back before the build ends. The app's name is in its text, so no build cache
// from an earlier run skips that step.
export const postgresRestartAppFiles = (text: string) => ({
  Dockerfile:
    `FROM ${process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim"}\nWORKDIR /app\nCOPY . .\n` +
    `RUN for i in $(seq 1 20); do echo "tick $i"; sleep 0.1; done && echo built ${JSON.stringify(text)} && sleep 3\n` +
    `CMD ["node", "server.js"]\n`,
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(text)})).listen(Number(process.env.PORT));\n` +
    `process.on("SIGTERM", () => process.exit(0));\n`,
});

/** Pier (API, worker, router, controller) on a Postgres cluster of its own, and an app of `prefix` deployed once. */
export interface PostgresRestartStage {
  postgres: PrivatePostgres;
  platform: Platform;
  /** A client of the platform's Redis (for leftovers()). */
  redis: Redis;
  repo: TestRepo & { sha: string };
  name: string;
  /** The app's first deployment, ended. */
  first: Deployment;
  close(): Promise<void>;
}

export type PostgresDowntime =
  /** Stopped once the build runs, started again while the build still has 3 s to go. */
  | "back before the build ends"
  /** Stopped once the build runs, started again once the image is built: the worker's next step needs it. */
  | "down until the image is built";

export interface PostgresRestartOutcome extends FaultOutcome {
  deploymentId: string;
  sha: string;
  downMs: number;
  /** "back before the build ends": whether the image was built when Postgres was back (the build beat the restart). */
  imageBuiltBeforeBack?: boolean;
  /** "down until the image is built": what the API answered (GET /api/apps/:name) while Postgres was down. */
  whileDown?: { statusCode: number; error: unknown };
}

export async function startPostgresRestartStage(
  prefix: string,
  overrides: Record<string, string> = {},
): Promise<PostgresRestartStage> {
  const name = `${prefix}${randomBytes(3).toString("hex")}`;
  let postgres: PrivatePostgres | undefined;
  let platform: Platform | undefined;
  let control: TestController | undefined;
  let redis: Redis | undefined;
  let repo: (TestRepo & { sha: string }) | undefined;
  const close = async () => {
    // The cluster is up again unless a scenario failed while it was down: the app's containers go either way.
    if (postgres?.running)
      await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    for (const c of (await platform?.runtime.listContainers({ "pier.app": name }, { all: true })) ?? [])
      await platform!.runtime.removeContainer(c.id);
    await control?.close();
    redis?.disconnect();
    await platform?.close();
    await postgres?.remove();
    await repo?.remove();
  };
  try {
    postgres = await PrivatePostgres.create();
    platform = await startPlatform(testConfig({ DATABASE_URL: postgres.url, ...overrides }));
    control = await startTestController(platform, name);
    redis = new Redis(platform.config.REDIS_URL);
    repo = await createTestRepo(postgresRestartAppFiles(`${name} v1`));
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    const first = await deploymentEnded(platform, await requestDeploy(platform, name));
    return { postgres, platform, redis, repo, name, first, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Whether the app's image of `sha` is built. */
export const imageBuilt = async (stage: PostgresRestartStage, sha: string) =>
  (await stage.platform.runtime.listImages({ "pier.app": stage.name })).some((i) =>
    i.tags.some((t) => t.endsWith(`:${sha.slice(0, 12)}`)),
  );

/**
 * Whether the running build step whose command contains `marker` runs `process` now (`docker top`:
 * build containers have no readable logs, and Pier's runtime lists only its own containers).
 */
async function buildStepRuns(marker: string, process: string): Promise<boolean> {
  const { stdout } = await run("docker", [
    "ps",
    "--no-trunc",
    "--filter",
    "status=running",
    "--format",
    "{{.ID}} {{.Command}}",
  ]);
  const id = stdout
    .split("\n")
    .find((line) => line.includes(marker))
    ?.split(" ")[0];
  return id
    ? (await run("docker", ["top", id])).stdout.split("\n").some((line) => line.trimEnd().endsWith(` ${process}`))
    : false;
}

/**
 * Commits and deploys `text` under bounded load on production and, once the build runs, stops Postgres
 * (a fast shutdown, as a restart does) for `downtime`. Resolves when the deployment has ended.
 */
export async function restartPostgresDuringBuild(
  stage: PostgresRestartStage,
  text: string,
  downtime: PostgresDowntime,
): Promise<PostgresRestartOutcome> {
  const { platform, postgres, repo, name } = stage;
  const sha = await repo.commit(postgresRestartAppFiles(text), text);
  const load = keepRequesting(platform.routerPort, `${name}.localhost`, {
    concurrency: 2,
    pauseMs: 20,
    maxRequests: 20_000,
    maxMs: 150_000,
  });
  try {
    const started = Date.now();
    const id = await requestDeploy(platform, name);
    await until(async () => (await logMatches(platform, id, /^Building image /)) > 0, `deployment ${id} building`);
    const downAt = Date.now();
    await postgres.stop();
    const observed: Pick<PostgresRestartOutcome, "imageBuiltBeforeBack" | "whileDown"> = {};
    if (downtime === "back before the build ends") {
      // Down while the build writes all its ticks, back during its last 3 s.
      await until(() => buildStepRuns(text, "sleep 3"), "the build's ticks written while Postgres is down");
      observed.imageBuiltBeforeBack = await imageBuilt(stage, sha);
    } else {
      await until(() => imageBuilt(stage, sha), "the image built while Postgres is down", 60_000);
      const res = await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth });
      observed.whileDown = { statusCode: res.statusCode, error: res.json().error };
    }
    await postgres.start();
    const downMs = Date.now() - downAt;
    const ended = await deploymentEnded(platform, id);
    const msToTerminal = Date.now() - started;
    const result = await load.stop();
    const fault = `Postgres restart during a build, ${downtime}`;
    return {
      fault,
      requests: result.ok + result.failed,
      failed: result.failed,
      failures: result.failures,
      msToTerminal,
      status: ended.status,
      reason: ended.failureReason,
      deploymentId: id,
      sha,
      downMs,
      ...observed,
    };
  } finally {
    await load.stop();
  }
}
