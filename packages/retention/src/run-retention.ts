import { LABELS, METRIC_RETENTION_MS } from "@pier/shared";
import type { RetentionDeps } from "./deps.ts";
import { keptDeploymentIds } from "./kept-deployments.ts";
import { servedPreviews } from "@pier/routing";
import { pruneDeploymentImage } from "./prune-images.ts";
import { removeStaleWorkDirs } from "./work-dirs.ts";

const DAY_MS = 24 * 60 * 60_000;
/** Images of failed deployments and superseded previews are removed once this old. */
const USELESS_IMAGE_MAX_AGE_MS = DAY_MS;
/** Untagged images (a tag moved to a rebuild) and the build cache's loose layers are removed once this old. */
const DANGLING_IMAGE_MAX_AGE_MS = DAY_MS;

export interface RetentionReport {
  /** FAILED/CANCELLED deployments deleted (past PIER_RETAIN_FAILED_DAYS), with their logs. */
  deploymentsDeleted: number;
  /** Build log lines deleted (ended past PIER_RETAIN_LOG_DAYS, not production, not among the newest kept). */
  logLinesDeleted: number;
  /** Images removed: failed deployments', superseded previews', and untagged ones. */
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
  releases: Array<{ fromDeploymentId: string | null }>;
}

/**
 * What keeps Pier's disk and database from growing without bound, run by the retention job
 * (retention-job.ts): old failed deployments, old build logs, images no deployment can use again, work
 * directories a killed build left, the build cache's loose layers, old notification deliveries, audit
 * events and metric samples. Never production, its rollback target, the newest PIER_RETAIN_DEPLOYMENTS of
 * an app, anything still running, nor an image a kept deployment shares. Only apps whose names start with
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
  for (const app of apps) await retainDeployments(deps, app, running, now, report);

  // Untagged images of these apps (a rebuild took their tag), once a day old.
  const mine = new Set(apps.map((a) => a.id));
  for (const image of await deps.runtime.listImages({ [LABELS.managed]: "true" })) {
    const untagged = image.tags.length === 0 || image.tags.every((t) => t === "<none>:<none>");
    const young = now.getTime() - image.createdAt.getTime() < DANGLING_IMAGE_MAX_AGE_MS;
    if (!untagged || young || !mine.has(image.labels[LABELS.appId] ?? "")) continue;
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

/** One app's deployments: images nothing will start again, old failed deployments, old build logs. */
async function retainDeployments(
  deps: RetentionDeps,
  app: RetainedApp,
  running: ReadonlySet<string | undefined>,
  now: Date,
  report: RetentionReport,
): Promise<void> {
  const { config, prisma } = deps;
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
  // The branch's preview as the routers would serve it, whether or not its container runs right now (an
  // engine restart may have it stopped for a moment): its image stays.
  const livePreview = servedPreviews(deployments, () => true);
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
