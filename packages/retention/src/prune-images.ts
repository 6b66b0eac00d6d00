import type { RetentionDeps } from "./deps.ts";
import { keepsImage, retentionKeepSet, type KeepSet, type RetainedDeployment } from "./keep-set.ts";

/** Removes a deployment's image by its tag and records that (the deployment, its log and history stay). */
export async function pruneDeploymentImage(
  deps: Pick<RetentionDeps, "prisma" | "runtime">,
  deployment: { id: string; imageTag: string },
): Promise<void> {
  await deps.runtime.removeImage(deployment.imageTag);
  await deps.prisma.deployment.update({ where: { id: deployment.id }, data: { imagePrunedAt: new Date() } });
}

export interface PrunedDeployment {
  deploymentId: string;
  imageTag: string;
}

/**
 * Removes the images of an app's deployments that are outside its keep set (keep-set.ts), by their tags: only
 * Pier's own images, found through Pier's deployment records.
 */
export async function pruneAppImages(
  deps: Pick<RetentionDeps, "prisma" | "runtime">,
  deployments: readonly RetainedDeployment[],
  keep: KeepSet,
): Promise<PrunedDeployment[]> {
  const pruned: PrunedDeployment[] = [];
  for (const d of deployments) {
    if (!d.imageTag || d.imagePrunedAt || keepsImage(keep, d)) continue;
    // Two pruned deployments of one commit share a tag: the second removal finds nothing, and is recorded too.
    await pruneDeploymentImage(deps, { id: d.id, imageTag: d.imageTag });
    pruned.push({ deploymentId: d.id, imageTag: d.imageTag });
  }
  return pruned;
}

/** After a release: removes the app's images outside its keep set (the hourly job does the same for every app). */
export async function pruneOldDeployments(
  deps: RetentionDeps,
  appId: string,
  now = new Date(),
): Promise<PrunedDeployment[]> {
  const app = await deps.prisma.app.findUnique({ where: { id: appId } });
  if (!app) return [];
  const deployments = await deps.prisma.deployment.findMany({
    where: { appId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return pruneAppImages(deps, deployments, await retentionKeepSet(deps, app, deployments, now));
}
