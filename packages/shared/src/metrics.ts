/**
 * Latency is kept as counts per bucket (upper bounds in ms; the last bucket is everything slower), so the
 * percentiles of any window — 10 s or 7 days, one router or several — come from summed counts.
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 30_000,
] as const;
export const LATENCY_BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length + 1;

export function latencyBucket(ms: number): number {
  const index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BUCKET_BOUNDS_MS.length : index;
}

export function addBuckets(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
  return into;
}

/** The q-quantile (0 < q < 1) of bucketed latencies, interpolated inside its bucket; null without data. */
export function percentileMs(buckets: readonly number[], q: number): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < LATENCY_BUCKET_COUNT; i++) {
    const count = buckets[i] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const low = i === 0 ? 0 : LATENCY_BUCKET_BOUNDS_MS[i - 1]!;
      const high = LATENCY_BUCKET_BOUNDS_MS[i] ?? low * 2;
      return Math.round((low + ((rank - seen) / count) * (high - low)) * 100) / 100;
    }
    seen += count;
  }
  return LATENCY_BUCKET_BOUNDS_MS.at(-1)!;
}

/** Windows the metrics API answers for, and the step of their series. */
export const METRIC_WINDOWS = {
  "15m": { ms: 15 * 60_000, stepMs: 10_000 },
  "1h": { ms: 60 * 60_000, stepMs: 10_000 },
  "6h": { ms: 6 * 60 * 60_000, stepMs: 60_000 },
  "24h": { ms: 24 * 60 * 60_000, stepMs: 5 * 60_000 },
  "7d": { ms: 7 * 24 * 60 * 60_000, stepMs: 30 * 60_000 },
} as const;
export type MetricWindow = keyof typeof METRIC_WINDOWS;

/** How often routers and the controller write a sample, and how long samples are kept (as Coolify). */
export const METRIC_SAMPLE_MS = 10_000;
export const METRIC_RETENTION_MS = 7 * 24 * 60 * 60_000;

/** Requests and their answers by status class: what routers count and metrics add up. */
export const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;
export interface StatusCounts {
  requests: number;
  status1xx: number;
  status2xx: number;
  status3xx: number;
  status4xx: number;
  status5xx: number;
}
export const STATUS_COUNT_KEYS = [
  "requests",
  "status1xx",
  "status2xx",
  "status3xx",
  "status4xx",
  "status5xx",
] as const satisfies ReadonlyArray<keyof StatusCounts>;
export const zeroStatusCounts = (): StatusCounts => ({
  requests: 0,
  status1xx: 0,
  status2xx: 0,
  status3xx: 0,
  status4xx: 0,
  status5xx: 0,
});

/** Adds `from`'s counts into `into`. */
export function addStatusCounts(into: StatusCounts, from: StatusCounts): StatusCounts {
  for (const key of STATUS_COUNT_KEYS) into[key] += from[key];
  return into;
}
