/** label → upstream ports on 127.0.0.1 (one per replica), or null when the app exists but nothing serves it. */
export type RouteEntries = Map<string, number[] | null>;

/** Whose a routed port is: metrics are attributed to the app and deployment behind each backend. */
export type PortOwners = Map<number, { appId: string; deploymentId: string }>;

export interface RouteTable {
  entries: RouteEntries;
  owners: PortOwners;
}
