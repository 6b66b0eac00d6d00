import { createPrismaClient, type DeploymentStatus } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { LABELS, type PierConfig } from "@pier/shared";
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadImage } from "../../../tests/support/dangling-image.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { startRetentionJob, type RetentionReport } from "../src/index.ts";

const DAY = 24 * 60 * 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

// On the real database, Redis and Docker engine: deployments recorded as a deploy leaves them, their images
// loaded into the engine (one layer each, dated like the deployment), then the retention job itself.
describe("retention never removes what may be needed (the retention job, forced to run)", () => {
  const name = `rkeep-${randomBytes(3).toString("hex")}`;
  const appId = randomUUID();
  const settings = { PIER_RETAIN_DEPLOYMENTS: "3", PIER_WARM_DEPLOYMENTS: "2", PIER_CONTROLLER_APP_PREFIX: name };
  const prisma = createPrismaClient(testConfig().DATABASE_URL);
  const runtime = createRuntime("docker", { socketPath: testConfig().PIER_DOCKER_SOCKET });
  const loaded: string[] = [];

  /** Commit `n`'s sha, and the tag a build of it gets (as apps/worker's imageTag makes it). */
  const sha = (n: number) => String(n).repeat(40);
  const tagOf = (n: number) => `pier/${name}:${sha(n).slice(0, 12)}`;
  /** An image as Pier builds one for the app (its labels), built at `created`, tagged for commit `n` if given. */
  async function image(created: Date, n?: number): Promise<string> {
    const labels = { [LABELS.managed]: "true", [LABELS.app]: name, [LABELS.appId]: appId };
    const id = await loadImage(created, { labels, ...(n === undefined ? {} : { tag: tagOf(n) }) });
    loaded.push(id);
    return id;
  }
  async function deployment(
    status: DeploymentStatus,
    commit: number | null,
    createdAt: Date,
    imageId: string | null,
    extra: { previewSlug?: string; branch?: string } = {},
  ) {
    const ended = status === "READY" || status === "FAILED";
    return prisma.deployment.create({
      data: {
        id: randomBytes(8).toString("hex"),
        shortId: randomBytes(4).toString("hex"),
        appId,
        status,
        trigger: "API",
        branch: "main",
        commitSha: commit === null ? null : sha(commit),
        imageTag: imageId && commit !== null ? tagOf(commit) : null,
        imageId,
        createdAt,
        finishedAt: ended ? createdAt : null,
        ...extra,
      },
    });
  }
  /** Starts the retention job as the controller does; a new queue's job scheduler runs it at once. */
  async function forceRetentionJob(config: PierConfig): Promise<RetentionReport> {
    const job = await startRetentionJob({ config, prisma, runtime, logger: pino({ level: "error" }) });
    try {
      const ran = await eventually(
        async () => (await job.queue.getJobs(["completed", "failed"]))[0],
        "the retention job ran",
        90_000,
      );
      expect(ran.failedReason, "the retention job failed").toBeUndefined();
      return ran.returnvalue as RetentionReport;
    } finally {
      await job.queue.obliterate({ force: true });
      await job.close();
    }
  }
  const idOf = async (ref: string) => (await runtime.inspectImage(ref))?.id ?? null;

  type Row = Awaited<ReturnType<typeof deployment>>;
  let d: Record<"old" | "prod" | "warm" | "target" | "failed5" | "sharedOld" | "n1" | "n2" | "n3", Row>;
  /** Image ids by what they are. */
  const img = { old: "", failed5: "", shared6: "", rebuilt6: "", preview5: "" };
  beforeAll(async () => {
    await prisma.app.create({ data: { id: appId, name, repoUrl: "file:///nowhere", webhookSecret: "x" } });
    // Oldest first. PIER_RETAIN_DEPLOYMENTS=3: the newest three that built an image are n1, n2 and n3.
    img.old = await image(ago(10 * DAY), 1);
    const old = await deployment("READY", 1, ago(10 * DAY), img.old); // nothing needs it: pruned
    const prod = await deployment("READY", 2, ago(9 * DAY), await image(ago(9 * DAY), 2)); // production
    const warm = await deployment("READY", 3, ago(8 * DAY), await image(ago(8 * DAY), 3)); // the second warm one
    const target = await deployment("READY", 4, ago(7 * DAY), await image(ago(7 * DAY), 4)); // rollback target
    // A failed deploy of commit 5, which a preview is building again (below).
    img.failed5 = await image(ago(6 * DAY), 5);
    const failed5 = await deployment("FAILED", 5, ago(6 * DAY), img.failed5);
    // Commit 6 deployed twice with the same image (a cached rebuild): sharedOld is past the newest three, n2 isn't.
    img.shared6 = await image(ago(5 * DAY), 6);
    const sharedOld = await deployment("READY", 6, ago(5 * DAY), img.shared6);
    const n1 = await deployment("FAILED", 7, ago(3 * DAY), await image(ago(3 * DAY), 7)); // failed over a day ago
    const n2 = await deployment("READY", 6, ago(2 * DAY), img.shared6);
    // Commit 6 once more, into a new image: the tag moves to it, and n2's (sharedOld's) image is left untagged.
    img.rebuilt6 = await image(ago(DAY), 6);
    const n3 = await deployment("READY", 6, ago(DAY), img.rebuilt6);
    // A preview of commit 5 being built: its build has just tagged its image, which its record doesn't name yet.
    img.preview5 = await image(ago(60_000), 5);
    await deployment("BUILDING", 5, ago(60_000), null, { previewSlug: "feature", branch: "feature" });
    d = { old, prod, warm, target, failed5, sharedOld, n1, n2, n3 };

    // v1 prod, v2 warm, v3 target, v4 back to prod: the rollback target is `target`, the two warm ones target
    // and warm.
    const releases = [
      [null, prod.id],
      [prod.id, warm.id],
      [warm.id, target.id],
      [target.id, prod.id],
    ] as const;
    for (const [i, [from, to]] of releases.entries())
      await prisma.release.create({
        data: {
          appId,
          version: i + 1,
          kind: i === 3 ? "ROLLBACK" : "DEPLOY",
          cause: "API",
          fromDeploymentId: from,
          toDeploymentId: to,
        },
      });
    await prisma.app.update({ where: { id: appId }, data: { productionDeploymentId: prod.id } });
  });
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id: appId } });
    await prisma.$disconnect();
    try {
      execFileSync("docker", ["rmi", "-f", ...loaded], { stdio: "ignore" });
    } catch {
      // Some were removed by the test itself.
    }
  });

  it("keeps production, the rollback target, the warm ones, the newest N, shared images and builds", async () => {
    const report = await forceRetentionJob(testConfig(settings));

    // Removed: the old deployment's image, and the failed one's, left untagged when the preview took its tag.
    expect(report.imagesRemoved.sort()).toEqual([img.failed5, tagOf(1)].sort());
    expect(await runtime.imageExists(img.old)).toBe(false);
    expect(await runtime.imageExists(img.failed5)).toBe(false);
    // Kept: production's, the warm one's, the rollback target's, the newest three's (a failed one among them).
    for (const row of [d.prod, d.warm, d.target, d.n1])
      expect(await idOf(row.imageTag!), `image of commit ${row.commitSha}`).toBe(row.imageId);
    // The preview's build still has the image it made, though an older deployment of its commit was pruned.
    expect(await idOf(tagOf(5))).toBe(img.preview5);
    // Commit 6: the newest build keeps the tag; n2's image, shared with sharedOld, stays under a tag of its own.
    expect(await idOf(tagOf(6))).toBe(img.rebuilt6);
    const n2 = await prisma.deployment.findUniqueOrThrow({ where: { id: d.n2.id } });
    expect(n2.imageTag).toBe(`${tagOf(6)}-${d.n2.shortId}`);
    expect(await idOf(n2.imageTag!)).toBe(img.shared6);

    const pruned = await prisma.deployment.findMany({ where: { appId, imagePrunedAt: { not: null } } });
    expect(pruned.map((row) => row.id).sort()).toEqual([d.old.id, d.failed5.id].sort());
  });

  it("prunes nothing of an app while a deploy whose commit isn't known yet is queued", async () => {
    const queued = await deployment("QUEUED", null, new Date(), null);
    const older = await deployment("READY", 9, ago(11 * DAY), await image(ago(11 * DAY), 9));
    const report = await forceRetentionJob(testConfig(settings));
    expect(report.imagesRemoved).toEqual([]);
    expect(await runtime.imageExists(tagOf(9))).toBe(true);

    // Once it has a commit, the rest goes again.
    await prisma.deployment.update({ where: { id: queued.id }, data: { commitSha: sha(8) } });
    expect((await forceRetentionJob(testConfig(settings))).imagesRemoved).toEqual([tagOf(9)]);
    expect(await runtime.imageExists(tagOf(9))).toBe(false);
    expect((await prisma.deployment.findUniqueOrThrow({ where: { id: older.id } })).imagePrunedAt).not.toBeNull();
  });
});
