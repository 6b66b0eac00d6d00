import type { PrismaClient } from "@pier/db";
import type { RouteEntries } from "./route-table.ts";

/**
 * Reads every routable label from the database: `<app>` → its production deployment,
 * `<app>-<shortId>` → each deployment whose container runs (hostPort set).
 */
export async function loadRouteEntries(prisma: PrismaClient): Promise<RouteEntries> {
  const apps = await prisma.app.findMany({
    select: {
      name: true,
      productionDeploymentId: true,
      deployments: { where: { hostPort: { not: null } }, select: { id: true, shortId: true, hostPort: true } },
    },
  });
  const entries: RouteEntries = new Map();
  for (const app of apps) {
    const production = app.deployments.find((d) => d.id === app.productionDeploymentId);
    entries.set(app.name, production?.hostPort ?? null);
    for (const deployment of app.deployments) entries.set(`${app.name}-${deployment.shortId}`, deployment.hostPort);
  }
  return entries;
}
