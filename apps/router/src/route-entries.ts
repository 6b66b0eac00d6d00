import { isActivator, type RouteTable } from "@pier/routing";

/** Routed to the activator: the app is scaled to zero (or waking), and a request starts it. */
export const ACTIVATOR = "activator";

/**
 * label → upstream ports on 127.0.0.1 (one per replica), ACTIVATOR when an app that scales to zero has
 * none serving, or null when the app exists but nothing serves it (503).
 */
export type RouteEntries = Map<string, number[] | typeof ACTIVATOR | null>;

/** Whose a routed port is: metrics are attributed to the app and deployment behind each backend. */
export type PortOwners = Map<number, { appId: string; deploymentId: string }>;

/** The route table as the router's parts use it: HAProxy's map, metrics' owners, the activator's apps. */
export interface RouterView {
  entries: RouteEntries;
  owners: PortOwners;
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
    view.entries.set(label, route.backends.length ? route.backends.map((b) => b.port) : null);
    for (const b of route.backends) view.owners.set(b.port, { appId: b.appId, deploymentId: b.deploymentId });
  }
  return view;
}
