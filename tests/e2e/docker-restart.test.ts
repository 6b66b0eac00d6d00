import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestController, type TestController } from "../support/controller.ts";
import { leftovers, until } from "../support/faults.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";
import { PrivateDockerd } from "../support/private-dockerd.ts";

// The Docker engine runs every app container. This file runs its own engine (the host's runs every other
// test file's containers) and restarts it the way `systemctl restart docker` does, with an app of two
// replicas serving under load. Each replica answers with its container's host name, so the test can
// tell them apart.
const NODE_IMAGE = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:20-bookworm-slim";
const appFiles = (text: string) => ({
  "pier.json": JSON.stringify({ replicas: 2 }),
  // A build step that lasts: the engine can be restarted under it.
  Dockerfile: `FROM ${NODE_IMAGE}\nWORKDIR /app\nCOPY . .\nRUN sleep 3\nCMD ["node", "server.js"]\n`,
  "server.js": `require("http").createServer((q, s) => s.end(${JSON.stringify(text)} + " " + require("os").hostname())).listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});
const TERMINAL = ["READY", "FAILED", "CANCELLED"];
/** How long after the engine answers again production must serve from both replicas. */
const RECOVERY_DEADLINE_MS = 30_000;

describe("a dockerd restart", () => {
  let engine: PrivateDockerd;
  let platform: Platform;
  let control: TestController;
  let redis: Redis;
  let repo: TestRepo & { sha: string };
  const name = `dkr-${randomBytes(3).toString("hex")}`;
  const host = `${name}.localhost`;

  beforeAll(async () => {
    engine = await PrivateDockerd.create();
    await engine.loadImage(NODE_IMAGE);
    platform = await startPlatform(testConfig({ PIER_DOCKER_SOCKET: engine.socketPath }));
    control = await startTestController(platform, "dkr-");
    redis = new Redis(platform.config.REDIS_URL);
    repo = await createTestRepo(appFiles(name));
    await platform.api.inject({ method: "POST", url: "/api/apps", headers: platform.auth, payload: { name, repoUrl: repo.url } });
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    const ended = await ending(res.json().id);
    expect(ended.status, ended.failureReason ?? "").toBe("READY");
  });
  afterAll(async () => {
    // A test that failed while the engine was down: the app's deletion needs it.
    if (engine && !engine.running) await engine.start();
    await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await control?.close();
    redis?.disconnect();
    await platform?.close();
    // Whatever the test left, its containers, networks, engine, bridge and directories go with the engine.
    await engine?.remove();
    await repo?.remove();
  });

  const ending = (id: string, timeoutMs = 120_000) =>
    until(async () => {
      const d = await platform.prisma.deployment.findUnique({ where: { id } });
      return d && TERMINAL.includes(d.status) ? d : null;
    }, `deployment ${id} ending`, timeoutMs);
  /** The app's containers in the private engine: every one, running or not. */
  const containers = () => platform.runtime.listContainers({ "pier.app": name }, { all: true });
  /** Host names of the replicas that answered `requests` requests through the router with 200. */
  const servingReplicas = async (requests: number) => {
    const names = new Set<string>();
    for (let i = 0; i < requests; i++) {
      const res = await getViaRouter(platform.routerPort, host, "/", 2_000);
      if (res.status !== 200) return new Set<string>();
      names.add(res.body.split(" ").pop() ?? "");
    }
    return names;
  };

  /** What a failed recovery looked like: the app's containers, the controller's replicas and what the router answers. */
  const recoveryState = async () => {
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    const states = await platform.prisma.replicaState.findMany({ where: { deploymentId: app.productionDeploymentId! }, orderBy: { index: "asc" } });
    const answers = await Promise.all([0, 1, 2].map(async () => getViaRouter(platform.routerPort, host, "/", 2_000).then((r) => `${r.status} ${r.body.slice(0, 80)}`, (e: Error) => e.message)));
    return JSON.stringify({
      containers: (await containers()).map((c) => ({ id: c.id.slice(0, 12), running: c.running, hostPort: c.hostPort, deployment: c.labels["pier.deployment"] })),
      replicas: states.map((r) => ({ index: r.index, phase: r.phase, containerId: r.containerId?.slice(0, 12), failures: r.failures, lastReason: r.lastReason, nextAttemptAt: r.nextAttemptAt })),
      answers,
    });
  };

  it.each([
    ["started again at once", 0],
    // Longer than the router's resync (5 s), the controller's sweep (2 s) and its event-stream retry (1 s): each meets the engine down.
    ["down for 6 s", 6_000],
  ])("%s: the replicas come back, the router follows them to their new ports, and production serves again; nothing left", async (what, downMs) => {
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    const before = await containers();
    expect(before.filter((c) => c.running)).toHaveLength(2);
    expect((await servingReplicas(10)).size).toBe(2);

    const load = keepRequesting(platform.routerPort, host, { concurrency: 2, pauseMs: 20, maxRequests: 20_000, maxMs: 120_000 });
    await until(async () => load.result.ok >= 20, "production answering under load");
    const atStop = { ...load.result, at: Date.now() };
    await engine.stop();
    const stoppedMs = Date.now() - atStop.at;
    // The outage is the fault's own length; Pier's API has seen the engine down too.
    await until(async () => Date.now() - atStop.at >= downMs && (await platform.api.inject({ method: "GET", url: "/healthz" })).json().docker.ok === false, "the engine down long enough", downMs + 20_000);
    await engine.start();
    const engineBack = Date.now();
    // Both replicas serving again: new containers (Docker restarts none of Pier's) on new ports.
    const serving = await until(async () => ((await servingReplicas(10)).size === 2 ? Date.now() : null), "both replicas serving through the router again", RECOVERY_DEADLINE_MS).catch(async (error) => {
      throw new Error(`${(error as Error).message}: ${await recoveryState()}`);
    });
    const result = await load.stop();
    const failed = result.failed - atStop.failed;
    console.log(
      `dockerd restart, ${what}: engine stopping took ${stoppedMs} ms, back ${engineBack - atStop.at} ms after the stop began; both replicas served ${serving - engineBack} ms after that` +
        ` (${serving - atStop.at} ms in all); ${result.ok + result.failed - atStop.ok - atStop.failed} requests meanwhile, ${failed} failed ${JSON.stringify(result.failures)}`,
    );

    // The engine stopped them: the controller replaced them without counting a crash (no back-off, no crash-loop alert).
    const states = await platform.prisma.replicaState.findMany({ where: { deploymentId: app.productionDeploymentId! }, orderBy: { index: "asc" } });
    expect(states.map((r) => [r.index, r.phase, r.failures]), JSON.stringify(states.map((r) => r.lastReason))).toEqual([
      [1, "RUNNING", 0],
      [2, "RUNNING", 0],
    ]);
    const after = await containers();
    expect(after.map((c) => c.running)).toEqual([true, true]);
    expect(after.every((c) => c.labels["pier.deployment"] === app.productionDeploymentId)).toBe(true);
    expect(new Set(after.map((c) => c.id)).size).toBe(2);
    await until(async () => (await leftovers(platform, redis, name)).length === 0, "nothing left behind", 20_000).catch(async (error) => {
      throw new Error(`${(error as Error).message}: ${(await leftovers(platform, redis, name)).join("; ")}`);
    });
  });

  it("restarted during a build: the deploy ends READY (its attempt retried), production serves the new version from both replicas; nothing left", async () => {
    const text = `${name} v2`;
    await repo.commit(appFiles(text), "v2");
    const started = Date.now();
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    const id = res.json().id as string;
    // The build's `RUN sleep 3` runs in a container of the engine: restart the engine under it.
    await until(async () => (await engine.docker("ps", "--no-trunc", "--format", "{{.Command}}")).stdout.includes("sleep 3"), "the build step running");
    await engine.stop();
    await engine.start();
    const ended = await ending(id);
    const log = (await platform.prisma.buildLog.findMany({ where: { deploymentId: id }, orderBy: { id: "asc" } })).map((l) => l.line);
    console.log(`dockerd restart during a build: ${ended.status} ${Date.now() - started} ms after the deploy request (${ended.failureReason ?? "no failure"}); the log says: ${log.filter((l) => /Transient|Taking this deployment up again|failed/i.test(l)).join(" | ")}`);
    expect(ended.status, ended.failureReason ?? "").toBe("READY");
    const replicas = await until(async () => {
      const names = await servingReplicas(10);
      return names.size === 2 ? names : null;
    }, "both replicas of v2 serving", RECOVERY_DEADLINE_MS);
    expect(replicas.size).toBe(2);
    expect((await getViaRouter(platform.routerPort, host)).body.startsWith(`${text} `)).toBe(true);
    await until(async () => (await leftovers(platform, redis, name)).length === 0, "nothing left behind", 20_000).catch(async (error) => {
      throw new Error(`${(error as Error).message}: ${(await leftovers(platform, redis, name)).join("; ")}`);
    });
  });
});
