/** label → upstream ports on 127.0.0.1 (one per replica), or null when the app exists but nothing serves it. */
export type RouteEntries = Map<string, number[] | null>;
