import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { LABELS, replicaIndexOf, servesReplica, storedAutoscalePolicy } from "@pier/shared";
import { ACTIVATOR, type PortOwners, type RouteEntries, type RouteTable } from "./route-entries.ts";

/**
 * Builds the routing entries from the database (which deployment is each app's production) and the
 * Docker engine (which deployments run, and on which host port right now: ports change when the engine
 * restarts a container). `<app>` → its production deployment; `<app>-<shortId>` → each running one;
 * `<app>-git-<branch>` → the newest ready preview of that branch.
 * A replica is routed only when the controller's record (if any) names that very container, so a
 * replacement joins once healthy; production replicas above the app's desired count are left out
 * (they are draining). An app that scales to zero (autoscale min 0) and has no replica serving goes
 * to the activator, which holds its requests and wakes it.
 */
export async function loadRouteEntries(prisma: PrismaClient, runtime: ContainerRuntime): Promise<RouteTable> {
  const [apps, containers] = await Promise.all([
    prisma.app.findMany({
      select: {
        id: true,
        name: true,
        productionDeploymentId: true,
        replicas: true,
        autoscale: true,
        replicaStates: { select: { deploymentId: true, index: true, containerId: true } },
        deployments: { select: { id: true, shortId: true, previewSlug: true, previewLiveAt: true, createdAt: true } },
      },
    }),
    runtime.listContainers({ [LABELS.managed]: "true" }),
  ]);
  const recorded = new Map<string, string | null>();
  const desiredOfProduction = new Map<string, number>();
  for (const app of apps) {
    for (const state of app.replicaStates) recorded.set(`${state.deploymentId}/${state.index}`, state.containerId);
    if (app.productionDeploymentId) desiredOfProduction.set(app.productionDeploymentId, app.replicas);
  }
  const portByDeployment = new Map<string, number[]>();
  const owners: PortOwners = new Map();
  for (const container of containers) {
    const deploymentId = container.labels[LABELS.deployment];
    if (!deploymentId || !container.hostPort) continue;
    const index = replicaIndexOf(container.labels);
    if (
      !servesReplica(container, recorded.get(`${deploymentId}/${index}`), index, desiredOfProduction.get(deploymentId))
    )
      continue;
    portByDeployment.set(deploymentId, [...(portByDeployment.get(deploymentId) ?? []), container.hostPort]);
    const appId = container.labels[LABELS.appId];
    if (appId) owners.set(container.hostPort, { appId, deploymentId });
  }
  const entries: RouteEntries = new Map();
  const wakeable = new Map<string, string>();
  const previewAge = new Map<string, number>();
  for (const app of apps) {
    const serving = (app.productionDeploymentId && portByDeployment.get(app.productionDeploymentId)) || null;
    if (!serving && app.productionDeploymentId && storedAutoscalePolicy(app.autoscale)?.min === 0) {
      entries.set(app.name, ACTIVATOR);
      wakeable.set(app.name, app.id);
    } else entries.set(app.name, serving);
    for (const deployment of app.deployments) {
      const port = portByDeployment.get(deployment.id);
      if (port) entries.set(`${app.name}-${deployment.shortId}`, port);
      // A branch's preview label goes to its newest healthy preview (handed over by the worker) that runs.
      const label = deployment.previewSlug ? `${app.name}-git-${deployment.previewSlug}` : null;
      const created = deployment.createdAt.getTime();
      if (label && port && deployment.previewLiveAt && created > (previewAge.get(label) ?? -1)) {
        entries.set(label, port);
        previewAge.set(label, created);
      }
    }
  }
  return { entries, owners, wakeable };
}
