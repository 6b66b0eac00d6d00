import type { RetentionDeps } from "./deps.ts";
import { keptDeploymentIds } from "./kept-deployments.ts";

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
 * After a release: keeps the images of the `keep` most recent deployments of an app, the live one, the
 * rollback target and any with a running container; removes the other images Pier built for the app.
 * Only Pier's own images are touched: they are found through Pier's deployment records and removed by
 * their tags.
 */
export async function pruneOldDeployments(
  deps: Pick<RetentionDeps, "prisma" | "runtime">,
  appId: string,
  keep: number,
): Promise<PrunedDeployment[]> {
  const app = await deps.prisma.app.findUnique({ where: { id: appId } });
  if (!app) return [];
  const lastRelease = await deps.prisma.release.findFirst({ where: { appId }, orderBy: { version: "desc" } });
  const deployments = await deps.prisma.deployment.findMany({
    where: { appId, imageTag: { not: null }, imagePrunedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const kept = keptDeploymentIds(deployments, app.productionDeploymentId, lastRelease?.fromDeploymentId, keep);
  const isProtected = (d: (typeof deployments)[number]) => kept.has(d.id) || d.containerId !== null;
  const keptTags = new Set(deployments.filter(isProtected).map((d) => d.imageTag));
  const pruned: PrunedDeployment[] = [];
  for (const deployment of deployments) {
    if (isProtected(deployment) || !deployment.imageTag) continue;
    // Two deployments of one commit share a tag: the image stays while a kept one needs it.
    if (keptTags.has(deployment.imageTag)) continue;
    await pruneDeploymentImage(deps, { id: deployment.id, imageTag: deployment.imageTag });
    pruned.push({ deploymentId: deployment.id, imageTag: deployment.imageTag });
  }
  return pruned;
}
