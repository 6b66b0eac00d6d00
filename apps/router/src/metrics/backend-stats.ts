import { STATUS_COUNT_KEYS, type StatusCounts } from "@pier/shared";
import { slotName } from "../haproxy/backend-slots.ts";

/**
 * The rows of a `show stat` answer (CSV under a `# pxname,svname,…` header of ~100 columns) that `keep`
 * accepts by proxy and service name, with just the numbers of `columns` (a column HAProxy lacks, or an empty
 * field, reads 0). The header's indexes are found once per answer; a row is split only as far as the last
 * column read, and a row not kept is not split at all: the router reads these several times a second.
 */
function statRows<Column extends string>(
  csv: string,
  columns: readonly Column[],
  keep: (pxname: string, svname: string) => boolean,
): Array<{ pxname: string; values: Record<Column, number> }> {
  const rows: Array<{ pxname: string; values: Record<Column, number> }> = [];
  const headerEnd = csv.indexOf("\n");
  if (headerEnd < 0) return rows;
  const header = csv.slice(0, headerEnd).replace(/^# /, "").split(",");
  const indexes = columns.map((name) => header.indexOf(name));
  const fieldsRead = Math.max(...indexes) + 1;
  for (let start = headerEnd + 1, end = 0; start < csv.length; start = end + 1) {
    end = csv.indexOf("\n", start);
    if (end < 0) end = csv.length;
    const line = csv.slice(start, end);
    const first = line.indexOf(",");
    const second = line.indexOf(",", first + 1);
    if (first < 0 || second < 0 || !keep(line.slice(0, first), line.slice(first + 1, second))) continue;
    const fields = line.split(",", fieldsRead);
    const values = {} as Record<Column, number>;
    for (const [i, name] of columns.entries()) values[name] = Number(fields[indexes[i]!] || 0);
    rows.push({ pxname: line.slice(0, first), values });
  }
  return rows;
}

const STATUS_COLUMNS = ["req_tot", "hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx"] as const;
const LOAD_COLUMNS = ["scur", "qcur", "req_tot"] as const;
const slotOf = (pxname: string) => Number(pxname.slice(1));
const isSlot = (pxname: string) => /^d\d+$/.test(pxname);

/** `show stat` CSV → the cumulative HTTP counters of each backend slot `d<i>` (its BACKEND row), by slot. */
export function parseBackendStats(csv: string): Map<number, StatusCounts> {
  const result = new Map<number, StatusCounts>();
  for (const { pxname, values } of statRows(csv, STATUS_COLUMNS, (px, sv) => sv === "BACKEND" && isSlot(px)))
    result.set(slotOf(pxname), {
      requests: values.req_tot,
      status1xx: values.hrsp_1xx,
      status2xx: values.hrsp_2xx,
      status3xx: values.hrsp_3xx,
      status4xx: values.hrsp_4xx,
      status5xx: values.hrsp_5xx,
    });
  return result;
}

/** `show stat` CSV → the backend slots with a request still on them (a session, or one queued for a server). */
export function parseBusySlots(csv: string): Set<number> {
  const busy = new Set<number>();
  for (const { pxname, values } of statRows(csv, LOAD_COLUMNS, (px, sv) => sv === "BACKEND" && isSlot(px)))
    if (values.scur > 0 || values.qcur > 0) busy.add(slotOf(pxname));
  return busy;
}

/** The counts between two readings (a counter that went down means HAProxy restarted: count from zero). */
export function counterDelta(now: StatusCounts, before: StatusCounts | undefined): StatusCounts {
  const delta = { ...now };
  for (const key of STATUS_COUNT_KEYS)
    delta[key] = before && now[key] >= before[key] ? now[key] - before[key] : now[key];
  return delta;
}

/**
 * `show stat` CSV → requests in flight (current sessions plus queued) and the request total of each backend
 * slot in `slots` (`d<slot>`); the rows of other slots are skipped unread.
 */
export function parseBackendLoad(
  csv: string,
  slots: Iterable<number>,
): Map<number, { inflight: number; requests: number }> {
  const names = new Set(Array.from(slots, slotName));
  const result = new Map<number, { inflight: number; requests: number }>();
  for (const { pxname, values } of statRows(csv, LOAD_COLUMNS, (px, sv) => sv === "BACKEND" && names.has(px)))
    result.set(slotOf(pxname), { inflight: values.scur + values.qcur, requests: values.req_tot });
  return result;
}
