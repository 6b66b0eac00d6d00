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
  /**
   * Relative share of the host's new clients: 1 for each replica, except on a host a rollout splits, where the
   * backends of each deployment add up to its share in % (production 100 − weight, the candidate weight).
   */
  weight: number;
}

/** What HTTPS does for a host: only for hosts with a certificate (an issued one, or an operator's covering it). */
export interface HttpsPolicy {
  /** Plain HTTP answers a redirect to HTTPS (308). */
  redirect: boolean;
  /** HTTPS answers carry Strict-Transport-Security. */
  hsts: boolean;
}

/**
 * What serves one host: a deployment's backends (none: the app exists but nothing serves it, a 503); the
 * activator, when an app that scales to zero has no replica serving (a request wakes it); a redirect to another
 * of the app's domains (keeping the path); or Pier's own API and dashboard (PIER_API_DOMAIN).
 */
export type Route = (
  | { kind: "backends"; appId: string; backends: Backend[] }
  | { kind: "activator"; appId: string }
  | { kind: "redirect"; appId: string; to: string; status: 301 | 308; toHttps: boolean }
  | { kind: "api" }
) & { https: HttpsPolicy };

/**
 * Host (lowercase, no port) → what serves it. `<app>.<domain>` → its production deployment;
 * `<app>-<shortId>.<domain>` → each deployment that runs; `<app>-git-<branch>.<domain>` → the branch's served
 * preview; each custom domain of an app → its production (or a redirect); `*.example.com` → a wildcard domain.
 * Weighted rollouts change weights here, and nowhere else.
 */
export type RouteTable = Map<string, Route>;

export const isActivator = (route: Route | undefined): route is Route & { kind: "activator" } =>
  route?.kind === "activator";

/** What the route table is built from: each app's routing facts, read in one query. */
export interface RoutedApp {
  id: string;
  name: string;
  productionDeploymentId: string | null;
  replicas: number;
  autoscale: unknown;
  httpsRedirect: boolean;
  hsts: boolean;
  replicaStates: Array<{ deploymentId: string; index: number; containerId: string | null }>;
  deployments: Array<{
    id: string;
    shortId: string;
    previewSlug: string | null;
    previewLiveAt: Date | null;
    createdAt: Date;
  }>;
  domains: Array<{ name: string; redirectTo: string | null; redirectStatus: number }>;
  /** Its rollout in progress (RUNNING or PAUSED; an app has at most one): the candidate and its share in %. */
  rollouts?: Array<{ candidateDeploymentId: string; weight: number }>;
}

export interface RouteTableOptions {
  /** PIER_DOMAIN: Pier's own hosts are `<label>.<domain>`. */
  domain: string;
  /** PIER_API_DOMAIN: served by the API and dashboard. */
  apiDomain?: string;
  /** Whether the router holds a certificate valid for a host (HTTPS policy applies only then). */
  hasCertificate?: (host: string) => boolean;
}

/**
 * The route table now, from the database (which deployment is each app's production, which previews
 * went live, its domains) and the engine (which replicas run, at which address: a replaced container has a
 * new one). The router serves it; the worker, the controller and retention ask it.
 */
export async function loadRouteTable(
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  options: RouteTableOptions,
): Promise<RouteTable> {
  const [apps, containers] = await Promise.all([
    prisma.app.findMany({
      select: {
        id: true,
        name: true,
        productionDeploymentId: true,
        replicas: true,
        autoscale: true,
        httpsRedirect: true,
        hsts: true,
        replicaStates: { select: { deploymentId: true, index: true, containerId: true } },
        deployments: { select: { id: true, shortId: true, previewSlug: true, previewLiveAt: true, createdAt: true } },
        domains: { select: { name: true, redirectTo: true, redirectStatus: true } },
        rollouts: {
          where: { state: { in: ["RUNNING", "PAUSED"] } },
          select: { candidateDeploymentId: true, weight: true },
          take: 1,
        },
      },
    }),
    runtime.listContainers({ [LABELS.managed]: "true" }),
  ]);
  return buildRouteTable(apps, containers, options);
}

/**
 * The route table from its facts (pure). A replica is routed only when the controller's record (if
 * any) names that very container, so a replacement joins once healthy; production replicas above the
 * app's desired count are left out (they are draining).
 */
export function buildRouteTable(
  apps: RoutedApp[],
  containers: ContainerInfo[],
  options: RouteTableOptions,
): RouteTable {
  const backends = servingBackends(apps, containers);
  const table: RouteTable = new Map();
  const hasCertificate = options.hasCertificate ?? (() => false);
  const httpsOf = (host: string, app?: RoutedApp): HttpsPolicy => {
    const covered = hasCertificate(host);
    return { redirect: covered && (app?.httpsRedirect ?? true), hsts: covered && (app?.hsts ?? false) };
  };
  const host = (label: string) => `${label}.${options.domain}`.toLowerCase();
  for (const app of apps) {
    const production = productionBackends(app, backends);
    const wakeable = production.length === 0 && storedAutoscalePolicy(app.autoscale)?.min === 0;
    const productionRoute =
      app.productionDeploymentId && wakeable
        ? ({ kind: "activator", appId: app.id } as const)
        : ({ kind: "backends", appId: app.id, backends: production } as const);
    table.set(host(app.name), { ...productionRoute, https: httpsOf(host(app.name), app) });
    for (const deployment of app.deployments) {
      const serving = backends.get(deployment.id);
      const name = host(`${app.name}-${deployment.shortId}`);
      if (serving) table.set(name, { kind: "backends", appId: app.id, backends: serving, https: httpsOf(name, app) });
    }
    for (const [slug, deploymentId] of servedPreviews(app.deployments, (id) => backends.has(id))) {
      const name = host(`${app.name}-git-${slug}`);
      const serving = backends.get(deploymentId) ?? [];
      table.set(name, { kind: "backends", appId: app.id, backends: serving, https: httpsOf(name, app) });
    }
    for (const domain of app.domains) {
      const https = httpsOf(domain.name, app);
      if (domain.redirectTo === null) table.set(domain.name, { ...productionRoute, https });
      else {
        const status = domain.redirectStatus === 301 ? 301 : 308;
        const toHttps = hasCertificate(domain.redirectTo);
        table.set(domain.name, { kind: "redirect", appId: app.id, to: domain.redirectTo, status, toHttps, https });
      }
    }
  }
  if (options.apiDomain) table.set(options.apiDomain, { kind: "api", https: httpsOf(options.apiDomain) });
  return table;
}

/**
 * What serves an app's production hosts: its production deployment's replicas, or, during a rollout, those and the
 * candidate's, weighted to give the candidate `weight` % of new clients (0: production only; 100: the candidate
 * only). A rollout whose candidate (or production) has nothing serving leaves the other one serving alone.
 */
function productionBackends(app: RoutedApp, backends: Map<string, Backend[]>): Backend[] {
  const production = (app.productionDeploymentId && backends.get(app.productionDeploymentId)) || [];
  const rollout = app.rollouts?.[0];
  const candidate = rollout ? (backends.get(rollout.candidateDeploymentId) ?? []) : [];
  if (!rollout || candidate.length === 0 || rollout.weight <= 0) return production;
  if (rollout.weight >= 100 || production.length === 0) return candidate;
  const weighted = (set: Backend[], share: number) => set.map((b) => ({ ...b, weight: share / set.length }));
  return [...weighted(candidate, rollout.weight), ...weighted(production, 100 - rollout.weight)];
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
