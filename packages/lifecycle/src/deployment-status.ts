import type { Deployment, PrismaClient } from "@pier/db";
import {
  ACTIVE_STATUSES,
  TERMINAL_STATUSES,
  UNFINISHED_STATUSES,
  type DeploymentStatusName,
  type PhaseTimings,
} from "@pier/shared";

/**
 * The one home of a deployment's status. Every change is a guarded update (`from` → `to`), so two
 * actors racing (a worker and the API, a retry and the controller) can never move a deployment
 * backwards or out of a terminal status:
 *
 *   QUEUED → BUILDING → DEPLOYING → READY
 *      ↘ CANCELLED   ↘ (any non-terminal) → FAILED        BUILDING/DEPLOYING → QUEUED (transient retry)
 */

async function transition(
  prisma: PrismaClient,
  id: string,
  from: readonly DeploymentStatusName[],
  data: Partial<Deployment> & { status: DeploymentStatusName },
): Promise<boolean> {
  const { count } = await prisma.deployment.updateMany({
    where: { id, status: { in: [...from] } },
    data: data as never,
  });
  return count === 1;
}

export { ACTIVE_STATUSES, TERMINAL_STATUSES, UNFINISHED_STATUSES };

/** Ended: READY, FAILED or CANCELLED (no status change leaves it). */
export function isTerminal(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}

/** Held by a worker: BUILDING or DEPLOYING. */
export function isActive(status: string): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(status);
}

/** Not ended yet: QUEUED, BUILDING or DEPLOYING. */
export function isUnfinished(status: string): boolean {
  return (UNFINISHED_STATUSES as readonly string[]).includes(status);
}

/** QUEUED → BUILDING (a worker takes it). False when it was cancelled or taken meanwhile. */
export function startBuilding(prisma: PrismaClient, id: string): Promise<boolean> {
  return transition(prisma, id, ["QUEUED"], { status: "BUILDING", startedAt: new Date(), failureReason: null });
}

/** BUILDING → DEPLOYING, with what the deployment runs with. */
export async function startDeploying(prisma: PrismaClient, id: string, runWith: Partial<Deployment>): Promise<void> {
  await prisma.deployment.update({
    where: { id, status: { in: [...ACTIVE_STATUSES] } },
    data: { ...(runWith as object), status: "DEPLOYING" },
  });
}

/** DEPLOYING → READY, with the time each phase took. */
export async function markReady(prisma: PrismaClient, id: string, phases: PhaseTimings): Promise<void> {
  await prisma.deployment.update({
    where: { id, status: "DEPLOYING" },
    data: { status: "READY", finishedAt: new Date(), phases },
  });
}

/** Any non-terminal status → FAILED with the reason users see first. False when it had already ended. */
export function markFailed(prisma: PrismaClient, id: string, reason: string, phases?: PhaseTimings): Promise<boolean> {
  return transition(prisma, id, UNFINISHED_STATUSES, {
    status: "FAILED",
    failureReason: reason.slice(0, 4_000),
    finishedAt: new Date(),
    ...(phases ? { phases: phases as never } : {}),
  });
}

/** BUILDING/DEPLOYING → QUEUED, before the queue retries it after a transient failure. */
export function requeue(prisma: PrismaClient, id: string): Promise<boolean> {
  return transition(prisma, id, ACTIVE_STATUSES, { status: "QUEUED" });
}

/** QUEUED → CANCELLED (superseded by a newer push, or its branch was deleted). A claimed one keeps building. */
export function cancelQueued(prisma: PrismaClient, id: string, reason: string): Promise<boolean> {
  return transition(prisma, id, ["QUEUED"], { status: "CANCELLED", failureReason: reason, finishedAt: new Date() });
}

/** Cancels every still-queued deployment matching `where` (e.g. a deleted branch's previews). */
export async function cancelAllQueued(
  prisma: PrismaClient,
  where: { appId: string; previewSlug?: string },
  reason: string,
): Promise<number> {
  const { count } = await prisma.deployment.updateMany({
    where: { ...where, status: "QUEUED" },
    data: { status: "CANCELLED", failureReason: reason, finishedAt: new Date() },
  });
  return count;
}
