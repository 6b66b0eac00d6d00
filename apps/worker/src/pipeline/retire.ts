import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { ROUTES_CHANGED_CHANNEL } from "@pier/shared";
import type { Redis } from "ioredis";

/**
 * Stops the container of a deployment that no longer serves production, after the routers had time to
 * switch and in-flight requests had time to finish. Its image is kept, for rollbacks.
 */
export async function retireDeployment(
  deps: { prisma: PrismaClient; redis: Redis; runtime: ContainerRuntime },
  deploymentId: string,
  drainMs: number,
): Promise<void> {
  const deployment = await deps.prisma.deployment.findUnique({ where: { id: deploymentId } });
  if (!deployment?.containerId) return;
  // Unroute it first, so nothing new is sent to a container about to stop.
  await deps.prisma.deployment.update({ where: { id: deploymentId }, data: { hostPort: null } });
  await deps.redis.publish(ROUTES_CHANGED_CHANNEL, deployment.appId);
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  await deps.runtime.stopContainer(deployment.containerId, 10);
  await deps.runtime.removeContainer(deployment.containerId);
  await deps.prisma.deployment.update({ where: { id: deploymentId }, data: { containerId: null } });
}
