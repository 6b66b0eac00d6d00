import { startScheduleWorker, type ScheduleWorker } from "@pier/worker";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { waitForStatus } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
// The first build sleeps longer than the schedule's period (a token no other test shares keeps the layer out of
// the build cache); the next build of the same commit takes it from the cache.
const TICK_MS = 10_000;
const slowApp = (token: string) => ({
  Dockerfile: `FROM ${baseImage}\nWORKDIR /app\nCOPY . .\nRUN sleep 14 && echo ${token}\nCMD ["node", "server.js"]\n`,
  "server.js":
    `require("http").createServer((q, s) => s.end("scheduled\\n")).listen(Number(process.env.PORT));\n` +
    `process.on("SIGTERM", () => process.exit(0));\n`,
});

interface ScheduleView {
  id: string;
  nextRuns: string[];
  lastRunAt: string | null;
  lastOutcome: string | null;
  lastDeploymentId: string | null;
}
interface DeploymentRow {
  id: string;
  shortId: string;
  trigger: string;
  createdAt: string;
}

describe("scheduled deploys", () => {
  let platform: Platform;
  let connection: Redis;
  let schedules: ScheduleWorker;
  const lines: Array<{ msg: string; obj: Record<string, unknown> }> = [];
  const record = (obj: object, msg: string) => lines.push({ msg, obj: obj as Record<string, unknown> });
  const apps = testApps(() => platform, "sch");

  const api = (method: "GET" | "POST" | "DELETE", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const listSchedules = async (app: string) =>
    (await api("GET", `/api/apps/${app}/schedules`)).json().schedules as ScheduleView[];
  const scheduled = async (app: string) =>
    ((await api("GET", `/api/apps/${app}/deployments`)).json().deployments as DeploymentRow[]).filter(
      (d) => d.trigger === "SCHEDULE",
    );

  beforeAll(async () => {
    platform = await startPlatform();
    connection = new Redis(platform.config.REDIS_URL, { maxRetriesPerRequest: null });
    schedules = startScheduleWorker({
      prisma: platform.prisma,
      deployQueue: platform.api.pier.queue,
      schedulesQueue: platform.api.pier.schedules,
      connection,
      logger: { info: record, warn: record, error: record },
      // The test runs the reconcile itself.
      reconcileEveryMs: 3_600_000,
    });
  });

  afterAll(async () => {
    await apps.cleanup();
    await schedules?.close();
    await platform?.close();
    await connection?.quit();
  });

  it("refuses a bad cron, time zone or action with a 400 naming the field, and caps schedules per app", async () => {
    const { name } = await apps.create({ "server.js": "" });
    const refusal = async (body: object) => {
      const res = await api("POST", `/api/apps/${name}/schedules`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      return res.json().fields[0] as { field: string; message: string };
    };
    expect(await refusal({ cron: "0 3 * *" })).toEqual({
      field: "cron",
      message: "expected 5 fields (minute hour day month weekday) or 6 with seconds first",
    });
    expect(await refusal({ cron: "* * * * * * *" })).toMatchObject({ field: "cron" });
    expect(await refusal({ cron: "61 3 * * *" })).toMatchObject({ field: "cron", message: /^minute: .*0-59/ });
    expect(await refusal({ cron: "0 3 31 2 *" })).toMatchObject({ field: "cron", message: /never matches/ });
    expect(await refusal({ cron: "0 3 * * *", timezone: "Mars/Olympus" })).toMatchObject({
      field: "timezone",
      message: /not an IANA time zone/,
    });
    expect(await refusal({ cron: "0 3 * * *", action: "explode" })).toMatchObject({
      field: "action",
      message: "must be deploy or redeploy",
    });

    const created = await api("POST", `/api/apps/${name}/schedules`, { cron: "0 3 * * *", timezone: "Europe/Berlin" });
    expect(created.statusCode).toBe(201);
    // 03:00 in Berlin is 02:00 UTC in winter, 01:00 in summer.
    expect(created.json().nextRuns[0]).toMatch(/T0[12]:00:00\.000Z$/);
    expect(created.json().action).toBe("deploy");
    for (let i = 1; i < 10; i++)
      expect((await api("POST", `/api/apps/${name}/schedules`, { cron: `${i} 3 * * *` })).statusCode).toBe(201);
    const over = await api("POST", `/api/apps/${name}/schedules`, { cron: "30 4 * * *" });
    expect(over.statusCode).toBe(409);
    expect(over.json().message).toMatch(/has 10 schedules/);
    // The audit log records each change, refused ones too.
    const audit = (await api("GET", `/api/audit?app=${name}`)).json().events as Array<{
      route: string;
      status: number;
    }>;
    const creations = audit.filter((e) => e.route === "/api/apps/:name/schedules");
    expect(creations.filter((e) => e.status === 201)).toHaveLength(10);
    expect(creations.filter((e) => e.status === 409)).toHaveLength(1);
    // Deleting the app removes every scheduler it had.
    const ids = (await listSchedules(name)).map((s) => s.id);
    expect(await platform.api.pier.schedules.getJobScheduler(ids[0]!)).toBeDefined();
    expect((await api("DELETE", `/api/apps/${name}`)).statusCode).toBe(200);
    for (const id of ids) expect(await platform.api.pier.schedules.getJobScheduler(id)).toBeUndefined();
  });

  it("the reconcile restores a scheduler Redis lost and removes one whose schedule is gone", async () => {
    const { name } = await apps.create({ "server.js": "" });
    const created = (
      await api("POST", `/api/apps/${name}/schedules`, { cron: "15 2 * * 1", action: "redeploy" })
    ).json();
    const queue = platform.api.pier.schedules;
    await queue.removeJobScheduler(created.id);
    const orphan = `orphan-${randomBytes(4).toString("hex")}`;
    await queue.upsertJobScheduler(orphan, { pattern: "0 0 1 1 *" }, { name: "scheduled-deploy", data: {} });

    // Only this pass's line: the pass at start may have restored other test files' rows (one database for all).
    const before = lines.length;
    await schedules.reconcile.runNow();
    const restored = await queue.getJobScheduler(created.id);
    expect(restored).toMatchObject({ pattern: "15 2 * * 1", tz: "UTC" });
    expect(await queue.getJobScheduler(orphan)).toBeUndefined();
    expect(lines.slice(before).find((l) => l.msg.startsWith("schedule reconcile"))?.obj).toMatchObject({
      restored: expect.arrayContaining([created.id]),
      removed: expect.arrayContaining([orphan]),
    });
  });

  it("a seconds schedule deploys on its ticks, skips a tick while its build runs, stops when deleted", async () => {
    const { name } = await apps.create(slowApp(randomBytes(6).toString("hex")));
    const res = await api("POST", `/api/apps/${name}/schedules`, { cron: `*/${TICK_MS / 1000} * * * * *` });
    expect(res.statusCode).toBe(201);
    const schedule = res.json() as ScheduleView;
    const next = schedule.nextRuns.map((run) => Date.parse(run));
    expect(next[1]! - next[0]!).toBe(TICK_MS);

    // The first run: a deployment created just after a tick.
    const [first] = await eventually(
      async () => (await scheduled(name)).length === 1 && scheduled(name),
      "run 1",
      30_000,
    );
    // Its build outlasts the period: the next tick is skipped, naming the deployment it waits for.
    const skipped = await eventually(
      async () => (await listSchedules(name))[0]!.lastOutcome?.startsWith("skipped") && (await listSchedules(name))[0],
      "a skipped tick",
      30_000,
    );
    expect(skipped.lastOutcome).toMatch(
      new RegExp(`^skipped: deployment ${first!.shortId} from the previous run is still (queued|building|deploying)$`),
    );
    expect(lines.some((l) => l.msg.includes(`deployment ${first!.shortId} from the previous run is still`))).toBe(true);
    expect((await waitForStatus(platform.api, platform.auth, first!.id)).status).toBe("READY");

    // The next tick after it finished: the second run.
    const second = await eventually(
      async () => (await scheduled(name)).find((d) => d.id !== first!.id),
      "run 2",
      30_000,
    );
    const lateness = [first!, second].map((d) => Date.parse(d.createdAt) % TICK_MS);
    const started = lines.filter((l) => l.msg.startsWith("scheduled deploy")).map((l) => l.obj.lateMs);
    console.log(
      `scheduled runs: each started ${started.join(", ")} ms after its tick (skips included); ` +
        `deployments created ${lateness.join(", ")} ms after theirs`,
    );
    for (const late of lateness) expect(late).toBeLessThan(3_000);
    const after = (await listSchedules(name))[0]!;
    expect(after.lastDeploymentId).toBe(second.id);
    expect(after.lastOutcome).toBe(`deployment ${second.shortId} queued: the head of main`);
    expect((await waitForStatus(platform.api, platform.auth, second.id)).status).toBe("READY");

    // Deleted: the scheduler and its next job leave Redis, and a tick passes with no run.
    expect((await api("DELETE", `/api/apps/${name}/schedules/${schedule.id}`)).statusCode).toBe(200);
    const queue = platform.api.pier.schedules;
    expect(await queue.getJobScheduler(schedule.id)).toBeUndefined();
    expect((await queue.getDelayed()).filter((job) => job.id?.startsWith(`repeat:${schedule.id}:`))).toEqual([]);
    const deadline = Date.now() + TICK_MS + 2_000;
    await eventually(async () => Date.now() > deadline, "a tick after the deletion", TICK_MS + 5_000, 500);
    expect(await scheduled(name)).toHaveLength(2);

    // A redeploy schedule: production's image again, no build, still a SCHEDULE deployment.
    const every5s = await api("POST", `/api/apps/${name}/schedules`, { cron: "*/5 * * * * *", action: "redeploy" });
    expect(every5s.statusCode).toBe(201);
    const redeploy = await eventually(
      () => platform.prisma.deployment.findFirst({ where: { redeployOfId: second.id, trigger: "SCHEDULE" } }),
      "a scheduled redeploy",
      20_000,
    );
    expect((await api("DELETE", `/api/apps/${name}/schedules/${every5s.json().id}`)).statusCode).toBe(200);
    expect(Date.parse(redeploy.createdAt.toISOString()) % 5_000).toBeLessThan(3_000);
    expect((await waitForStatus(platform.api, platform.auth, redeploy.id)).status).toBe("READY");
  }, 180_000);
});
