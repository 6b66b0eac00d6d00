import type { DeploymentTrigger, PrismaClient } from "@pier/db";
import { ROUTES_CHANGED_CHANNEL } from "@pier/shared";
import type { Redis } from "ioredis";

export interface SwitchRequest {
  appId: string;
  toDeploymentId: string;
  cause: DeploymentTrigger;
}

export interface SwitchResult {
  version: number;
  fromDeploymentId: string | null;
}

/**
 * Points the app's production at a deployment and records the release (v1, v2, …) in one
 * transaction, then tells the routers. The app row is locked so release numbers never collide.
 */
export async function switchProduction(prisma: PrismaClient, redis: Redis, request: SwitchRequest): Promise<SwitchResult> {
  const result = await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "App" WHERE "id" = ${request.appId} FOR UPDATE`;
    const app = await tx.app.findUniqueOrThrow({ where: { id: request.appId } });
    const last = await tx.release.findFirst({ where: { appId: request.appId }, orderBy: { version: "desc" } });
    const version = (last?.version ?? 0) + 1;
    await tx.release.create({
      data: {
        appId: request.appId,
        version,
        cause: request.cause,
        fromDeploymentId: app.productionDeploymentId,
        toDeploymentId: request.toDeploymentId,
      },
    });
    await tx.app.update({ where: { id: request.appId }, data: { productionDeploymentId: request.toDeploymentId } });
    return { version, fromDeploymentId: app.productionDeploymentId };
  });
  await redis.publish(ROUTES_CHANGED_CHANNEL, request.appId);
  return result;
}
