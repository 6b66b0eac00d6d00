import type { RouteEntries } from "../route-entries.ts";

/**
 * The route table as HAProxy map entries, keyed by the full host name:
 *   `<host>`     → how many replicas serve it (0: the app exists but nothing runs)
 *   `<host>/<i>` → the 127.0.0.1 port of replica i
 * The frontend counts requests per host and picks replica `count mod n`: round-robin, per host.
 */
export function routeMapEntries(entries: RouteEntries, domain: string): Array<[key: string, value: string]> {
  const pairs: Array<[string, string]> = [];
  for (const [label, ports] of entries) {
    const host = `${label}.${domain}`.toLowerCase();
    const replicas = ports ?? [];
    pairs.push([host, String(replicas.length)]);
    replicas.forEach((port, index) => pairs.push([`${host}/${index}`, String(port)]));
  }
  return pairs;
}
