import type { PrismaClient } from "@pier/db";
import {
  addBuckets,
  addStatusCounts,
  LATENCY_BUCKET_COUNT,
  METRIC_SAMPLE_MS,
  percentileMs,
  zeroStatusCounts,
  type StatusCounts,
} from "@pier/shared";
import type { Haproxy } from "../haproxy/haproxy.ts";
import type { RouterLogger } from "../logger.ts";
import type { EndpointOwners } from "../route-entries.ts";
import { counterDelta, parseBackendStats } from "./backend-stats.ts";
import type { LatencyLog } from "./latency-log.ts";

export interface MetricsCollector {
  /** Who owns each routed port now (from the route table just applied). */
  setOwners(owners: EndpointOwners): void;
  /** Reads the counters now and writes a sample per app and deployment that had traffic. */
  collect(): Promise<number>;
  close(): Promise<void>;
}

interface Pending extends StatusCounts {
  buckets: number[];
}

/**
 * Every METRIC_SAMPLE_MS: HAProxy's per-backend counters (exact request and status counts) and the
 * latency log (per-request times, possibly sampled) become one `MetricSample` per app and deployment,
 * written by this router (several routers each write theirs; readers sum them).
 */
export function startMetricsCollector(
  prisma: PrismaClient,
  haproxy: Haproxy,
  latencyLog: LatencyLog,
  logger: RouterLogger,
  options: { intervalMs?: number } = {},
): MetricsCollector {
  const intervalMs = options.intervalMs ?? METRIC_SAMPLE_MS;
  let owners: EndpointOwners = new Map();
  let previous = new Map<number, StatusCounts>();
  let last = Date.now();
  let collecting: Promise<number> | null = null;

  const collectOnce = async (): Promise<number> => {
    const now = Date.now();
    const stats = parseBackendStats(await haproxy.query("show stat -1 2 -1"));
    const latencies = latencyLog.take();
    const slotEndpoints = haproxy.slots.endpointsBySlot();
    // Slots released since the last reading were counted just now (for their last owner): they may go back in use.
    await haproxy.recycleSlots();
    const perOwner = new Map<string, { appId: string; deploymentId: string; totals: Pending }>();
    for (const [slot, counters] of stats) {
      const delta = counterDelta(counters, previous.get(slot));
      const buckets = latencies.get(slot);
      if (delta.requests === 0 && !buckets) continue;
      const owner = (slotEndpoints.get(slot) ?? []).map((e) => owners.get(e)).find(Boolean) ?? lastOwnerOf.get(slot);
      if (!owner) continue;
      const key = `${owner.appId}/${owner.deploymentId}`;
      const entry = perOwner.get(key) ?? {
        ...owner,
        totals: { ...zeroStatusCounts(), buckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0) },
      };
      addStatusCounts(entry.totals, delta);
      if (buckets) addBuckets(entry.totals.buckets, buckets);
      perOwner.set(key, entry);
    }
    previous = stats;
    for (const [slot, endpoints] of slotEndpoints) {
      const owner = endpoints.map((e) => owners.get(e)).find(Boolean);
      if (owner) lastOwnerOf.set(slot, owner);
    }
    const intervalMsSeen = now - last;
    last = now;
    const rows = [...perOwner.values()].map(({ appId, deploymentId, totals }) => ({
      appId,
      deploymentId,
      at: new Date(now),
      intervalMs: intervalMsSeen,
      source: "router",
      ...statusCountsOf(totals),
      latencyBuckets: totals.buckets,
      p50Ms: percentileMs(totals.buckets, 0.5),
      p95Ms: percentileMs(totals.buckets, 0.95),
      p99Ms: percentileMs(totals.buckets, 0.99),
    }));
    // Apps deleted meanwhile have no row to attach to: keep the others.
    const known = new Set(
      (await prisma.app.findMany({ where: { id: { in: rows.map((r) => r.appId) } }, select: { id: true } })).map(
        (a) => a.id,
      ),
    );
    const kept = rows.filter((r) => known.has(r.appId));
    if (kept.length) await prisma.metricSample.createMany({ data: kept });
    return kept.length;
  };
  const lastOwnerOf = new Map<number, { appId: string; deploymentId: string }>();

  const collect = (): Promise<number> => {
    collecting ??= collectOnce().finally(() => (collecting = null));
    return collecting;
  };
  const timer = setInterval(
    () => void collect().catch((error) => logger.error({ err: error }, "metrics collection failed")),
    intervalMs,
  );
  timer.unref();

  return {
    setOwners(next) {
      owners = next;
    },
    collect,
    async close() {
      clearInterval(timer);
      await collecting?.catch(() => undefined /* logged by the timer's catch */);
    },
  };
}

/** Just the status counts of a running total (the row takes no other fields of it). */
function statusCountsOf(totals: Pending): StatusCounts {
  const { buckets: _buckets, ...counts } = totals;
  return counts;
}
