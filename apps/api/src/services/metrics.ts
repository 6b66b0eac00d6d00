import type { PrismaClient } from "@pier/db";
import {
  addBuckets,
  addStatusCounts,
  LATENCY_BUCKET_COUNT,
  METRIC_WINDOWS,
  percentileMs,
  zeroStatusCounts,
  type MetricWindow,
  type StatusCounts,
} from "@pier/shared";

export interface MetricPoint {
  /** The start of the step (ISO 8601). */
  t: string;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  /** 5xx share of the step's requests (0 … 1), null without requests. */
  errorRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  cpuPercent: number | null;
  memoryMb: number | null;
  replicas: number | null;
}

export interface AppMetrics {
  window: MetricWindow;
  stepSeconds: number;
  from: string;
  to: string;
  series: MetricPoint[];
  totals: StatusCounts & {
    errorRate: number | null;
    p50Ms: number | null;
    p95Ms: number | null;
    p99Ms: number | null;
    restarts: number;
  };
}

interface Step {
  requests: number;
  errors: number;
  buckets: number[];
  cpu: number[];
  memory: number[];
  replicas: number[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const round = (x: number | null, digits = 2) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * An app's metrics over a window: the series (one point per step; requests summed over every router,
 * CPU and memory averaged, latency percentiles from summed buckets) and totals. `now` for tests.
 */
export async function appMetrics(
  prisma: PrismaClient,
  appId: string,
  window: MetricWindow,
  now = Date.now(),
): Promise<AppMetrics> {
  const { ms, stepMs } = METRIC_WINDOWS[window];
  const from = Math.floor((now - ms) / stepMs) * stepMs + stepMs;
  const samples = await prisma.metricSample.findMany({
    where: { appId, at: { gt: new Date(from), lte: new Date(now) } },
    select: {
      at: true,
      source: true,
      requests: true,
      status1xx: true,
      status2xx: true,
      status3xx: true,
      status4xx: true,
      status5xx: true,
      latencyBuckets: true,
      cpuPercent: true,
      memoryBytes: true,
      replicas: true,
      restarts: true,
    },
    orderBy: { at: "asc" },
  });
  const steps = new Map<number, Step>();
  const totals = { ...zeroStatusCounts(), restarts: 0 };
  const allBuckets = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  for (const sample of samples) {
    // A sample covers the interval ending at `at`: it belongs to the step that interval falls in.
    const key = Math.floor((sample.at.getTime() - 1) / stepMs) * stepMs;
    const step = steps.get(key) ?? {
      requests: 0,
      errors: 0,
      buckets: new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
      cpu: [],
      memory: [],
      replicas: [],
    };
    steps.set(key, step);
    if (sample.source === "router") {
      step.requests += sample.requests;
      step.errors += sample.status5xx;
      addBuckets(step.buckets, sample.latencyBuckets);
      addBuckets(allBuckets, sample.latencyBuckets);
      addStatusCounts(totals, sample);
    } else {
      if (sample.cpuPercent !== null) step.cpu.push(sample.cpuPercent);
      if (sample.memoryBytes !== null) step.memory.push(Number(sample.memoryBytes) / (1024 * 1024));
      step.replicas.push(sample.replicas);
      totals.restarts += sample.restarts;
    }
  }
  const series: MetricPoint[] = [];
  for (let t = from; t < now; t += stepMs) {
    const step = steps.get(t);
    series.push({
      t: new Date(t).toISOString(),
      requests: step?.requests ?? 0,
      requestsPerSecond: round((step?.requests ?? 0) / (stepMs / 1000)) ?? 0,
      errors: step?.errors ?? 0,
      errorRate: step?.requests ? round(step.errors / step.requests, 4) : null,
      p50Ms: step ? percentileMs(step.buckets, 0.5) : null,
      p95Ms: step ? percentileMs(step.buckets, 0.95) : null,
      p99Ms: step ? percentileMs(step.buckets, 0.99) : null,
      cpuPercent: round(mean(step?.cpu ?? [])),
      memoryMb: round(mean(step?.memory ?? []), 1),
      replicas: step?.replicas.length ? Math.max(...step.replicas) : null,
    });
  }
  return {
    window,
    stepSeconds: stepMs / 1000,
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    series,
    totals: {
      ...totals,
      errorRate: totals.requests ? round(totals.status5xx / totals.requests, 4) : null,
      p50Ms: percentileMs(allBuckets, 0.5),
      p95Ms: percentileMs(allBuckets, 0.95),
      p99Ms: percentileMs(allBuckets, 0.99),
    },
  };
}
