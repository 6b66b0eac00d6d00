import { STATUS_COUNT_KEYS, type StatusCounts } from "@pier/shared";

/** `show stat` CSV as rows of named fields. */
function statRows(csv: string): Array<Record<string, string>> {
  const lines = csv.split("\n").filter((l) => l.trim());
  const header = (lines.shift() ?? "").replace(/^# /, "").split(",");
  return lines.map((line) => {
    const fields = line.split(",");
    return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? ""]));
  });
}

/** `show stat` CSV → the cumulative HTTP counters of each backend slot `d<i>` (its BACKEND row), by slot. */
export function parseBackendStats(csv: string): Map<number, StatusCounts> {
  const result = new Map<number, StatusCounts>();
  for (const row of statRows(csv)) {
    const slot = /^d(\d+)$/.exec(row.pxname ?? "")?.[1];
    if (slot === undefined || row.svname !== "BACKEND") continue;
    const n = (name: string | undefined) => Number(row[name ?? ""] || 0);
    result.set(Number(slot), {
      requests: n("req_tot"),
      status1xx: n("hrsp_1xx"),
      status2xx: n("hrsp_2xx"),
      status3xx: n("hrsp_3xx"),
      status4xx: n("hrsp_4xx"),
      status5xx: n("hrsp_5xx"),
    });
  }
  return result;
}

/** The counts between two readings (a counter that went down means HAProxy restarted: count from zero). */
export function counterDelta(now: StatusCounts, before: StatusCounts | undefined): StatusCounts {
  const delta = { ...now };
  for (const key of STATUS_COUNT_KEYS)
    delta[key] = before && now[key] >= before[key] ? now[key] - before[key] : now[key];
  return delta;
}

/** Requests the router's frontend took so far (`show stat -1 1 -1`), for the current request rate. */
export function frontendRequests(csv: string): number {
  const row = statRows(csv).find((r) => r.pxname === "pier" && r.svname === "FRONTEND");
  return Number(row?.req_tot || 0);
}

/** `show stat` CSV → each backend slot's requests in flight (current sessions plus queued) and its request total. */
export function parseBackendLoad(csv: string): Map<number, { inflight: number; requests: number }> {
  const result = new Map<number, { inflight: number; requests: number }>();
  for (const row of statRows(csv)) {
    const slot = /^d(\d+)$/.exec(row.pxname ?? "")?.[1];
    if (slot === undefined || row.svname !== "BACKEND") continue;
    result.set(Number(slot), {
      inflight: Number(row.scur || 0) + Number(row.qcur || 0),
      requests: Number(row.req_tot || 0),
    });
  }
  return result;
}
