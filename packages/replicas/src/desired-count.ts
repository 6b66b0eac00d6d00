import type { Prisma, PrismaClient } from "@pier/db";
import { acquireLock } from "@pier/redis";
import { randomId, type NotificationEvent } from "@pier/shared";
import { randomBytes, randomUUID } from "node:crypto";
import type { ReplicaDeps } from "./deps.ts";
import { RECONCILE_LOCK_TTL_MS, reconcileLockKey } from "./lock.ts";

/** Who changed an app's desired replicas. */
export type ScaledBy = "api" | "dashboard" | "autoscaler";

/** The traffic an autoscaling decision was made on (recorded with it). */
export interface ScaleLoad {
  panicConcurrency: number;
  stableConcurrency: number;
  panicRps: number;
  stableRps?: number;
}

export interface ScaleRequest {
  appId: string;
  to: number;
  by: ScaledBy;
  /** Why, in a sentence: recorded (ScaleDecision) and sent with app.scaled. */
  reason: string;
  /** Only from this count (a decision made on it): when the count changed meanwhile, that change wins. */
  from?: number;
  panic?: boolean;
  load?: ScaleLoad;
}

export interface ScaleDeps extends ReplicaDeps {
  /** Sends app.scaled to the notification channels (an alert that can't be queued is the caller's to log). */
  emit(event: NotificationEvent): Promise<unknown>;
  /**
   * Brings production to the new count while the lock is still held (the API: the answer says what
   * started and stopped). Without it the caller asks the controller afterwards.
   */
  reconcile?(appId: string): Promise<{ started: number[]; stopped: number[]; serving: number } | null>;
  /** How long to wait for the app's reconcile lock (the controller may be acting on it). */
  lockWaitMs: number;
}

export interface ScaleOutcome {
  from: number;
  to: number;
  started: number[];
  stopped: number[];
  /** Replicas serving after the reconcile (when one ran under the lock). */
  running: number | null;
}

/** The lock stayed taken (the controller is acting on the app); the count is unchanged. */
export class ScaleLockBusyError extends Error {
  constructor(readonly appId: string) {
    super("the app is being changed by the controller right now; try again");
    this.name = "ScaleLockBusyError";
  }
}

/**
 * The one way an app's desired replicas change by decision (by hand or by the autoscaler): under the
 * app's reconcile lock, so the controller never acts on a count half-written; written to the app and to
 * its production deployment (a later rollback to it restores the count); recorded with its reason
 * (ScaleDecision); and announced as app.scaled, with the same details wherever it came from. Returns
 * null when `from` no longer holds. A release changes the count too: it follows the deployment that
 * goes live (productionWithItsCount), in the release's own transaction.
 */
export async function setDesiredReplicas(deps: ScaleDeps, request: ScaleRequest): Promise<ScaleOutcome | null> {
  const owner = `${request.by}:${randomUUID()}`;
  const lock = await acquireLock(
    deps.redis,
    reconcileLockKey(request.appId),
    owner,
    deps.lockWaitMs,
    RECONCILE_LOCK_TTL_MS,
  );
  if (!lock) throw new ScaleLockBusyError(request.appId);
  let outcome: ScaleOutcome;
  let app: { name: string };
  try {
    const current = await deps.prisma.app.findUniqueOrThrow({
      where: { id: request.appId },
      select: { name: true, replicas: true, productionDeploymentId: true },
    });
    if (request.from !== undefined && current.replicas !== request.from) return null;
    app = current;
    await deps.prisma.$transaction([
      deps.prisma.app.update({ where: { id: request.appId }, data: { replicas: request.to } }),
      ...(current.productionDeploymentId
        ? [
            deps.prisma.deployment.update({
              where: { id: current.productionDeploymentId },
              data: { replicas: request.to },
            }),
          ]
        : []),
      deps.prisma.scaleDecision.create({ data: decisionRecord(request, current.replicas) }),
    ]);
    const reconciled = deps.reconcile ? await deps.reconcile(request.appId) : null;
    outcome = {
      from: current.replicas,
      to: request.to,
      started: reconciled?.started ?? [],
      stopped: reconciled?.stopped ?? [],
      running: reconciled ? reconciled.serving : null,
    };
  } finally {
    await lock.release();
  }
  await deps.emit(scaledEvent(request, app.name, outcome));
  return outcome;
}

/**
 * A decision that left the count as it was (the autoscaler held back by memory): recorded with its
 * reason, like every change, so the dashboard shows why the app did not grow.
 */
export async function recordHeldBack(prisma: PrismaClient, request: ScaleRequest, current: number): Promise<void> {
  await prisma.scaleDecision.create({ data: decisionRecord(request, current) });
}

function decisionRecord(request: ScaleRequest, from: number): Prisma.ScaleDecisionUncheckedCreateInput {
  return {
    id: randomId(16, randomBytes),
    appId: request.appId,
    by: request.by,
    fromReplicas: from,
    toReplicas: request.to,
    reason: request.reason,
    panic: request.panic ?? false,
    panicConcurrency: request.load?.panicConcurrency ?? 0,
    stableConcurrency: request.load?.stableConcurrency ?? 0,
    requestsPerSecond: request.load?.panicRps ?? 0,
  };
}

function scaledEvent(request: ScaleRequest, appName: string, outcome: ScaleOutcome): NotificationEvent {
  const running = outcome.running === null ? "" : ` (${outcome.running} running)`;
  const how = request.by === "autoscaler" ? `autoscaled ${outcome.from} →` : "scaled by hand to";
  return {
    event: "app.scaled",
    app: { id: request.appId, name: appName },
    summary: `${appName}: ${how} ${outcome.to} replica(s)${running}: ${request.reason}`,
    details: {
      from: outcome.from,
      to: outcome.to,
      desired: outcome.to,
      ...(outcome.running === null ? {} : { running: outcome.running }),
      started: outcome.started,
      stopped: outcome.stopped,
      by: request.by,
      reason: request.reason,
      ...(request.panic === undefined ? {} : { panic: request.panic }),
      ...request.load,
    },
    at: new Date().toISOString(),
  };
}

/**
 * Inside a release's transaction: production becomes `deploymentId`, and the desired replicas the count
 * that deployment runs with (pier.json's, or what it was scaled to while it was production), so a
 * rollback puts the app back as it was.
 */
export async function productionWithItsCount(
  tx: Prisma.TransactionClient,
  appId: string,
  deploymentId: string,
): Promise<void> {
  const target = await tx.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { replicas: true } });
  await tx.app.update({
    where: { id: appId },
    data: { productionDeploymentId: deploymentId, replicas: target.replicas },
  });
}
