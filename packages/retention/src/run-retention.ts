import { LABELS, METRIC_RETENTION_MS } from "@pier/shared";
import type { RetentionDeps } from "./deps.ts";
import { retentionKeepSet, type KeepSet, type RetainedDeployment } from "./keep-set.ts";
import { pruneAppImages } from "./prune-images.ts";
import { removeStaleWorkDirs } from "./work-dirs.ts";

const DAY_MS = 24 * 60 * 60_000;
/** Untagged images (a tag moved to a rebuild) and the build cache's loose layers are removed once this old. */
const DANGLING_IMAGE_MAX_AGE_MS = DAY_MS;

export interface RetentionReport {
  /** FAILED/CANCELLED deployments deleted (past PIER_RETAIN_FAILED_DAYS), with their logs. */
  deploymentsDeleted: number;
  /** Build log lines deleted (ended past PIER_RETAIN_LOG_DAYS, not production, not among the newest kept). */
  logLinesDeleted: number;
  /** Images removed: tags of deployments outside the keep set (keep-set.ts), and untagged images no one keeps. */
  imagesRemoved: string[];
  workDirsRemoved: number;
  /** The legacy builder's cache: layers nothing is built on any more (of failed builds, replaced steps). */
  buildCache: { removed: number; bytes: number };
  deliveriesDeleted: number;
  auditEventsDeleted: number;
  /** Resource and traffic samples older than METRIC_RETENTION_MS (7 days). */
  metricSamplesDeleted: number;
}

interface RetainedApp {
  id: string;
  productionDeploymentId: string | null;
}

/**
 * What keeps Pier's disk and database from growing without bound, run by the retention job
 * (retention-job.ts): old failed deployments, old build logs, images outside each app's keep set, work
 * directories a killed build left, the build cache's loose layers, old notification deliveries, audit
 * events and metric samples. Never what the keep set (keep-set.ts) holds: production, the rollback target
 * and the warm ones, the newest PIER_RETAIN_DEPLOYMENTS of an app, anything being deployed or with a
 * container, nor an image a kept deployment shares. Only apps whose names start with
 * PIER_CONTROLLER_APP_PREFIX; rows about no app only when that prefix is empty.
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
    metricSamplesDeleted: 0,
  };
  const apps = await prisma.app.findMany({
    where: { name: { startsWith: prefix } },
    select: { id: true, name: true, productionDeploymentId: true },
  });
  const keptImageIds = new Set<string>();
  for (const app of apps) {
    for (const id of await retainDeployments(deps, app, now, report)) keptImageIds.add(id);
  }

  // Untagged images of these apps (a rebuild took their tag) that no kept deployment runs, once a day old.
  const mine = new Set(apps.map((a) => a.id));
  for (const image of await deps.runtime.listImages({ [LABELS.managed]: "true" })) {
    const untagged = image.tags.length === 0 || image.tags.every((t) => t === "<none>:<none>");
    const young = now.getTime() - image.createdAt.getTime() < DANGLING_IMAGE_MAX_AGE_MS;
    const appId = image.labels[LABELS.appId] ?? "";
    if (!untagged || young || keptImageIds.has(image.id) || !mine.has(appId)) continue;
    await deps.runtime.removeImage(image.id);
    // A deployment that ran it can't be started again: its record says so.
    await prisma.deployment.updateMany({
      where: { appId, imageId: image.id, imagePrunedAt: null },
      data: { imagePrunedAt: new Date() },
    });
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

  const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS);
  // Deliveries about no app (a channel's test) belong to every Pier on the database: only an unscoped one deletes
  // them; so do events about no app (tokens, sign-ins).
  const ofMyApps = prefix ? { appId: { in: [...mine] } } : {};
  report.deliveriesDeleted = (
    await prisma.notificationDelivery.deleteMany({
      where: { createdAt: { lt: daysAgo(config.PIER_RETAIN_DELIVERY_DAYS) }, ...ofMyApps },
    })
  ).count;
  report.auditEventsDeleted = (
    await prisma.auditEvent.deleteMany({
      where: {
        at: { lt: daysAgo(config.PIER_RETAIN_AUDIT_DAYS) },
        ...(prefix ? { target: { startsWith: prefix } } : {}),
      },
    })
  ).count;
  report.metricSamplesDeleted = (
    await prisma.metricSample.deleteMany({
      where: { at: { lt: new Date(now.getTime() - METRIC_RETENTION_MS) }, ...ofMyApps },
    })
  ).count;
  return report;
}

/**
 * One app's deployments: images outside its keep set, old failed deployments, old build logs. Returns the
 * image ids the keep set holds (the untagged-image sweep leaves them).
 */
async function retainDeployments(
  deps: RetentionDeps,
  app: RetainedApp,
  now: Date,
  report: RetentionReport,
): Promise<Set<string>> {
  const { config, prisma } = deps;
  const deployments = await prisma.deployment.findMany({
    where: { appId: app.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const keep = await retentionKeepSet(deps, app, deployments, now);
  for (const pruned of await pruneAppImages(deps, deployments, keep)) report.imagesRemoved.push(pruned.imageTag);
  await tagKeptImages(deps, app.id, deployments, keep);

  const failedBefore = new Date(now.getTime() - config.PIER_RETAIN_FAILED_DAYS * DAY_MS);
  const oldFailed = deployments
    .filter(
      (d) =>
        (d.status === "FAILED" || d.status === "CANCELLED") &&
        d.createdAt < failedBefore &&
        !keep.deployments.has(d.id),
    )
    .map((d) => d.id);
  if (oldFailed.length)
    report.deploymentsDeleted += (await prisma.deployment.deleteMany({ where: { id: { in: oldFailed } } })).count;

  // Logs stay with the kept deployments and the newest PIER_RETAIN_DEPLOYMENTS (a failed build's log is all it has).
  const logsKept = new Set([
    ...keep.deployments,
    ...deployments.slice(0, config.PIER_RETAIN_DEPLOYMENTS).map((d) => d.id),
  ]);
  const logsBefore = new Date(now.getTime() - config.PIER_RETAIN_LOG_DAYS * DAY_MS);
  const oldLogs = deployments
    .filter((d) => !oldFailed.includes(d.id) && !logsKept.has(d.id) && (d.finishedAt ?? d.createdAt) < logsBefore)
    .map((d) => d.id);
  if (oldLogs.length)
    report.logLinesDeleted += (await prisma.buildLog.deleteMany({ where: { deploymentId: { in: oldLogs } } })).count;
  return keep.imageIds;
}

/**
 * A kept deployment runs its image by id. When a later build of its commit took its tag, that image is left
 * untagged, and the engine's prune of dangling images would remove it: it gets a tag of its own,
 * `<tag>-<shortId>`, on record, and is pruned by that tag once it is no longer kept.
 */
async function tagKeptImages(
  deps: RetentionDeps,
  appId: string,
  deployments: readonly RetainedDeployment[],
  keep: KeepSet,
): Promise<void> {
  const images = await deps.runtime.listImages({ [LABELS.managed]: "true", [LABELS.appId]: appId });
  const tagsOf = new Map(images.map((image) => [image.id, image.tags]));
  for (const d of deployments) {
    if (!keep.deployments.has(d.id) || !d.imageTag || !d.imageId || d.imagePrunedAt) continue;
    const tags = tagsOf.get(d.imageId);
    if (!tags || tags.includes(d.imageTag)) continue;
    const own = `${d.imageTag}-${d.shortId}`;
    await deps.runtime.tagImage(d.imageId, own);
    await deps.prisma.deployment.update({ where: { id: d.id }, data: { imageTag: own } });
  }
}
