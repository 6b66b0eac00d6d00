import { addBuckets, LATENCY_BUCKET_COUNT, percentileMs, ROLLOUT_DEFAULT_MIN_REQUESTS } from "@pier/shared";
import type { RolloutGate } from "@pier/shared";

/** A version's traffic over a window: what the gate judges and what status shows. */
export interface TrafficFigures {
  requests: number;
  /** 5xx answers. */
  errors: number;
  /** errors / requests; null without requests. */
  errorRate: number | null;
  /** From the summed latency buckets; null without latency data. */
  p95Ms: number | null;
}

/** What the router wrote for one deployment and interval (a MetricSample row, the fields the gate reads). */
export interface TrafficSample {
  requests: number;
  status5xx: number;
  latencyBuckets: readonly number[];
}

/** Sums samples (of several routers and intervals) into one window's figures; p95 from the merged buckets. */
export function figuresOf(samples: readonly TrafficSample[]): TrafficFigures {
  let requests = 0;
  let errors = 0;
  const buckets = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  for (const sample of samples) {
    requests += sample.requests;
    errors += sample.status5xx;
    addBuckets(buckets, sample.latencyBuckets);
  }
  return { requests, errors, errorRate: requests ? errors / requests : null, p95Ms: percentileMs(buckets, 0.95) };
}

export type GateVerdict =
  | { kind: "pass" }
  /** Too few requests to judge: the step neither passes nor fails. */
  | { kind: "waiting"; reason: string }
  | { kind: "fail"; reason: string };

const percent = (rate: number) => `${(rate * 100).toFixed(1)} %`;

/**
 * The gate on a step's figures. No gate (or one without limits): always passes, the timer alone advances. A gate
 * judges only on at least `minRequests` requests (default ROLLOUT_DEFAULT_MIN_REQUESTS): a rollout never advances
 * on no evidence, and a handful of requests never aborts it. A limit is broken when the figure is over it.
 */
export function judgeGate(gate: RolloutGate | null, figures: TrafficFigures): GateVerdict {
  if (!gate || (gate.maxErrorRate === undefined && gate.maxP95Ms === undefined)) return { kind: "pass" };
  const needed = gate.minRequests ?? ROLLOUT_DEFAULT_MIN_REQUESTS;
  if (figures.requests < needed)
    return {
      kind: "waiting",
      reason: `waiting for traffic: ${figures.requests} of the ${needed} requests the gate needs`,
    };
  const broken: string[] = [];
  const { errorRate, p95Ms } = figures;
  if (gate.maxErrorRate !== undefined && errorRate !== null && errorRate > gate.maxErrorRate)
    broken.push(`error rate ${percent(errorRate)} over the limit ${percent(gate.maxErrorRate)}`);
  if (gate.maxP95Ms !== undefined && p95Ms !== null && p95Ms > gate.maxP95Ms)
    broken.push(`p95 ${Math.round(p95Ms)} ms over the limit ${gate.maxP95Ms} ms`);
  if (broken.length === 0) return { kind: "pass" };
  return {
    kind: "fail",
    reason: `gate failed on ${figures.requests} requests (${figures.errors} 5xx): ${broken.join("; ")}`,
  };
}
