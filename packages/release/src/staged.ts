import type { PrismaClient } from "@pier/db";

/**
 * The deployments that keep running though they are not production and never were: the app's newest staged one
 * (POST /deploy with promote false, READY; a newer staged deployment replaces it, promoting it makes it production)
 * and the candidate of a rollout in progress. Settling after a release leaves their containers running; retention
 * keeps the images of whatever has a container.
 */
export async function keptStagedIds(
  prisma: PrismaClient,
  app: { id: string; productionDeploymentId: string | null },
): Promise<string[]> {
  const [newest, rollouts] = await Promise.all([
    prisma.deployment.findFirst({
      where: { appId: app.id, promote: false, previewSlug: null, status: "READY" },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    }),
    prisma.rollout.findMany({
      where: { appId: app.id, state: { in: ["RUNNING", "PAUSED"] } },
      select: { candidateDeploymentId: true },
    }),
  ]);
  const kept = rollouts.map((r) => r.candidateDeploymentId);
  // One that went live once (promoted, then replaced) is a former production: warm or stopped like any other.
  const wentLive = newest && (await prisma.release.count({ where: { appId: app.id, toDeploymentId: newest.id } })) > 0;
  if (newest && !wentLive && newest.id !== app.productionDeploymentId) kept.push(newest.id);
  return kept;
}
