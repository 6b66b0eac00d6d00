/** A backend's cumulative HTTP counters, as HAProxy's `show stat` reports them. */
export interface BackendCounters {
  requests: number;
  status1xx: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
}

/** `show stat` CSV → counters of the backend rows (`svname` BACKEND) of slots `d<i>`, by slot. */
export function parseBackendStats(csv: string): Map<number, BackendCounters> {
  const lines = csv.split("\n").filter((l) => l.trim());
  const header = (lines.shift() ?? "").replace(/^# /, "").split(",");
  const col = (name: string) => header.indexOf(name);
  const [px, sv, req, h1, h2, h3, h4, h5] = ["pxname", "svname", "req_tot", "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx"].map(col);
  const result = new Map<number, BackendCounters>();
  for (const line of lines) {
    const fields = line.split(",");
    const slot = /^d(\d+)$/.exec(fields[px!] ?? "")?.[1];
    if (slot === undefined || fields[sv!] !== "BACKEND") continue;
    const n = (i: number | undefined) => Number(fields[i!] || 0);
    result.set(Number(slot), { requests: n(req), status1xx: n(h1), status2xx: n(h2), status3xx: n(h3), status4xx: n(h4), status5xx: n(h5) });
  }
  return result;
}

/** The counts between two readings (a counter that went down means HAProxy restarted: count from zero). */
export function counterDelta(now: BackendCounters, before: BackendCounters | undefined): BackendCounters {
  const d = (k: keyof BackendCounters) => (before && now[k] >= before[k] ? now[k] - before[k] : now[k]);
  return { requests: d("requests"), status1xx: d("status1xx"), status2xx: d("status2xx"), status3xx: d("status3xx"), status4xx: d("status4xx"), status5xx: d("status5xx") };
}

/** Requests the router's frontend took so far (`show stat -1 1 -1`), for the current request rate. */
export function frontendRequests(csv: string): number {
  const lines = csv.split("\n").filter((l) => l.trim());
  const header = (lines.shift() ?? "").replace(/^# /, "").split(",");
  const [px, sv, req] = ["pxname", "svname", "req_tot"].map((name) => header.indexOf(name));
  const row = lines.map((l) => l.split(",")).find((f) => f[px!] === "pier" && f[sv!] === "FRONTEND");
  return Number(row?.[req!] || 0);
}
