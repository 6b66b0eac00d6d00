import { isActivator, type Backend, type Route, type RouteTable } from "@pier/routing";

/** Routed to the activator: the app is scaled to zero (or waking), and a request starts it. */
export const ACTIVATOR = "activator";
/** Routed to Pier's API and dashboard (PIER_API_DOMAIN). */
export const API_BACKEND = "api";

/** A redirect to another domain: the URL prefix (scheme, host, port) the request's path is appended to. */
export interface RedirectEntry {
  redirect: string;
  status: 301 | 308;
}

/** One version (deployment) of a split host: its id (the value of the client's cookie) and its replicas. */
export interface SplitVersion {
  id: string;
  endpoints: string[];
}

/**
 * A host split between two versions (a rollout): `share` % of new clients (1–99) get `versions[0]`, the others
 * `versions[1]`, and a cookie keeps each client on the version it got.
 */
export interface SplitEntry {
  share: number;
  versions: [SplitVersion, SplitVersion];
}

/**
 * What HAProxy does with one host: send it to upstream endpoints ("address:port", one per replica), split it
 * between two versions' endpoints, send it to the activator (an app that scales to zero has none serving), to the
 * API, redirect it, or answer 503 (null: the app exists but nothing serves it).
 */
export type RouteEntry = string[] | SplitEntry | typeof ACTIVATOR | typeof API_BACKEND | RedirectEntry | null;

export const isSplit = (entry: RouteEntry): entry is SplitEntry =>
  entry !== null && typeof entry === "object" && "versions" in entry;

/** host → what serves it. */
export type RouteEntries = Map<string, RouteEntry>;

/** What HTTPS does for a host with a certificate: `redirect` (plain HTTP → HTTPS), `hsts`, or both. */
export type HttpsFlags = "redirect" | "hsts" | "redirect+hsts";

/** Whose a routed endpoint is: metrics are attributed to the app and deployment behind each backend. */
export type EndpointOwners = Map<string, { appId: string; deploymentId: string }>;

/** "10.213.0.2:3000" → its address and port (HAProxy's `set server … addr … port …`, the activator). */
export function splitEndpoint(endpoint: string): { address: string; port: number } {
  const colon = endpoint.lastIndexOf(":");
  return { address: endpoint.slice(0, colon), port: Number(endpoint.slice(colon + 1)) };
}

/** The route table as the router's parts use it: HAProxy's maps, metrics' owners, the activator's apps. */
export interface RouterView {
  entries: RouteEntries;
  /** host → its HTTPS flags (hosts without any are absent). */
  https: Map<string, HttpsFlags>;
  owners: EndpointOwners;
  /** host → app id, for every host routed to the activator (it wakes that app). */
  wakeable: Map<string, string>;
}

/** The ports the router answers on, for the URLs of redirects (a standard port is left out). */
export interface RouterPorts {
  http: number;
  https: number | null;
}

/** The router never decides a route: it reads @pier/routing's table and lays it out for HAProxy. */
export function routerView(table: RouteTable, ports: RouterPorts): RouterView {
  const view: RouterView = { entries: new Map(), https: new Map(), owners: new Map(), wakeable: new Map() };
  for (const [host, route] of table) {
    view.entries.set(host, routeEntry(route, ports));
    const flags = httpsFlags(route);
    if (flags) view.https.set(host, flags);
    if (isActivator(route)) view.wakeable.set(host, route.appId);
    if (route.kind !== "backends") continue;
    for (const b of route.backends) view.owners.set(b.endpoint, { appId: b.appId, deploymentId: b.deploymentId });
  }
  return view;
}

function routeEntry(route: Route, ports: RouterPorts): RouteEntry {
  switch (route.kind) {
    case "activator":
      return ACTIVATOR;
    case "api":
      return API_BACKEND;
    case "redirect":
      return { redirect: originOf(route.to, route.toHttps && ports.https !== null, ports), status: route.status };
    case "backends":
      return backendsEntry(route.backends);
  }
}

/**
 * A host's backends: one deployment's endpoints, or, when they belong to two (a rollout), a split giving each its
 * share of the weights (the first deployment's share in %, 1–99).
 */
function backendsEntry(backends: Backend[]): RouteEntry {
  if (backends.length === 0) return null;
  const byVersion = new Map<string, { endpoints: string[]; weight: number }>();
  for (const b of backends) {
    const version = byVersion.get(b.deploymentId) ?? { endpoints: [], weight: 0 };
    version.endpoints.push(b.endpoint);
    version.weight += b.weight;
    byVersion.set(b.deploymentId, version);
  }
  const [first, second] = [...byVersion];
  if (!second) return first![1].endpoints;
  const total = first![1].weight + second[1].weight;
  const share = Math.min(99, Math.max(1, Math.round((100 * first![1].weight) / total)));
  return {
    share,
    versions: [
      { id: first![0], endpoints: first![1].endpoints },
      { id: second[0], endpoints: second[1].endpoints },
    ],
  };
}

function httpsFlags(route: Route): HttpsFlags | null {
  const { redirect, hsts } = route.https;
  return redirect && hsts ? "redirect+hsts" : redirect ? "redirect" : hsts ? "hsts" : null;
}

/** `https://shop.example.com` (port 443), `http://shop.example.com:8080`. */
export function originOf(host: string, https: boolean, ports: RouterPorts): string {
  const port = https ? ports.https : ports.http;
  const standard = https ? 443 : 80;
  return `${https ? "https" : "http"}://${host}${port === standard || port === null ? "" : `:${port}`}`;
}
