import { reconcileProduction } from "@pier/release";
import { admitMore, replicaStatuses, ScaleLockBusyError, setDesiredReplicas, type ReplicaStatus } from "@pier/replicas";
import { RECONCILE_CHANNEL, storedAutoscalePolicy } from "@pier/shared";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { findAppByName } from "./apps.ts";
import { LOCK_WAIT_MS, scaleNotifier } from "./scale-caller.ts";

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
      `${name} is autoscaled (min ${policy.min}, max ${policy.max}): change the policy's min and max ` +
        `(PATCH /api/apps/${name} {"autoscale": …} or pier autoscale), or turn it off ({"autoscale": null}) ` +
        "to scale by hand",
      "replicas",
    );
  }
  if (!app.productionDeploymentId)
    throw new AppError("conflict", `${name} has no production deployment to scale yet: deploy it first`, "name");
  await admitScaleUp(deps, app, app.productionDeploymentId, replicas);
  const emit = scaleNotifier(deps, log);
  const outcome = await setDesiredReplicas(
    { ...deps, emit, lockWaitMs: LOCK_WAIT_MS, reconcile: (appId) => reconcileAndTell(deps, appId) },
    { appId: app.id, to: replicas, by, reason: `by hand (${by === "api" ? "the API or CLI" : "the dashboard"})` },
  ).catch((error: unknown) => {
    if (error instanceof ScaleLockBusyError)
      throw new AppError("conflict", `${name} is being changed by the controller right now; try again`, "name");
    throw error;
  });
  const status = (await replicaStatuses(deps, [{ ...app, replicas }])).get(app.id)!;
  return { replicas: status, started: outcome?.started ?? [], stopped: outcome?.stopped ?? [] };
}

/** The app's replicas as they are (desired, running, state). */
export async function replicasOf(deps: PierDeps, name: string): Promise<ReplicaStatus> {
  const app = await findAppByName(deps.prisma, name);
  return (await replicaStatuses(deps, [app])).get(app.id)!;
}

/** More replicas than run now are admitted by memory, as the autoscaler's and a deployment's are. */
async function admitScaleUp(
  deps: PierDeps,
  app: { id: string; name: string; replicas: number; memoryRequestMb: number | null },
  productionDeploymentId: string,
  replicas: number,
): Promise<void> {
  if (replicas <= app.replicas) return;
  const production = await deps.prisma.deployment.findUnique({
    where: { id: productionDeploymentId },
    select: { memoryMb: true },
  });
  const limitMb = production?.memoryMb ?? deps.config.PIER_CONTAINER_MEMORY_MB;
  const admission = await admitMore(deps, app, limitMb, replicas - app.replicas);
  if (admission.heldBack)
    throw new AppError("conflict", `${app.name} can't grow to ${replicas} replicas: ${admission.heldBack}`, "replicas");
}

/**
 * The API's own pass, and a word to the controller when the infrastructure kept a replica from starting: a lost
 * image is rebuilt by the controller, which would otherwise find it at its next sweep.
 */
async function reconcileAndTell(deps: PierDeps, appId: string) {
  const outcome = await reconcileProduction(deps, appId);
  if (outcome?.blockedByInfra.length) await deps.redis.publish(RECONCILE_CHANNEL, appId);
  return outcome;
}
