import type { PrismaClient } from "@pier/db";

/**
 * Moves a deployment from QUEUED to BUILDING, atomically, so a deployment cancelled (superseded by a
 * newer push) in the meantime is never built. A deployment already BUILDING/DEPLOYING is the same
 * job coming back after a stall, and is taken up again. Returns null when there is nothing to do.
 */
export async function claimDeployment(prisma: PrismaClient, deploymentId: string) {
  const claimed = await prisma.deployment.updateMany({
    where: { id: deploymentId, status: "QUEUED" },
    data: { status: "BUILDING", startedAt: new Date(), failureReason: null },
  });
  const deployment = await prisma.deployment.findUnique({
    where: { id: deploymentId },
    include: { app: { include: { envVars: true } } },
  });
  if (!deployment) return null;
  if (claimed.count === 1 || deployment.status === "BUILDING" || deployment.status === "DEPLOYING") return deployment;
  return null;
}

export type ClaimedDeployment = NonNullable<Awaited<ReturnType<typeof claimDeployment>>>;

/** Ends a deployment as FAILED unless it already ended; the reason is what users see first. */
export async function markFailed(prisma: PrismaClient, deploymentId: string, reason: string, phases?: Record<string, number>): Promise<void> {
  await prisma.deployment.updateMany({
    where: { id: deploymentId, status: { in: ["QUEUED", "BUILDING", "DEPLOYING"] } },
    data: { status: "FAILED", failureReason: reason.slice(0, 4_000), finishedAt: new Date(), ...(phases ? { phases } : {}) },
  });
}

/** Puts a deployment back in the queue state before BullMQ retries it after a transient failure. */
export async function markRequeued(prisma: PrismaClient, deploymentId: string): Promise<void> {
  await prisma.deployment.updateMany({
    where: { id: deploymentId, status: { in: ["BUILDING", "DEPLOYING"] } },
    data: { status: "QUEUED" },
  });
}
