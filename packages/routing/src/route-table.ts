import type { PrismaClient } from "@pier/db";
import type { ContainerInfo, ContainerRuntime } from "@pier/runtime";
import { LABELS, replicaIndexOf, servesReplica, storedAutoscalePolicy } from "@pier/shared";
import { servedPreviews } from "./previews.ts";

/**
 * One upstream of a route: a replica's endpoint ("address:port" on the app network: it keeps answering while
 * the engine restarts), whose it is, and its share of the traffic.
 */
export interface Backend {
  endpoint: string;
  appId: string;
  deploymentId: string;
  /** Relative share of the host's traffic (1 for each replica today; weighted rollouts set others). */
  weight: number;
}

/**
 * What serves one host: its backends (none: the app exists but nothing serves it, a 503), or the
 * activator, when an app that scales to zero has no replica serving (a request wakes it).
 */
export type Route = { appId: string; backends: Backend[] } | { appId: string; activator: true };

/**
 * Host label (the part before Pier's domain) → what serves it. `<app>` → its production deployment;
 * `<app>-<shortId>` → each deployment that runs; `<app>-git-<branch>` → the branch's served preview.
 * Custom domains and weighted rollouts add entries and weights here, and nowhere else.
 */
export type RouteTable = Map<string, Route>;

export const isActivator = (route: Route | undefined): route is { appId: string; activator: true } =>
  route !== undefined && "activator" in route;

/** What the route table is built from: each app's routing facts, read in one query. */
export interface RoutedApp {
  id: string;
  name: string;
  productionDeploymentId: string | null;
  replicas: number;
  autoscale: unknown;
  replicaStates: Array<{ deploymentId: string; index: number; containerId: string | null }>;
  deployments: Array<{
    id: string;
    shortId: string;
    previewSlug: string | null;
    previewLiveAt: Date | null;
    createdAt: Date;
  }>;
}

/**
 * The route table now, from the database (which deployment is each app's production, which previews
 * went live) and the engine (which replicas run, at which address: a replaced container has a new one).
 * The router serves it; the worker, the controller and retention ask it.
 */
export async function loadRouteTable(prisma: PrismaClient, runtime: ContainerRuntime): Promise<RouteTable> {
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
  return buildRouteTable(apps, containers);
}

/**
 * The route table from its facts (pure). A replica is routed only when the controller's record (if
 * any) names that very container, so a replacement joins once healthy; production replicas above the
 * app's desired count are left out (they are draining).
 */
export function buildRouteTable(apps: RoutedApp[], containers: ContainerInfo[]): RouteTable {
  const backends = servingBackends(apps, containers);
  const table: RouteTable = new Map();
  for (const app of apps) {
    const production = (app.productionDeploymentId && backends.get(app.productionDeploymentId)) || [];
    const wakeable = production.length === 0 && storedAutoscalePolicy(app.autoscale)?.min === 0;
    if (app.productionDeploymentId && wakeable) table.set(app.name, { appId: app.id, activator: true });
    else table.set(app.name, { appId: app.id, backends: production });
    for (const deployment of app.deployments) {
      const serving = backends.get(deployment.id);
      if (serving) table.set(`${app.name}-${deployment.shortId}`, { appId: app.id, backends: serving });
    }
    for (const [slug, deploymentId] of servedPreviews(app.deployments, (id) => backends.has(id))) {
      table.set(`${app.name}-git-${slug}`, { appId: app.id, backends: backends.get(deploymentId) ?? [] });
    }
  }
  return table;
}

/** Deployment id → the backends of its replicas that serve now. */
function servingBackends(apps: RoutedApp[], containers: ContainerInfo[]): Map<string, Backend[]> {
  const recorded = new Map<string, string | null>();
  const desiredOfProduction = new Map<string, number>();
  for (const app of apps) {
    for (const state of app.replicaStates) recorded.set(`${state.deploymentId}/${state.index}`, state.containerId);
    if (app.productionDeploymentId) desiredOfProduction.set(app.productionDeploymentId, app.replicas);
  }
  const byDeployment = new Map<string, Backend[]>();
  for (const container of containers) {
    const deploymentId = container.labels[LABELS.deployment];
    const appId = container.labels[LABELS.appId];
    if (!deploymentId || !appId || !container.endpoint) continue;
    const index = replicaIndexOf(container.labels);
    const record = recorded.get(`${deploymentId}/${index}`);
    if (!servesReplica(container, record, index, desiredOfProduction.get(deploymentId))) continue;
    const backend = { endpoint: container.endpoint, appId, deploymentId, weight: 1 };
    byDeployment.set(deploymentId, [...(byDeployment.get(deploymentId) ?? []), backend]);
  }
  return byDeployment;
}
