import type { Deployment, PrismaClient, ReplicaState } from "@pier/db";
import type { ReleaseDeps } from "./deps.ts";
import { INFRA_RETRY_MS } from "./infra-failure.ts";

/**
 * The replicas' side of rebuilding a lost image. The controller asks the worker for the rebuild and marks the
 * deployment's IMAGE_MISSING replicas REBUILDING; a reconcile pass leaves a REBUILDING replica waiting until the
 * deployment's image exists again (the worker records the rebuilt one on the deployment), then starts it; a
 * rebuild that fails puts them back to IMAGE_MISSING, saying why.
 */
export async function markRebuilding(
  prisma: PrismaClient,
  deploymentId: string,
  reason: string,
  now = new Date(),
): Promise<number> {
  // Only while the deployment is production: a controller pass that read the rebuild job as still running can
  // write this after the worker failed it and rolled back, and nothing looks at a deployment that left production.
  const { count } = await prisma.replicaState.updateMany({
    where: { deploymentId, phase: "IMAGE_MISSING", app: { productionDeploymentId: deploymentId } },
    data: {
      phase: "REBUILDING",
      lastReason: reason,
      nextAttemptAt: new Date(now.getTime() + INFRA_RETRY_MS.REBUILDING),
    },
  });
  return count;
}

/** The rebuild failed: the deployment's REBUILDING replicas are IMAGE_MISSING again, with `reason`. */
export async function endRebuilding(
  prisma: PrismaClient,
  deploymentId: string,
  reason: string,
  now = new Date(),
): Promise<number> {
  const { count } = await prisma.replicaState.updateMany({
    where: { deploymentId, phase: "REBUILDING" },
    data: {
      phase: "IMAGE_MISSING",
      lastReason: reason,
      nextAttemptAt: new Date(now.getTime() + INFRA_RETRY_MS.IMAGE_MISSING),
    },
  });
  return count;
}

/**
 * A REBUILDING replica whose next try is due: while the deployment's image is not there yet it waits another
 * INFRA_RETRY_MS.REBUILDING (its state is returned), rather than failing a start the engine would refuse.
 * Null: it is not rebuilding, or its image is there (the rebuilt one), and it may start.
 */
export async function waitForRebuiltImage(
  deps: Pick<ReleaseDeps, "prisma" | "runtime">,
  live: Pick<Deployment, "imageId">,
  state: ReplicaState,
  now: Date,
): Promise<ReplicaState | null> {
  if (state.phase !== "REBUILDING" || !live.imageId) return null;
  if (await deps.runtime.imageExists(live.imageId)) return null;
  return deps.prisma.replicaState.update({
    where: { deploymentId_index: { deploymentId: state.deploymentId, index: state.index } },
    data: { nextAttemptAt: new Date(now.getTime() + INFRA_RETRY_MS.REBUILDING) },
  });
}
