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
 *   QUEUED → BUILDING → DEPLOYING → READY       QUEUED → DEPLOYING (a redeploy: nothing to build)
 *      ↘ CANCELLED   ↘ (any non-terminal) → FAILED        BUILDING/DEPLOYING → QUEUED (transient retry)
 *   BUILDING → CANCELLED (a push found behind what is live before anything of it ran: skipClaimed)
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
  if (count === 1) changed(id, data.status);
  return count === 1;
}

/** Told of every status change made in this process, after it is stored (e.g. to report it to GitHub). */
export type DeploymentStatusListener = (deploymentId: string, status: DeploymentStatusName) => void;

const listeners = new Set<DeploymentStatusListener>();

/** Listens to every status change this process makes; returns what stops listening. Listeners must not throw. */
export function onDeploymentStatusChange(listener: DeploymentStatusListener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

function changed(id: string, status: DeploymentStatusName): void {
  for (const listener of listeners) listener(id, status);
}

/** A deployment was recorded QUEUED and its build queued (queueDeployment): the listeners hear of it too. */
export function announceQueued(id: string): void {
  changed(id, "QUEUED");
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

/**
 * QUEUED → DEPLOYING: a worker takes a redeploy (production's image started again), which has nothing to build.
 * False when it was cancelled or taken meanwhile.
 */
export function startRedeploying(prisma: PrismaClient, id: string): Promise<boolean> {
  return transition(prisma, id, ["QUEUED"], { status: "DEPLOYING", startedAt: new Date(), failureReason: null });
}

/** BUILDING → DEPLOYING, with what the deployment runs with. */
export async function startDeploying(prisma: PrismaClient, id: string, runWith: Partial<Deployment>): Promise<void> {
  await prisma.deployment.update({
    where: { id, status: { in: [...ACTIVE_STATUSES] } },
    data: { ...(runWith as object), status: "DEPLOYING" },
  });
  changed(id, "DEPLOYING");
}

/** DEPLOYING → READY, with the time each phase took. */
export async function markReady(prisma: PrismaClient, id: string, phases: PhaseTimings): Promise<void> {
  await prisma.deployment.update({
    where: { id, status: "DEPLOYING" },
    data: { status: "READY", finishedAt: new Date(), phases },
  });
  changed(id, "READY");
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

/**
 * QUEUED → CANCELLED (superseded by a push of a descendant commit or a deploy by hand, behind what is live, or
 * its branch was deleted). A claimed one keeps building.
 */
export function cancelQueued(prisma: PrismaClient, id: string, reason: string): Promise<boolean> {
  return transition(prisma, id, ["QUEUED"], { status: "CANCELLED", failureReason: reason, finishedAt: new Date() });
}

/**
 * BUILDING → CANCELLED: a push a worker claimed, then found behind what is live or superseded by a newer
 * deployment of its commit's descendants (nothing of it was started). False when it had moved on.
 */
export function skipClaimed(prisma: PrismaClient, id: string, reason: string): Promise<boolean> {
  return transition(prisma, id, ["BUILDING"], { status: "CANCELLED", failureReason: reason, finishedAt: new Date() });
}

/** Cancels every still-queued deployment matching `where` (e.g. a deleted branch's previews). */
export async function cancelAllQueued(
  prisma: PrismaClient,
  where: { appId: string; previewSlug?: string },
  reason: string,
): Promise<number> {
  const queued = await prisma.deployment.findMany({ where: { ...where, status: "QUEUED" }, select: { id: true } });
  // One by one: each is a guarded change of its own, heard by the listeners.
  let count = 0;
  for (const { id } of queued) if (await cancelQueued(prisma, id, reason)) count++;
  return count;
}
