import { maintenanceQueueName, runRetention } from "@pier/retention";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, stat, utimes } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { nodeAppFiles } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { loadDanglingImage } from "../support/dangling-image.ts";

const DAY = 24 * 60 * 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

describe("retention: the disk doesn't grow without bound", () => {
  let platform: Platform;
  let control: TestController;
  const apps = testApps(() => platform, "ret");

  beforeAll(async () => {
    platform = await startPlatform();
    control = await startTestController(platform, "ret-");
  });
  afterAll(async () => {
    await control?.close();
    await apps.cleanup();
    await platform?.close();
  });

  it("runs on a BullMQ job scheduler beside the deploy queue", async () => {
    const queue = new Queue(maintenanceQueueName(platform.config.PIER_QUEUE_NAME), {
      connection: new Redis(platform.config.REDIS_URL),
    });
    try {
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, s.every])).toEqual([
        ["retention", platform.config.PIER_RETENTION_INTERVAL_MS],
      ]);
    } finally {
      await queue.close();
    }
  });

  it("removes old failed deployments, logs, images, stale dirs, deliveries, samples; never production", async () => {
    const { name } = await apps.create(nodeAppFiles("kept"));
    const live = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: (await apps.deploy(name)).id } });
    expect(live.status).toBe("READY");
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    const row = (status: "FAILED" | "READY", createdAt: Date, extra: Record<string, unknown> = {}) =>
      platform.prisma.deployment.create({
        data: {
          id: randomBytes(8).toString("hex"),
          shortId: randomBytes(4).toString("hex"),
          appId: app.id,
          status,
          trigger: "API",
          branch: "main",
          createdAt,
          finishedAt: createdAt,
          ...extra,
        },
      });
    const logLines = (deploymentId: string) =>
      platform.prisma.buildLog.createMany({
        data: [
          { deploymentId, line: "old line 1" },
          { deploymentId, line: "old line 2" },
        ],
      });

    // A failed deployment two days old whose image (a copy of production's) nothing will start again.
    const failedTag = `${live.imageTag!.split(":")[0]}:failed-copy`;
    execFileSync("docker", ["tag", live.imageTag!, failedTag]);
    const failed = await row("FAILED", ago(2 * DAY), { imageTag: failedTag, imageId: live.imageId });
    // A failed deployment older than PIER_RETAIN_FAILED_DAYS, and an old READY one past the newest kept.
    const oldFailed = await row("FAILED", ago(20 * DAY));
    await logLines(oldFailed.id);
    const oldReady = await row("READY", ago(40 * DAY));
    await logLines(oldReady.id);
    const liveLogLines = await platform.prisma.buildLog.count({ where: { deploymentId: live.id } });
    // A work directory a killed build left 7 hours ago, and one of a build running now.
    const stale = path.join(platform.config.PIER_WORK_DIR, `${name}-deadbeef-abc123`);
    const fresh = path.join(platform.config.PIER_WORK_DIR, `${name}-cafebabe-def456`);
    await mkdir(stale, { recursive: true });
    await mkdir(fresh, { recursive: true });
    await utimes(stale, ago(7 * 60 * 60_000), ago(7 * 60 * 60_000));
    const channel = await platform.prisma.notificationChannel.create({
      data: { id: randomBytes(8).toString("hex"), url: "http://127.0.0.1:9/", format: "json", events: [], secret: "s" },
    });
    await platform.prisma.notificationDelivery.create({
      data: {
        id: randomBytes(8).toString("hex"),
        channelId: channel.id,
        event: "app.scaled",
        appId: app.id,
        payload: {},
        createdAt: ago(40 * DAY),
      },
    });
    const audit = (at: Date) => ({
      id: randomBytes(8).toString("hex"),
      at,
      actor: "ci",
      actorKind: "token",
      method: "POST",
      route: "/api/apps/:name/deploy",
      path: `/api/apps/${name}/deploy`,
      target: name,
      status: 202,
    });
    await platform.prisma.auditEvent.createMany({ data: [audit(ago(400 * DAY)), audit(ago(DAY))] });
    // Metric samples are kept 7 days.
    await platform.prisma.metricSample.createMany({
      data: [8 * DAY, 6 * DAY].map((age) => ({
        appId: app.id,
        at: ago(age),
        intervalMs: 10_000,
        source: "controller",
      })),
    });
    // The build cache: a loose layer two days old goes, one made an hour ago (a build may be on it) stays.
    const oldLayer = await loadDanglingImage(ago(2 * DAY));
    const newLayer = await loadDanglingImage(ago(60 * 60_000));

    const report = await runRetention({
      config: { ...platform.config, PIER_CONTROLLER_APP_PREFIX: "ret-", PIER_RETAIN_DEPLOYMENTS: 1 },
      prisma: platform.prisma,
      runtime: platform.runtime,
    });

    expect(report.imagesRemoved).toContain(failedTag);
    expect(await platform.runtime.imageExists(failedTag)).toBe(false);
    expect(
      (await platform.prisma.deployment.findUniqueOrThrow({ where: { id: failed.id } })).imagePrunedAt,
    ).not.toBeNull();
    expect(await platform.prisma.deployment.findUnique({ where: { id: oldFailed.id } })).toBeNull();
    expect(await platform.prisma.deployment.findUnique({ where: { id: oldReady.id } })).not.toBeNull();
    expect(await platform.prisma.buildLog.count({ where: { deploymentId: oldReady.id } })).toBe(0);
    expect(report).toMatchObject({
      deploymentsDeleted: 1,
      logLinesDeleted: 2,
      workDirsRemoved: 1,
      deliveriesDeleted: 1,
      auditEventsDeleted: 1,
      metricSamplesDeleted: 1,
    });
    expect(await platform.runtime.imageExists(oldLayer)).toBe(false);
    expect(await platform.runtime.imageExists(newLayer)).toBe(true);
    expect(report.buildCache.removed).toBeGreaterThanOrEqual(1);
    await platform.runtime.removeImage(newLayer);
    // The year-old event is gone; the recent one (and the test's own deploy, audited) stay.
    expect(await platform.prisma.auditEvent.count({ where: { target: name, at: { lt: ago(300 * DAY) } } })).toBe(0);
    expect(await platform.prisma.auditEvent.count({ where: { target: name, at: { lt: ago(DAY / 2) } } })).toBe(1);
    await expect(stat(stale)).rejects.toThrow();
    expect((await stat(fresh)).isDirectory()).toBe(true);
    expect(await platform.prisma.metricSample.count({ where: { appId: app.id, at: { lt: ago(DAY) } } })).toBe(1);
    // Production is untouched: its image, its log, and it serves.
    expect(await platform.runtime.imageExists(live.imageTag!)).toBe(true);
    expect(await platform.prisma.buildLog.count({ where: { deploymentId: live.id } })).toBe(liveLogLines);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).status).toBe(200);
    await platform.prisma.notificationChannel.delete({ where: { id: channel.id } });
  });
});
