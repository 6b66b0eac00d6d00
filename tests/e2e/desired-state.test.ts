import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endStuckDeployments } from "@pier/controller";
import { Queue } from "bullmq";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { testApps } from "../support/apps.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";

// Answers "<text> <hostname>" so a test can tell replicas apart; GET /crash ends the process, and once
// /data/crashed exists (a volume) every start fails at once: a crash loop that a one-off command can end.
const server = (text: string) => `const fs = require("fs");
if (fs.existsSync("/data/crashed")) { console.log("crashed before: exiting"); process.exit(3); }
require("http").createServer((q, s) => {
  if (q.url === "/crash") {
    fs.writeFileSync("/data/crashed", "1"); s.end("bye"); setTimeout(() => process.exit(3), 10); return;
  }
  s.end(${JSON.stringify(text)} + " " + require("os").hostname());
}).listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`;
const appFiles = (text: string) => ({
  "package.json": JSON.stringify({ name: "ctl", scripts: { start: "node server.js" } }),
  "pier.json": JSON.stringify({ volumes: [{ name: "data", path: "/data" }] }),
  "server.js": server(text),
});

describe("desired state: scale, self-healing, crash loops", () => {
  let platform: Platform;
  let control: TestController | null = null;
  /** The deploy queue, for the stuck-deployments check. */
  let queue: Queue;
  const apps = testApps(() => platform, "ctl");
  const appView = async (name: string) =>
    (await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).json();
  /** The replicas (host names) that answered `count` requests; an error answer counts as none. */
  const hosts = async (name: string, count: number) => {
    const seen = new Set<string>();
    for (let i = 0; i < count; i++) {
      const res = await getViaRouter(platform.routerPort, `${name}.localhost`);
      if (res.status === 200) seen.add(res.body);
    }
    return seen;
  };
  const ensureController = async () => {
    control ??= await startTestController(platform, "ctl-");
  };

  beforeAll(async () => {
    platform = await startPlatform();
    queue = new Queue(platform.config.PIER_QUEUE_NAME, { connection: new Redis(platform.config.REDIS_URL) });
  });
  afterAll(async () => {
    await control?.close();
    await apps.cleanup();
    await queue.close();
    await platform.close();
  });

  it("scales 1 → 3 → 1 from the live image: no build, no new deployment; scale-down drains", async () => {
    const { name } = await apps.create(appFiles("scaled"));
    expect((await apps.deploy(name)).status).toBe("READY");
    const before = await platform.prisma.deployment.count({ where: { app: { name } } });
    expect((await appView(name)).replicas).toMatchObject({ desired: 1, running: 1, state: "RUNNING" });

    const up = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 3 },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({
      replicas: { desired: 3, running: 3, state: "RUNNING" },
      started: [2, 3],
      stopped: [],
    });
    expect((await hosts(name, 9)).size).toBe(3);

    const down = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 1 },
    });
    expect(down.json()).toMatchObject({ replicas: { desired: 1, running: 1 }, started: [], stopped: [3, 2] });
    expect((await hosts(name, 4)).size).toBe(1);
    expect(await platform.prisma.deployment.count({ where: { app: { name } } })).toBe(before);
    expect(await platform.runtime.listContainers({ "pier.app": name }, { all: true })).toHaveLength(1);
  });

  it("refuses a scale over the operator's maximum, naming the field", async () => {
    const { name } = await apps.create(appFiles("max"));
    const res = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 99 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: "validation_failed",
      fields: [
        {
          field: "replicas",
          message: "must be a whole number from 0 to 10 (the operator's maximum, PIER_MAX_REPLICAS)",
        },
      ],
    });
    const negative = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: -1 },
    });
    expect(negative.statusCode).toBe(400);
  });

  it("a killed container is replaced and serves again; killing every container brings them all back", async () => {
    const { name } = await apps.create(appFiles("healed"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await ensureController();
    const [only] = await platform.runtime.listContainers({ "pier.app": name });
    const lostAt = Date.now();
    execFileSync("docker", ["kill", only!.id], { stdio: "ignore" });
    await eventually(
      async () => (await getViaRouter(platform.routerPort, `${name}.localhost`, "/", 1_000)).body.startsWith("healed "),
      "the app serving again",
    );
    console.log(`killed container: serving again after ${Date.now() - lostAt} ms (bench/self-healing.ts measures it)`);
    expect((await appView(name)).replicas).toMatchObject({ desired: 1, running: 1, state: "RUNNING" });

    await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 2 },
    });
    for (const container of await platform.runtime.listContainers({ "pier.app": name }))
      execFileSync("docker", ["rm", "-f", container.id], { stdio: "ignore" });
    await eventually(async () => (await appView(name)).replicas.running === 2, "both replicas back");
    await eventually(async () => (await hosts(name, 6)).size === 2, "the router sending to both");
    await eventually(
      async () => (await platform.runtime.listContainers({ "pier.app": name }, { all: true })).length === 2,
      "no container left over",
    );
  });

  // How fast the replica comes back is a figure of bench/self-healing.ts; here, what must hold.
  it("removing one of two replicas under load fails no request, and both run again", async () => {
    const { name } = await apps.create(appFiles("pair"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await ensureController();
    await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 2 },
    });
    await eventually(async () => (await hosts(name, 6)).size === 2, "both replicas routed");
    const load = keepRequesting(platform.routerPort, `${name}.localhost`, {
      concurrency: 4,
      maxMs: 60_000,
      maxRequests: 20_000,
      pauseMs: 2,
    });
    await eventually(async () => load.result.ok >= 50, "requests flowing");
    const [victim] = await platform.runtime.listContainers({ "pier.app": name });
    const lostAt = Date.now();
    execFileSync("docker", ["rm", "-f", victim!.id], { stdio: "ignore" });
    await eventually(async () => (await appView(name)).replicas.running === 2, "two replicas running again", 30_000);
    const backInMs = Date.now() - lostAt;
    // And requests keep succeeding across the new replica's arrival, until the router sends to it too.
    await eventually(async () => (await hosts(name, 6)).size === 2, "the router sending to both again");
    const result = await load.stop();
    expect(result.failures).toEqual({});
    console.log(`replica removed under load: both running again after ${backInMs} ms; ${result.ok} requests, 0 failed`);
  });

  it("a replica that keeps dying backs off and shows CRASH_LOOP; once fixed it comes back", async () => {
    const { name } = await apps.create(appFiles("fragile"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await ensureController();
    await getViaRouter(platform.routerPort, `${name}.localhost`, "/crash");
    const view = await eventually(
      async () => {
        const v = await appView(name);
        return v.replicas.state === "CRASH_LOOP" ? v : null;
      },
      "CRASH_LOOP",
      // Three starts and deaths with back-off in between: seconds alone, much more beside another file's builds.
      90_000,
    );
    expect(view.replicas.replicas[0]).toMatchObject({ index: 1, phase: "CRASH_LOOP" });
    expect(view.replicas.replicas[0].restarts).toBeGreaterThanOrEqual(3);
    expect(view.replicas.replicas[0].lastReason).toMatch(/exited with code 3/);
    const state = await platform.prisma.replicaState.findFirstOrThrow({ where: { app: { name } } });
    // Back-off: 0 s, 1 s, 2 s … the next attempt is in the future, not immediate.
    expect(state.nextAttemptAt!.getTime()).toBeGreaterThan(state.lastLostAt!.getTime());

    // The fix: a one-off command removes the marker; the next attempt after the back-off serves again.
    const run = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/run`,
      headers: platform.auth,
      payload: { command: ["rm", "/data/crashed"] },
    });
    expect(run.json()).toMatchObject({ exitCode: 0 });
    await eventually(async () => (await appView(name)).replicas.state === "RUNNING", "RUNNING again", 60_000);
  });

  it("a controller killed mid-reconcile loses nothing: the next one converges with no leftover container", async () => {
    await control?.close();
    control = null;
    const { name } = await apps.create(appFiles("sturdy"));
    expect((await apps.deploy(name)).status).toBe("READY");
    const env = { ...process.env, ...configEnv(platform), LOG_LEVEL: "silent", PIER_CONTROLLER_APP_PREFIX: "ctl-" };
    const spawnController = () =>
      spawn(process.execPath, ["--import", "tsx", "apps/controller/src/main.ts"], { env, stdio: "ignore" });
    let child: ChildProcess = spawnController();
    try {
      const [only] = await platform.runtime.listContainers({ "pier.app": name });
      execFileSync("docker", ["kill", only!.id], { stdio: "ignore" });
      // The moment its replacement exists (started, not yet recorded as serving), the controller dies.
      await eventually(
        async () => (await platform.runtime.listContainers({ "pier.app": name })).some((c) => c.id !== only!.id),
        "a replacement container",
        30_000,
      );
      child.kill("SIGKILL");
      child = spawnController();
      await eventually(
        async () => (await appView(name)).replicas.running === 1,
        "serving again after the second controller",
        30_000,
      );
      const all = await platform.runtime.listContainers({ "pier.app": name }, { all: true });
      expect(all).toHaveLength(1);
      expect(all[0]!.running).toBe(true);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("ends deployments no job will finish", async () => {
    const { name } = await apps.create(appFiles("stuck"));
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    const id = `stuck${randomBytes(6).toString("hex")}`;
    await platform.prisma.deployment.create({
      data: {
        id,
        shortId: id.slice(0, 8),
        appId: app.id,
        trigger: "API",
        branch: "main",
        status: "BUILDING",
        createdAt: new Date(Date.now() - 120_000),
      },
    });
    // Another Pier's controller (another prefix) leaves it alone; this file's ends it.
    expect(await endStuckDeployments(platform.prisma, queue, "other-")).not.toContain(id);
    expect(await endStuckDeployments(platform.prisma, queue, "ctl-")).toContain(id);
    const ended = await platform.prisma.deployment.findUniqueOrThrow({ where: { id } });
    expect(ended).toMatchObject({ status: "FAILED" });
    expect(ended.failureReason).toMatch(/stopped while BUILDING \(its build job is gone\)/);
  });
});

/** The settings this test platform runs with, as env for a controller process of its own. */
function configEnv(platform: Platform): Record<string, string> {
  return Object.fromEntries(
    Object.entries(platform.config)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : typeof v === "boolean" ? (v ? "1" : "0") : String(v)]),
  );
}
