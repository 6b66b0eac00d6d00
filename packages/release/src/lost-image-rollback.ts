import type { Deployment } from "@pier/db";
import type { ReleaseDeps } from "./deps.ts";
import { endRebuilding } from "./image-rebuild.ts";
import { promoteDeployment } from "./promote.ts";
import { newestEarlierWithImage } from "./rollback-targets.ts";

export type LostImageRollback =
  /** Production serves `target` now, release `version` (kind ROLLBACK, cause AUTO, with why). */
  | { outcome: "rolled_back"; target: Deployment; version: number; routed: boolean }
  /** No earlier deployment's image is on the engine: production stays as it is, its replicas IMAGE_MISSING. */
  | { outcome: "no_earlier_image" }
  /** The deployment is no longer production (a deploy or a rollback came first): nothing to put back. */
  | { outcome: "not_production" };

/**
 * Production's image was lost and could not be built again (`why`: its commit can't be fetched, the build
 * failed): its replicas go back to IMAGE_MISSING saying so, and production goes back to the newest earlier
 * deployment whose image is still on the engine, as a rollback Pier records as its own (cause AUTO, with why).
 * Throws a ReleaseError when that deployment does not start healthy (production stays where it was).
 */
export async function rollBackFromLostImage(
  deps: ReleaseDeps,
  lostDeploymentId: string,
  why: string,
  log: (line: string) => void,
): Promise<LostImageRollback> {
  await endRebuilding(deps.prisma, lostDeploymentId, why);
  const lost = await deps.prisma.deployment.findUnique({
    where: { id: lostDeploymentId },
    include: { app: { include: { envVars: true, featureFlags: true } } },
  });
  if (!lost || lost.app.productionDeploymentId !== lost.id) return { outcome: "not_production" };
  const target = await newestEarlierWithImage(deps, lost);
  if (!target) return { outcome: "no_earlier_image" };
  const result = await promoteDeployment(deps, {
    app: lost.app,
    target,
    kind: "ROLLBACK",
    cause: "AUTO",
    reason: why,
    log,
  });
  // A controller pass may have marked them REBUILDING again before the switch (it read the job as running).
  await endRebuilding(deps.prisma, lostDeploymentId, why);
  return { outcome: "rolled_back", target, version: result.version, routed: result.routed };
}
