import type { PrismaClient } from "@pier/db";
import { isActive, startBuilding, startRedeploying } from "@pier/lifecycle";

/**
 * Moves a deployment from QUEUED to BUILDING (a redeploy, which builds nothing: to DEPLOYING), atomically, so a
 * deployment cancelled (superseded by a newer push) in the meantime is never built. A deployment already
 * BUILDING/DEPLOYING is the same job coming back after a stall, and is taken up again (`resumed`). Returns null
 * when there is nothing to do.
 */
export async function claimDeployment(prisma: PrismaClient, deploymentId: string) {
  const kind = await prisma.deployment.findUnique({ where: { id: deploymentId }, select: { redeployOfId: true } });
  if (!kind) return null;
  const claimed = kind.redeployOfId
    ? await startRedeploying(prisma, deploymentId)
    : await startBuilding(prisma, deploymentId);
  const deployment = await prisma.deployment.findUnique({
    where: { id: deploymentId },
    include: { app: { include: { envVars: true, featureFlags: true } } },
  });
  if (!deployment) return null;
  if (claimed) return { ...deployment, resumed: false };
  if (isActive(deployment.status)) return { ...deployment, resumed: true };
  return null;
}

export type ClaimedDeployment = NonNullable<Awaited<ReturnType<typeof claimDeployment>>>;
