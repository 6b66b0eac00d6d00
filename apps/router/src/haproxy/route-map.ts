import type { RouteEntries } from "../route-entries.ts";

/**
 * The route table as HAProxy map entries, keyed by the full host name:
 *   `<host>`     → `1:<port>` for one replica (one lookup serves the request), else the replica count
 *                  n (0: the app exists but nothing runs)
 *   `<host>/<i>` → the 127.0.0.1 port of replica i, when n > 1
 * For n > 1 the frontend counts requests per host and picks replica `count mod n`: round-robin.
 */
export function routeMapEntries(entries: RouteEntries, domain: string): Array<[key: string, value: string]> {
  const pairs: Array<[string, string]> = [];
  for (const [label, ports] of entries) {
    const host = `${label}.${domain}`.toLowerCase();
    const replicas = ports ?? [];
    if (replicas.length === 1) {
      pairs.push([host, `1:${replicas[0]}`]);
      continue;
    }
    pairs.push([host, String(replicas.length)]);
    replicas.forEach((port, index) => pairs.push([`${host}/${index}`, String(port)]));
  }
  return pairs;
}
