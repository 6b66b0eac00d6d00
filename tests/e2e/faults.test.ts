import { loadConfig } from "@pier/shared";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestController, type TestController } from "../support/controller.ts";
import { killWorkerDuringDeploy, leftovers, until, WorkerProcess } from "../support/faults.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, testEnv, type Platform } from "../support/platform.ts";

// An app whose build takes a couple of seconds (RUN sleep) and whose server starts after one: every
// phase lasts long enough to be interrupted.
const appFiles = (text: string) => ({
  Dockerfile:
    `FROM ${process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim"}\n` +
    `WORKDIR /app\nCOPY . .\nRUN sleep 2\nCMD ["node", "server.js"]\n`,
  "server.js":
    `setTimeout(() => require("http").createServer((q, s) => s.end(${JSON.stringify(text)}))` +
    `.listen(Number(process.env.PORT)), 1000);\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});

describe("faults: a worker killed at any point of a deploy", () => {
  // Short job locks: a dead worker's job goes to the next worker within seconds.
  const env = testEnv({ PIER_JOB_LOCK_MS: "2000", PIER_DRAIN_MS: "300" });
  const config = loadConfig(env);
  let platform: Platform;
  let worker: WorkerProcess;
  let control: TestController;
  let redis: Redis;
  let repo: TestRepo & { sha: string };
  const name = `flt-${randomBytes(3).toString("hex")}`;
  const ctx = () => ({ platform, worker, repo, name, files: appFiles });

  beforeAll(async () => {
    platform = await startPlatform(config, { worker: false });
    worker = new WorkerProcess(env);
    control = await startTestController(platform, "flt-");
    redis = new Redis(config.REDIS_URL);
    repo = await createTestRepo(appFiles("v0"));
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    const first = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/deploy`,
      headers: platform.auth,
    });
    // A worker process starting (tsx compiles it) and a first build: a deadline a busy machine meets.
    await until(
      async () => (await platform.prisma.deployment.findUnique({ where: { id: first.json().id } }))?.status === "READY",
      "the first deployment READY",
      240_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; the worker's output:\n${worker.output.slice(-4_000)}`);
    });
  }, 300_000);
  afterAll(async () => {
    await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await control?.close();
    await worker?.stop();
    redis?.disconnect();
    await platform?.close();
    await repo?.remove();
  });

  const noLeftovers = () =>
    until(async () => (await leftovers(platform, redis, name)).length === 0, "nothing left behind", 20_000).catch(
      async (error) => {
        throw new Error(`${(error as Error).message}: ${(await leftovers(platform, redis, name)).join("; ")}`);
      },
    );

  it.each([
    ["killed while cloning", /^Cloning /, "v-clone"],
    ["killed while building", /^Building image /, "v-build"],
    ["killed during the health check", /^Health check: GET/, "v-health"],
  ])(
    "%s: the next worker takes it up and it ends READY; production serves throughout; nothing left",
    async (_what, phase, text) => {
      const outcome = await killWorkerDuringDeploy(ctx(), { label: text, phase, kills: 1 });
      expect(outcome.failures).toEqual({});
      expect(outcome.status, outcome.reason ?? "").toBe("READY");
      expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe(text);
      await noLeftovers();
    },
  );

  it("killed twice while building: it ends FAILED saying so; production serves throughout; nothing left", async () => {
    const before = (await getViaRouter(platform.routerPort, `${name}.localhost`)).body;
    const outcome = await killWorkerDuringDeploy(ctx(), { label: "v-twice", phase: /^Building image /, kills: 2 });
    expect(outcome.failures).toEqual({});
    expect(outcome.status).toBe("FAILED");
    expect(outcome.reason).toMatch(/stopped twice in a row/);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe(before);
    await noLeftovers();
  });
});
