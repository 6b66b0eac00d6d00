import { acquireLock } from "@pier/redis";
import {
  RECONCILE_LOCK_TTL_MS,
  reconcileLockKey,
  reconcileProduction,
  replicaStatuses,
  type ReconcileOutcome,
  type ReplicaStatus,
} from "@pier/release";
import { notify } from "@pier/notifications";
import { storedAutoscalePolicy } from "@pier/shared";
import { randomUUID } from "node:crypto";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { findAppByName } from "./apps.ts";

/** How long a scale request waits for the controller to finish what it is doing with the app. */
const LOCK_WAIT_MS = 60_000;

export interface ScaleResult {
  replicas: ReplicaStatus;
  started: number[];
  stopped: number[];
}

/**
 * Sets the app's desired production replicas and brings production there at once: containers of the
 * current production deployment start from its image or drain and stop. No build, no new deployment.
 * The controller keeps it there afterwards. The notification channels hear of it (app.scaled), whether
 * it came from the API or the dashboard (`by`).
 */
export async function scaleApp(
  deps: PierDeps,
  name: string,
  replicas: number,
  by: "api" | "dashboard",
  log: { error(obj: object, msg: string): void },
): Promise<ScaleResult> {
  if (replicas > deps.config.PIER_MAX_REPLICAS) {
    throw new AppError(
      "validation_failed",
      `replicas: ${replicas} is over the operator's maximum ${deps.config.PIER_MAX_REPLICAS} (PIER_MAX_REPLICAS)`,
      "replicas",
    );
  }
  const app = await findAppByName(deps.prisma, name);
  const policy = storedAutoscalePolicy(app.autoscale);
  if (policy) {
    // One owner for the count: while a policy is on, the autoscaler sets it within the policy's bounds.
    throw new AppError(
      "conflict",
      `${name} is autoscaled (min ${policy.min}, max ${policy.max}): change the policy's min and max (PATCH /api/apps/${name} {"autoscale": …} or pier autoscale), or turn it off ({"autoscale": null}) to scale by hand`,
      "replicas",
    );
  }
  if (!app.productionDeploymentId)
    throw new AppError("conflict", `${name} has no production deployment to scale yet: deploy it first`, "name");
  const lock = await acquireLock(
    deps.redis,
    reconcileLockKey(app.id),
    `api:${randomUUID()}`,
    LOCK_WAIT_MS,
    RECONCILE_LOCK_TTL_MS,
  );
  if (!lock) throw new AppError("conflict", `${name} is being changed by the controller right now; try again`, "name");
  let outcome: ReconcileOutcome | null;
  try {
    // The deployment remembers the count it runs with, so a later rollback to it restores it.
    await deps.prisma.$transaction([
      deps.prisma.app.update({ where: { id: app.id }, data: { replicas } }),
      deps.prisma.deployment.update({ where: { id: app.productionDeploymentId }, data: { replicas } }),
    ]);
    outcome = await reconcileProduction(deps, app.id);
  } finally {
    await lock.release();
  }
  const status = (await replicaStatuses(deps, [{ ...app, replicas }])).get(app.id)!;
  const result = { replicas: status, started: outcome?.started ?? [], stopped: outcome?.stopped ?? [] };
  const event = {
    event: "app.scaled" as const,
    app: { id: app.id, name: app.name },
    summary: `${app.name}: scaled to ${status.desired} replica(s) by hand (${status.running} running)`,
    details: { desired: status.desired, running: status.running, started: result.started, stopped: result.stopped, by },
    at: new Date().toISOString(),
  };
  // An alert that can't be queued is logged; the scale stands.
  await notify({ prisma: deps.prisma, queue: deps.notifications }, event).catch((error) =>
    log.error({ err: error }, "could not queue the scale notification"),
  );
  return result;
}
