import { isActivator, type RouteTable } from "@pier/routing";

/** Routed to the activator: the app is scaled to zero (or waking), and a request starts it. */
export const ACTIVATOR = "activator";

/**
 * label → upstream endpoints ("address:port", one per replica), ACTIVATOR when an app that scales to zero
 * has none serving, or null when the app exists but nothing serves it (503).
 */
export type RouteEntries = Map<string, string[] | typeof ACTIVATOR | null>;

/** Whose a routed endpoint is: metrics are attributed to the app and deployment behind each backend. */
export type EndpointOwners = Map<string, { appId: string; deploymentId: string }>;

/** "10.213.0.2:3000" → its address and port (HAProxy's `set server … addr … port …`, the activator). */
export function splitEndpoint(endpoint: string): { address: string; port: number } {
  const colon = endpoint.lastIndexOf(":");
  return { address: endpoint.slice(0, colon), port: Number(endpoint.slice(colon + 1)) };
}

/** The route table as the router's parts use it: HAProxy's map, metrics' owners, the activator's apps. */
export interface RouterView {
  entries: RouteEntries;
  owners: EndpointOwners;
  /** label → app id, for every label routed to the activator (it wakes that app). */
  wakeable: Map<string, string>;
}

/** The router never decides a route: it reads @pier/routing's table and lays it out for HAProxy. */
export function routerView(table: RouteTable): RouterView {
  const view: RouterView = { entries: new Map(), owners: new Map(), wakeable: new Map() };
  for (const [label, route] of table) {
    if (isActivator(route)) {
      view.entries.set(label, ACTIVATOR);
      view.wakeable.set(label, route.appId);
      continue;
    }
    view.entries.set(label, route.backends.length ? route.backends.map((b) => b.endpoint) : null);
    for (const b of route.backends) view.owners.set(b.endpoint, { appId: b.appId, deploymentId: b.deploymentId });
  }
  return view;
}
