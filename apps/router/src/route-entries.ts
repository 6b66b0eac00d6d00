/** Routed to the activator: the app is scaled to zero (or waking), and a request starts it. */
export const ACTIVATOR = "activator";

/**
 * label → upstream ports on 127.0.0.1 (one per replica), ACTIVATOR when an app that scales to zero has
 * none serving, or null when the app exists but nothing serves it (503).
 */
export type RouteEntries = Map<string, number[] | typeof ACTIVATOR | null>;

/** Whose a routed port is: metrics are attributed to the app and deployment behind each backend. */
export type PortOwners = Map<number, { appId: string; deploymentId: string }>;

export interface RouteTable {
  entries: RouteEntries;
  owners: PortOwners;
  /** label → app id, for every label routed to the activator (it wakes that app). */
  wakeable: Map<string, string>;
}
