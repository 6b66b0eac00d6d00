import { LATENCY_BUCKET_COUNT, latencyBucket, rolloutPolicySchema, rolloutStepsSchema } from "@pier/shared";
import { describe, expect, it } from "vitest";
import { figuresOf, judgeGate, type TrafficSample } from "../src/gate.ts";
import { nextMove, type RolloutFacts } from "../src/step.ts";

/** `count` requests of `ms` each, `errors` of them 5xx, as one router sample. */
function sample(count: number, ms: number, errors = 0): TrafficSample {
  const buckets = new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
  buckets[latencyBucket(ms)] = count;
  return { requests: count, status5xx: errors, latencyBuckets: buckets };
}

const start = new Date("2026-12-13T10:00:00Z");
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
const rollout = (over: Partial<RolloutFacts> = {}): RolloutFacts => ({
  state: "RUNNING",
  steps: [5, 25, 50, 100],
  stepIndex: 0,
  intervalSeconds: 60,
  stepStartedAt: start,
  ...over,
});

describe("the candidate's figures", () => {
  it("sums routers' samples and takes p95 from the merged buckets", () => {
    const figures = figuresOf([sample(90, 8), sample(10, 800, 3)]);
    expect(figures.requests).toBe(100);
    expect(figures.errors).toBe(3);
    expect(figures.errorRate).toBeCloseTo(0.03);
    // 95 % of 100: the 95th request is among the 10 slow ones (500–1000 ms bucket).
    expect(figures.p95Ms).toBeGreaterThan(500);
    expect(figures.p95Ms).toBeLessThanOrEqual(1000);
  });

  it("has no rate and no p95 without requests", () => {
    expect(figuresOf([])).toEqual({ requests: 0, errors: 0, errorRate: null, p95Ms: null });
  });
});

describe("the gate", () => {
  const gate = { maxErrorRate: 0.01, maxP95Ms: 500 };

  it("passes without a gate or without limits, whatever the traffic", () => {
    expect(judgeGate(null, figuresOf([sample(5, 9000, 5)])).kind).toBe("pass");
    expect(judgeGate({ minRequests: 5 }, figuresOf([])).kind).toBe("pass");
  });

  it("neither passes nor fails on fewer requests than it needs", () => {
    const verdict = judgeGate(gate, figuresOf([sample(19, 5, 19)]));
    expect(verdict).toEqual({
      kind: "waiting",
      reason: "waiting for traffic: 19 of the 20 requests the gate needs",
    });
    expect(judgeGate({ ...gate, minRequests: 5 }, figuresOf([sample(5, 5, 5)])).kind).toBe("fail");
  });

  it("fails on an error rate over the limit, with the figures against the limits", () => {
    const verdict = judgeGate(gate, figuresOf([sample(40, 5, 40)]));
    expect(verdict).toEqual({
      kind: "fail",
      reason: "gate failed on 40 requests (40 5xx): error rate 100.0 % over the limit 1.0 %",
    });
  });

  it("fails on p95 over the limit, and names both when both break", () => {
    const slow = judgeGate(gate, figuresOf([sample(100, 900)]));
    expect(slow.kind).toBe("fail");
    expect(slow.kind === "fail" && slow.reason).toMatch(/p95 \d+ ms over the limit 500 ms$/);
    const both = judgeGate(gate, figuresOf([sample(100, 900, 50)]));
    expect(both.kind === "fail" && both.reason).toMatch(/error rate 50\.0 % over the limit 1\.0 %; p95 \d+ ms/);
  });

  it("passes at the limits themselves", () => {
    expect(judgeGate({ maxErrorRate: 0.01 }, figuresOf([sample(100, 5, 1)])).kind).toBe("pass");
    expect(judgeGate({ maxErrorRate: 0 }, figuresOf([sample(100, 5, 0)])).kind).toBe("pass");
  });
});

describe("a pass's move", () => {
  const pass = { kind: "pass" } as const;
  const waiting = { kind: "waiting", reason: "waiting for traffic" } as const;
  const fail = { kind: "fail", reason: "gate failed" } as const;

  it("waits out the interval, then goes to the next step with its weight", () => {
    expect(nextMove(rollout(), pass, at(59))).toEqual({ kind: "wait" });
    expect(nextMove(rollout(), pass, at(60))).toEqual({ kind: "advance", stepIndex: 1, weight: 25 });
    expect(nextMove(rollout({ stepIndex: 1 }), pass, at(61))).toEqual({ kind: "advance", stepIndex: 2, weight: 50 });
  });

  it("promotes when the next step is 100 %, or at once when a step already is", () => {
    expect(nextMove(rollout({ stepIndex: 2 }), pass, at(60))).toEqual({ kind: "promote" });
    expect(nextMove(rollout({ steps: [100] }), pass, at(0))).toEqual({ kind: "promote" });
  });

  it("aborts on a failing gate at once, mid-interval and while paused", () => {
    expect(nextMove(rollout(), fail, at(1))).toEqual({ kind: "abort", reason: "gate failed" });
    expect(nextMove(rollout({ state: "PAUSED" }), fail, at(1))).toEqual({ kind: "abort", reason: "gate failed" });
  });

  it("holds a step whose gate can't judge yet, and never moves a paused or ended rollout", () => {
    expect(nextMove(rollout(), waiting, at(10))).toEqual({ kind: "wait" });
    expect(nextMove(rollout(), waiting, at(120))).toEqual({ kind: "hold", reason: "waiting for traffic" });
    expect(nextMove(rollout({ state: "PAUSED" }), pass, at(600))).toEqual({ kind: "wait" });
    expect(nextMove(rollout({ state: "ABORTED" }), fail, at(600))).toEqual({ kind: "wait" });
  });
});

describe("steps and policy as given", () => {
  const problem = (steps: unknown) => {
    const parsed = rolloutStepsSchema.safeParse(steps);
    return parsed.success ? null : parsed.error.issues[0]!.message;
  };

  it("takes whole ascending percentages ending at 100, and says what is wrong otherwise", () => {
    expect(problem([5, 25, 50, 100])).toBeNull();
    expect(problem([5, 25, 50])).toBe("must end at 100");
    expect(problem([25, 5, 100])).toBe("must be ascending");
    expect(problem([0, 100])).toBe("must be 1 to 100");
    expect(problem([2.5, 100])).toBe("must be whole percentages");
    expect(problem([])).toBe("must list at least one step");
  });

  it("refuses an unknown field of pier.json's rollout", () => {
    expect(rolloutPolicySchema.safeParse({ steps: [100], intervalSeconds: 60, speed: 1 }).success).toBe(false);
    expect(rolloutPolicySchema.safeParse({ steps: [50, 100], intervalSeconds: 0 }).success).toBe(false);
  });
});
