import type { DeploymentStatus } from "@pier/db";
import { isUnfinished } from "@pier/lifecycle";

/**
 * What pruning never touches of an app's deployments (`newestFirst`): production, the rollback target,
 * the newest `keep`, and any still queued or being built. Callers add what they know runs.
 */
export function keptDeploymentIds(
  newestFirst: ReadonlyArray<{ id: string; status: DeploymentStatus }>,
  productionId: string | null,
  rollbackTargetId: string | null | undefined,
  keep: number,
): Set<string> {
  const kept = new Set(newestFirst.slice(0, keep).map((d) => d.id));
  for (const id of [productionId, rollbackTargetId]) if (id) kept.add(id);
  for (const d of newestFirst) if (isUnfinished(d.status)) kept.add(d.id);
  return kept;
}
