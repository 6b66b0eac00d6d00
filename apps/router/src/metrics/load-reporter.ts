import { appLoadKey, LOAD_KEY_TTL_SECONDS, LOAD_RECORDS_KEPT, type LoadRecord } from "@pier/shared";
import type { Redis } from "ioredis";
import type { Activator } from "../activator/activator.ts";
import type { Haproxy } from "../haproxy/haproxy.ts";
import type { RouterLogger } from "../logger.ts";
import type { EndpointOwners } from "../route-entries.ts";
import { slotName } from "../haproxy/backend-slots.ts";
import { parseBackendLoad } from "./backend-stats.ts";

/** In-flight requests are read this often and averaged over each second. */
const SAMPLE_MS = 250;
const SAMPLES_PER_RECORD = 4;
/** Up to this many slots in use, each is asked for by name; above, every backend in one answer. */
const SLOTS_ASKED_BY_NAME = 64;

export interface LoadReporter {
  setOwners(owners: EndpointOwners): void;
  close(): void;
}

/**
 * The autoscaler's signal: every second, for each app with traffic, the mean requests in flight through
 * this router (HAProxy's current sessions per backend, read 4× a second, plus requests the activator
 * holds) and the requests that arrived, appended to the app's load list in Redis (LoadRecord).
 */
export function startLoadReporter(
  haproxy: Haproxy,
  activator: Activator,
  redis: Redis,
  logger: RouterLogger,
): LoadReporter {
  let owners: EndpointOwners = new Map();
  let previousTotals = new Map<number, number>();
  let inflightSums = new Map<string, number>();
  let requests = new Map<string, number>();
  let samples = 0;
  let busy = false;
  // No app had requests in flight or arriving in the last record: HAProxy is read once a second, not four
  // times (the idle router's main cost with many apps). Requests are counted from HAProxy's totals, so none
  // is missed; only the first second of new traffic has its in-flight mean from one read instead of four.
  let idle = false;
  const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);

  const sample = async () => {
    const lastOfRecord = samples + 1 === SAMPLES_PER_RECORD;
    if (idle && !lastOfRecord && activator.heldByApp().size === 0) {
      samples++;
      return;
    }
    const appOfSlot = new Map<number, string>();
    for (const [slot, endpoints] of haproxy.slots.endpointsBySlot()) {
      const appId = endpoints.map((e) => owners.get(e)?.appId).find(Boolean);
      if (appId) appOfSlot.set(slot, appId);
    }
    // Only the slots of an app are read; with none (nothing routed), HAProxy is not asked at all.
    const load = appOfSlot.size
      ? parseBackendLoad(await haproxy.query(loadQuery(appOfSlot.keys())), appOfSlot.keys())
      : null;
    const totals = new Map<number, number>();
    for (const [slot, appId] of appOfSlot) {
      const counters = load?.get(slot);
      if (!counters) continue;
      totals.set(slot, counters.requests);
      const before = previousTotals.get(slot);
      // A slot seen for the first time (or reused, or HAProxy restarted) starts counting from here.
      if (before !== undefined && counters.requests >= before) add(requests, appId, counters.requests - before);
      add(inflightSums, appId, counters.inflight);
    }
    previousTotals = totals;
    for (const [appId, n] of activator.heldByApp()) add(inflightSums, appId, n);
    for (const [appId, n] of activator.takeArrivals()) add(requests, appId, n);
    if (++samples < SAMPLES_PER_RECORD) return;
    const at = Date.now();
    const records = new Map<string, LoadRecord>();
    for (const appId of new Set([...inflightSums.keys(), ...requests.keys()])) {
      const record = { at, inflight: (inflightSums.get(appId) ?? 0) / samples, requests: requests.get(appId) ?? 0 };
      if (record.inflight > 0 || record.requests > 0) records.set(appId, record);
    }
    inflightSums = new Map();
    requests = new Map();
    samples = 0;
    idle = records.size === 0;
    if (idle) return;
    const batch = redis.multi();
    for (const [appId, record] of records) {
      const key = appLoadKey(appId);
      batch.rpush(key, JSON.stringify(record)).ltrim(key, -LOAD_RECORDS_KEPT, -1).expire(key, LOAD_KEY_TTL_SECONDS);
    }
    await batch.exec();
  };
  const timer = setInterval(() => {
    if (busy) return; // a slow admin socket or Redis skips a sample rather than piling them up
    busy = true;
    sample()
      .catch((error) => logger.error({ err: error }, "load sampling failed"))
      .finally(() => (busy = false));
  }, SAMPLE_MS);
  timer.unref();
  return {
    setOwners(next) {
      owners = next;
    },
    close: () => clearInterval(timer),
  };
}

/**
 * The `show stat` of the slots in use, one backend row each (commands joined by `;`, answers one after the other,
 * each under its own header): HAProxy writes a few rows four times a second rather than every slot's.
 */
function loadQuery(slots: Iterable<number>): string {
  const names = Array.from(slots, slotName);
  if (names.length > SLOTS_ASKED_BY_NAME) return "show stat -1 2 -1";
  return names.map((name) => `show stat ${name} 2 -1`).join("; ");
}
