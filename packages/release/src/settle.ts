import { LABELS } from "@pier/shared";
import type { ReleaseDeps } from "./deps.ts";
import { warmDeploymentIds } from "./rollback-targets.ts";
import { keptStagedIds } from "./staged.ts";
import { deploymentsInProgress, stopDeploymentContainers } from "./stop-containers.ts";

export interface SettleResult {
  warm: string[];
  stopped: string[];
}

/**
 * After a production switch (or a staged deployment going up): the live deployment, the `keepWarm` most recent
 * previous production deployments (a rollback to them is only a router switch) and the staged deployment waiting to
 * be promoted or rolled out (keptStagedIds) keep running; every other container of the app is stopped once
 * in-flight requests had `drainMs` to finish. Deployments still being deployed are never touched. Images are kept
 * (@pier/retention prunes them).
 */
export async function settleAppContainers(
  deps: ReleaseDeps,
  appId: string,
  options: { drainMs: number; keepWarm: number },
): Promise<SettleResult> {
  const app = await deps.prisma.app.findUnique({ where: { id: appId } });
  if (!app) return { warm: [], stopped: [] };
  const warm = await warmDeploymentIds(deps.prisma, app, options.keepWarm);
  const keep = new Set([app.productionDeploymentId, ...warm, ...(await keptStagedIds(deps.prisma, app))]);
  const containers = await deps.runtime.listContainers(
    { [LABELS.managed]: "true", [LABELS.appId]: appId },
    { all: true },
  );
  // Previews have their own lifecycle (settlePreview/stopPreview); production settling leaves them alone.
  const candidates = containers.filter(
    (c) => !keep.has(c.labels[LABELS.deployment] ?? "") && !c.labels[LABELS.preview],
  );
  const inProgress = await deploymentsInProgress(
    deps,
    candidates.map((c) => c.labels[LABELS.deployment] ?? ""),
  );
  const toStop = candidates.filter((c) => !inProgress.has(c.labels[LABELS.deployment] ?? ""));
  if (toStop.length === 0) return { warm, stopped: [] };

  await new Promise((resolve) => setTimeout(resolve, options.drainMs));
  return { warm, stopped: await stopDeploymentContainers(deps, toStop) };
}
