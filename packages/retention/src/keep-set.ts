import type { Deployment } from "@pier/db";
import { isUnfinished } from "@pier/lifecycle";
import { rollbackTargetId, warmDeploymentIds } from "@pier/release";
import { servedPreviews } from "@pier/routing";
import { LABELS } from "@pier/shared";
import type { RetentionDeps } from "./deps.ts";

/** A failed or cancelled deployment's image stays this long, so the failure can be looked into. */
const FAILURE_IMAGE_KEPT_MS = 24 * 60 * 60_000;

/** What retention reads of a deployment. */
export type RetainedDeployment = Pick<
  Deployment,
  | "id"
  | "shortId"
  | "status"
  | "commitSha"
  | "imageTag"
  | "imageId"
  | "imagePrunedAt"
  | "previewSlug"
  | "previewLiveAt"
  | "createdAt"
  | "finishedAt"
>;

export interface KeepSet {
  /** Deployments whose image stays. */
  deployments: Set<string>;
  /** Tags that stay: the kept deployments', and those a build in progress may just have re-pointed. */
  tags: Set<string>;
  /**
   * Images that stay, by id: the kept deployments' (a deployment runs its image by id, whatever its tag names),
   * and those containers use. The sweep of untagged images leaves them.
   */
  imageIds: Set<string>;
}

/**
 * The one place retention decides what it must not remove of an app (`deployments` newest first): the
 * prune after a release and the hourly job both remove only images outside this set.
 */
export async function retentionKeepSet(
  deps: RetentionDeps,
  app: { id: string; productionDeploymentId: string | null },
  deployments: readonly RetainedDeployment[],
  now: Date,
): Promise<KeepSet> {
  const { config, prisma, runtime } = deps;
  const kept = new Set<string>();
  const keep = (id: string | null | undefined) => {
    if (id) kept.add(id);
  };
  // Production: it serves the app.
  keep(app.productionDeploymentId);
  // The rollback target (where POST /rollback goes by default) and the deployments kept warm for an instant
  // rollback, asked of the functions that choose them for the API and for settling after a release.
  keep(await rollbackTargetId(prisma, app.id));
  for (const id of await warmDeploymentIds(prisma, app, config.PIER_WARM_DEPLOYMENTS)) keep(id);
  // The newest PIER_RETAIN_DEPLOYMENTS that built an image (a build that failed before making one takes no
  // place): the ones a rollback or a promote is most likely to ask for.
  for (const d of deployments.filter((d) => d.imageTag).slice(0, config.PIER_RETAIN_DEPLOYMENTS)) keep(d.id);
  // Each branch's preview as the routers would serve it, whether or not its container runs right now (an engine
  // restart may have it stopped for a moment).
  for (const id of servedPreviews([...deployments], () => true).values()) keep(id);
  // Any with a container, running or stopped: something runs it (a replica, a warm one, a preview), and the
  // engine refuses to remove an image a container uses (a one-off `pier run` included, by its image below).
  const labels = { [LABELS.managed]: "true", [LABELS.appId]: app.id };
  const containers = await runtime.listContainers(labels, { all: true });
  for (const container of containers) keep(container.labels[LABELS.deployment]);
  for (const d of deployments) {
    // Not finished (queued, building, deploying): it is about to run its image.
    if (isUnfinished(d.status)) keep(d.id);
    // A failure, for a day: its image is where to look into it.
    const ended = (d.finishedAt ?? d.createdAt).getTime();
    if ((d.status === "FAILED" || d.status === "CANCELLED") && now.getTime() - ended < FAILURE_IMAGE_KEPT_MS)
      keep(d.id);
  }

  // An image stays while any kept deployment uses it: by tag (deployments of one commit share
  // `pier/<app>:<sha12>`, a redeploy of the commit included) and by id.
  const tags = new Set<string>();
  const imageIds = new Set<string>();
  for (const d of deployments.filter((d) => kept.has(d.id))) {
    if (d.imageTag) tags.add(d.imageTag);
    if (d.imageId) imageIds.add(d.imageId);
  }
  for (const { image } of containers) (image.startsWith("sha256:") ? imageIds : tags).add(image);
  // A build points its commit's tag at the new image before its deployment records it: the tags of the commits
  // being deployed stay, and while one's commit isn't known yet (a deploy of the branch head, before its clone)
  // every tag of the app does.
  const inProgress = new Set(deployments.filter((d) => isUnfinished(d.status)).map((d) => d.commitSha));
  for (const d of deployments)
    if (d.imageTag && (inProgress.has(null) || inProgress.has(d.commitSha))) tags.add(d.imageTag);
  return { deployments: kept, tags, imageIds };
}

/**
 * Whether a deployment's image tag stays: it is kept, or shares its tag with what is. (Another tag of a kept
 * image may go: that only untags it, and the kept deployment's own tag, or the one tagKeptImages gives it in
 * the hourly run, keeps it.)
 */
export function keepsImage(keep: KeepSet, d: Pick<RetainedDeployment, "id" | "imageTag">): boolean {
  return keep.deployments.has(d.id) || (d.imageTag !== null && keep.tags.has(d.imageTag));
}
