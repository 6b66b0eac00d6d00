import type { Deployment, Prisma, PrismaClient } from "@pier/db";
import type { ReleaseDeps } from "./deps.ts";

/**
 * Releases that changed what runs: every kind but FLAGS (a flags change is an event in the history, its from and to
 * both production). Whatever reads "the previous release" reads these.
 */
export const RUNNING_RELEASES = { kind: { not: "FLAGS" } } as const satisfies Prisma.ReleaseWhereInput;

/** The deployment `POST /rollback` goes back to by default: the one the latest release replaced. */
export async function rollbackTargetId(prisma: PrismaClient, appId: string): Promise<string | null> {
  const last = await prisma.release.findFirst({
    where: { appId, ...RUNNING_RELEASES },
    orderBy: { version: "desc" },
    select: { fromDeploymentId: true },
  });
  return last?.fromDeploymentId ?? null;
}

/**
 * The deployments kept warm for an instant rollback: the `keepWarm` most recent previous production
 * deployments, newest first (from the app's releases; production itself is never one). Settling after a
 * release keeps their containers running; retention keeps their images.
 */
export async function warmDeploymentIds(
  prisma: PrismaClient,
  app: { id: string; productionDeploymentId: string | null },
  keepWarm: number,
): Promise<string[]> {
  if (keepWarm <= 0) return [];
  const releases = await prisma.release.findMany({
    where: { appId: app.id, ...RUNNING_RELEASES },
    orderBy: { version: "desc" },
    take: 50,
    select: { toDeploymentId: true },
  });
  const warm: string[] = [];
  for (const { toDeploymentId } of releases) {
    if (warm.length >= keepWarm) break;
    if (toDeploymentId !== app.productionDeploymentId && !warm.includes(toDeploymentId)) warm.push(toDeploymentId);
  }
  return warm;
}

/**
 * Where Pier goes back to by itself when production's image is lost and can't be rebuilt: the newest deployment
 * of the app made before `lost` that went live (READY, not a preview) and whose image is still on the engine.
 * Null when there is none. Images retention pruned are recorded as such and not looked for.
 */
export async function newestEarlierWithImage(
  deps: Pick<ReleaseDeps, "prisma" | "runtime">,
  lost: Pick<Deployment, "id" | "appId" | "createdAt">,
): Promise<Deployment | null> {
  const earlier = await deps.prisma.deployment.findMany({
    where: {
      appId: lost.appId,
      id: { not: lost.id },
      status: "READY",
      previewSlug: null,
      imageId: { not: null },
      imagePrunedAt: null,
      createdAt: { lt: lost.createdAt },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  for (const deployment of earlier) if (await deps.runtime.imageExists(deployment.imageId!)) return deployment;
  return null;
}
