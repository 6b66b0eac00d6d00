import type { Deployment } from "@pier/db";
import { Redis } from "ioredis";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestController, type TestController } from "../support/controller.ts";
import { leftovers, logMatches, until } from "../support/faults.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";
import { PrivatePostgres } from "../support/private-postgres.ts";

// Postgres holds every deployment's status, the routes' source and the build logs. This file runs its
// own cluster (the suite's is shared by files running in parallel) and restarts it while a build runs.
// The build writes a line every 100 ms for 2 s, then works 3 s more: Postgres can be down while the log
// has lines to write, and back before the build ends. The app's name is in its text, so no build cache
// from an earlier run skips that step.
const appFiles = (text: string) => ({
  Dockerfile: `FROM ${process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:20-bookworm-slim"}\nWORKDIR /app\nCOPY . .\nRUN for i in $(seq 1 20); do echo "tick $i"; sleep 0.1; done && echo built ${JSON.stringify(text)} && sleep 3\nCMD ["node", "server.js"]\n`,
  "server.js": `require("http").createServer((q, s) => s.end(${JSON.stringify(text)})).listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});
const TERMINAL = ["READY", "FAILED", "CANCELLED"];
const run = promisify(execFile);

describe("a Postgres restart during a build", () => {
  let postgres: PrivatePostgres;
  let platform: Platform;
  let control: TestController;
  let redis: Redis;
  let repo: TestRepo & { sha: string };
  const name = `pgr-${randomBytes(3).toString("hex")}`;

  const ending = (id: string, timeoutMs = 120_000) =>
    until(async () => {
      const d = await platform.prisma.deployment.findUnique({ where: { id } });
      return d && TERMINAL.includes(d.status) ? d : null;
    }, `deployment ${id} ending`, timeoutMs);
  const imageBuilt = async (sha: string) => (await platform.runtime.listImages({ "pier.app": name })).some((i) => i.tags.some((t) => t.endsWith(`:${sha.slice(0, 12)}`)));
  /**
   * Whether the running build step whose command contains `marker` runs `process` now (`docker top`:
   * build containers have no readable logs, and Pier's runtime lists only its own containers).
   */
  const buildStepRuns = async (marker: string, process: string) => {
    const { stdout } = await run("docker", ["ps", "--no-trunc", "--filter", "status=running", "--format", "{{.ID}} {{.Command}}"]);
    const id = stdout.split("\n").find((line) => line.includes(marker))?.split(" ")[0];
    return id ? (await run("docker", ["top", id])).stdout.split("\n").some((line) => line.trimEnd().endsWith(` ${process}`)) : false;
  };
  const logOf = async (id: string) => (await platform.prisma.buildLog.findMany({ where: { deploymentId: id }, orderBy: { id: "asc" } })).map((l) => l.line);
  const noLeftovers = () =>
    until(async () => (await leftovers(platform, redis, name)).length === 0, "nothing left behind", 20_000).catch(async (error) => {
      throw new Error(`${(error as Error).message}: ${(await leftovers(platform, redis, name)).join("; ")}`);
    });

  /**
   * Deploys `text` under bounded load on production and, once the build runs, does `restart` to Postgres.
   * Resolves when the deployment has ended, with what production saw meanwhile.
   */
  const deployThroughRestart = async (text: string, restart: (sha: string) => Promise<void>) => {
    const sha = await repo.commit(appFiles(text), text);
    const load = keepRequesting(platform.routerPort, `${name}.localhost`, { concurrency: 2, pauseMs: 20, maxRequests: 20_000, maxMs: 150_000 });
    const started = Date.now();
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(res.statusCode).toBe(202);
    const id = res.json().id as string;
    await until(async () => (await logMatches(platform, id, /^Building image /)) > 0, `deployment ${id} building`);
    const downAt = Date.now();
    await restart(sha);
    const downMs = Date.now() - downAt;
    const ended: Deployment = await ending(id);
    const msToTerminal = Date.now() - started;
    const result = await load.stop();
    console.log(`postgres restart (${text}): down ${downMs} ms; ${ended.status} ${msToTerminal} ms after the deploy request; ${result.ok + result.failed} requests to production, ${result.failed} failed ${JSON.stringify(result.failures)}`);
    return { ended, result, sha };
  };

  beforeAll(async () => {
    postgres = await PrivatePostgres.create();
    platform = await startPlatform(testConfig({ DATABASE_URL: postgres.url }));
    control = await startTestController(platform, "pgr-");
    redis = new Redis(platform.config.REDIS_URL);
    repo = await createTestRepo(appFiles(`${name} v1`));
    await platform.api.inject({ method: "POST", url: "/api/apps", headers: platform.auth, payload: { name, repoUrl: repo.url } });
    const first = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    const ended = await ending(first.json().id);
    expect(ended.status, ended.failureReason ?? "").toBe("READY");
  });
  afterAll(async () => {
    // The cluster is up again unless a test failed while it was down: the app's containers go either way.
    if (postgres?.running) await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    for (const c of (await platform?.runtime.listContainers({ "pier.app": name }, { all: true })) ?? []) await platform.runtime.removeContainer(c.id);
    await control?.close();
    redis?.disconnect();
    await platform?.close();
    await postgres?.remove();
    await repo?.remove();
  });

  it("restarted and back before the build ends: the same attempt ends READY with its whole log; production serves throughout", async () => {
    const text = `${name} v2`;
    const { ended, result, sha } = await deployThroughRestart(text, async (sha) => {
      await postgres.stop();
      // Down while the build writes all its ticks, back during its last 3 s.
      await until(() => buildStepRuns(text, "sleep 3"), "the build's ticks written while Postgres is down");
      await postgres.start();
      // Otherwise the build beat the restart, and this test would not test what it says.
      expect(await imageBuilt(sha), "the image was built before Postgres was back").toBe(false);
    });
    expect(ended.status, ended.failureReason ?? "").toBe("READY");
    expect(result.failures).toEqual({});
    const log = await logOf(ended.id);
    // The build's output while Postgres restarted was held, and written once it was back.
    for (let step = 1; step <= 8; step++) expect(log.filter((l) => l.startsWith(`Step ${step}/8 :`))).toHaveLength(1);
    for (let tick = 1; tick <= 20; tick++) expect(log).toContain(`tick ${tick}`);
    expect(log).toContain(`built ${text}`);
    expect(log).toContain(`Successfully tagged pier/${name}:${sha.slice(0, 12)}`);
    expect(log.filter((l) => l.startsWith("Taking this deployment up again"))).toEqual([]);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe(text);
    await noLeftovers();
  });

  it("down until the image is built: the attempt that needed it is retried and ends READY; the API says 503 meanwhile, then answers; nothing left", async () => {
    const text = `${name} v3`;
    const { ended, result } = await deployThroughRestart(text, async (sha) => {
      await postgres.stop();
      // Down until the image is built: the worker's next step needs the database.
      await until(() => imageBuilt(sha), "the image built while Postgres is down", 60_000);
      const whileDown = await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth });
      expect(whileDown.statusCode).toBe(503);
      expect(whileDown.json().error).toBe("database_unavailable");
      await postgres.start();
    });
    expect(ended.status, ended.failureReason ?? "").toBe("READY");
    expect(result.failures).toEqual({});
    expect((await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).statusCode).toBe(200);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe(text);
    await noLeftovers();
  });
});
