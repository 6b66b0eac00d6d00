import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { keptDeploymentIds, pruneDeploymentImage } from "@pier/release";
import { LABELS, type PierConfig } from "@pier/shared";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

const DAY_MS = 24 * 60 * 60_000;
/** Work directories a build leaves only when its worker was killed; no build takes this long. */
const WORK_DIR_MAX_AGE_MS = 6 * 60 * 60_000;
/** Images of failed deployments and superseded previews are removed once this old. */
const USELESS_IMAGE_MAX_AGE_MS = DAY_MS;
/** Untagged images (a tag moved to a rebuild) and the build cache's loose layers are removed once this old. */
const DANGLING_IMAGE_MAX_AGE_MS = DAY_MS;

export interface RetentionDeps {
  config: PierConfig;
  prisma: PrismaClient;
  runtime: ContainerRuntime;
}

export interface RetentionReport {
  /** FAILED/CANCELLED deployments deleted (past PIER_RETAIN_FAILED_DAYS), with their logs. */
  deploymentsDeleted: number;
  /** Build log lines deleted (deployments ended past PIER_RETAIN_LOG_DAYS, not production, not among the newest kept). */
  logLinesDeleted: number;
  /** Images removed: failed deployments', superseded previews', and untagged ones. */
  imagesRemoved: string[];
  workDirsRemoved: number;
  /** The legacy builder's cache: layers nothing is built on any more (of failed builds, replaced steps). */
  buildCache: { removed: number; bytes: number };
  deliveriesDeleted: number;
  auditEventsDeleted: number;
}

/**
 * What keeps Pier's disk from growing without bound, run by the retention job (retention-job.ts):
 * old failed deployments, old build logs, images no deployment can use again, work directories a killed
 * build left, the build cache's loose layers, old notification deliveries. Never production, its rollback target, the newest
 * PIER_RETAIN_DEPLOYMENTS of an app, anything still running, nor an image a kept deployment shares.
 * Only apps whose names start with PIER_CONTROLLER_APP_PREFIX.
 */
export async function runRetention(deps: RetentionDeps, now = new Date()): Promise<RetentionReport> {
  const { config, prisma } = deps;
  const prefix = config.PIER_CONTROLLER_APP_PREFIX;
  const report: RetentionReport = {
    deploymentsDeleted: 0,
    logLinesDeleted: 0,
    imagesRemoved: [],
    workDirsRemoved: 0,
    buildCache: { removed: 0, bytes: 0 },
    deliveriesDeleted: 0,
    auditEventsDeleted: 0,
  };
  const apps = await prisma.app.findMany({
    where: { name: { startsWith: prefix } },
    select: {
      id: true,
      name: true,
      productionDeploymentId: true,
      releases: { orderBy: { version: "desc" }, take: 1, select: { fromDeploymentId: true } },
    },
  });
  const running = new Set(
    (await deps.runtime.listContainers({ [LABELS.managed]: "true" })).map((c) => c.labels[LABELS.deployment]),
  );

  for (const app of apps) {
    const deployments = await prisma.deployment.findMany({
      where: { appId: app.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    const protectedIds = keptDeploymentIds(
      deployments,
      app.productionDeploymentId,
      app.releases[0]?.fromDeploymentId,
      config.PIER_RETAIN_DEPLOYMENTS,
    );
    // The newest live preview of each branch serves its preview URL.
    const livePreview = new Map<string, string>();
    for (const d of deployments)
      if (d.previewSlug && d.previewLiveAt && !livePreview.has(d.previewSlug)) livePreview.set(d.previewSlug, d.id);
    for (const id of livePreview.values()) protectedIds.add(id);
    const inUse = (d: (typeof deployments)[number]) => protectedIds.has(d.id) || running.has(d.id);
    const keptTags = new Set(deployments.filter(inUse).map((d) => d.imageTag));

    // Images nothing will start again: failed deployments' and superseded previews' (a day on, so a
    // failure can still be looked into).
    for (const d of deployments) {
      const useless =
        d.status === "FAILED" ||
        d.status === "CANCELLED" ||
        (d.previewSlug !== null && livePreview.get(d.previewSlug) !== d.id);
      const dayOld = now.getTime() - d.createdAt.getTime() >= USELESS_IMAGE_MAX_AGE_MS;
      if (!useless || !dayOld || inUse(d) || !d.imageTag || d.imagePrunedAt || keptTags.has(d.imageTag)) continue;
      await pruneDeploymentImage(deps, { id: d.id, imageTag: d.imageTag });
      report.imagesRemoved.push(d.imageTag);
      keptTags.add(d.imageTag); // removed once: another deployment of the same tag has nothing left to remove
    }

    const failedBefore = new Date(now.getTime() - config.PIER_RETAIN_FAILED_DAYS * DAY_MS);
    const oldFailed = deployments
      .filter((d) => (d.status === "FAILED" || d.status === "CANCELLED") && d.createdAt < failedBefore && !inUse(d))
      .map((d) => d.id);
    if (oldFailed.length)
      report.deploymentsDeleted += (await prisma.deployment.deleteMany({ where: { id: { in: oldFailed } } })).count;

    const logsBefore = new Date(now.getTime() - config.PIER_RETAIN_LOG_DAYS * DAY_MS);
    const oldLogs = deployments
      .filter((d) => !oldFailed.includes(d.id) && !protectedIds.has(d.id) && (d.finishedAt ?? d.createdAt) < logsBefore)
      .map((d) => d.id);
    if (oldLogs.length)
      report.logLinesDeleted += (await prisma.buildLog.deleteMany({ where: { deploymentId: { in: oldLogs } } })).count;
  }

  // Untagged images of these apps (a rebuild took their tag), once a day old.
  const mine = new Set(apps.map((a) => a.id));
  for (const image of await deps.runtime.listImages({ [LABELS.managed]: "true" })) {
    const untagged = image.tags.length === 0 || image.tags.every((t) => t === "<none>:<none>");
    if (
      !untagged ||
      !mine.has(image.labels[LABELS.appId] ?? "") ||
      now.getTime() - image.createdAt.getTime() < DANGLING_IMAGE_MAX_AGE_MS
    )
      continue;
    await deps.runtime.removeImage(image.id);
    report.imagesRemoved.push(image.id);
  }

  // Engine-wide, as `docker image prune` is; a day old is safe even beside other Piers: no build runs that long,
  // and a layer a build is still using has a child or a container.
  report.buildCache = await deps.runtime.pruneDanglingImages(new Date(now.getTime() - DANGLING_IMAGE_MAX_AGE_MS));

  report.workDirsRemoved = await removeStaleWorkDirs(
    config.PIER_WORK_DIR,
    apps.map((a) => a.name),
    now,
  );

  const deliveriesBefore = new Date(now.getTime() - config.PIER_RETAIN_DELIVERY_DAYS * DAY_MS);
  // Deliveries about no app (a channel's test) belong to every Pier on the database: only an unscoped one deletes them.
  const deliveryScope = prefix ? { appId: { in: [...mine] } } : {};
  report.deliveriesDeleted = (
    await prisma.notificationDelivery.deleteMany({ where: { createdAt: { lt: deliveriesBefore }, ...deliveryScope } })
  ).count;

  const auditBefore = new Date(now.getTime() - config.PIER_RETAIN_AUDIT_DAYS * DAY_MS);
  // Like deliveries: events about no app (tokens, sign-ins) are only deleted by an unscoped controller.
  const auditScope = prefix ? { target: { startsWith: prefix } } : {};
  report.auditEventsDeleted = (
    await prisma.auditEvent.deleteMany({ where: { at: { lt: auditBefore }, ...auditScope } })
  ).count;
  return report;
}

/** Work directories (`<app>-<shortId>-XXXXXX`) older than any build, which only a killed worker leaves. */
async function removeStaleWorkDirs(workDir: string, appNames: string[], now: Date): Promise<number> {
  let removed = 0;
  const entries = await readdir(workDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  for (const entry of entries) {
    if (!appNames.some((name) => entry.startsWith(`${name}-`))) continue;
    const full = path.join(workDir, entry);
    const info = await stat(full).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < WORK_DIR_MAX_AGE_MS) continue;
    await rm(full, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
