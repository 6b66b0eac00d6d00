import type { ReleaseDeps } from "./deps.ts";

export interface PrunedDeployment {
  deploymentId: string;
  imageTag: string;
}

/**
 * Keeps the images of the `keep` most recent deployments of an app, the live one, the rollback target
 * and any with a running container; removes the other images Pier built for the app. Only Pier's own
 * images are touched: they are found through Pier's deployment records and removed by their tags.
 */
export async function pruneOldDeployments(deps: ReleaseDeps, appId: string, keep: number): Promise<PrunedDeployment[]> {
  const app = await deps.prisma.app.findUnique({ where: { id: appId } });
  if (!app) return [];
  const lastRelease = await deps.prisma.release.findFirst({ where: { appId }, orderBy: { version: "desc" } });
  const deployments = await deps.prisma.deployment.findMany({
    where: { appId, imageTag: { not: null }, imagePrunedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const isProtected = (d: (typeof deployments)[number], index: number) =>
    index < keep ||
    d.id === app.productionDeploymentId ||
    d.id === lastRelease?.fromDeploymentId ||
    d.containerId !== null ||
    d.status === "BUILDING" ||
    d.status === "DEPLOYING";
  const keptTags = new Set(deployments.filter(isProtected).map((d) => d.imageTag));
  const pruned: PrunedDeployment[] = [];
  for (const [index, deployment] of deployments.entries()) {
    if (isProtected(deployment, index) || !deployment.imageTag) continue;
    // Two deployments of one commit share a tag: the image stays while a kept one needs it.
    if (keptTags.has(deployment.imageTag)) continue;
    await deps.runtime.removeImage(deployment.imageTag);
    await deps.prisma.deployment.update({ where: { id: deployment.id }, data: { imagePrunedAt: new Date() } });
    pruned.push({ deploymentId: deployment.id, imageTag: deployment.imageTag });
  }
  return pruned;
}
