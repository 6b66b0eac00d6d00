import { autoscalePolicySchema, type LoadRecord } from "@pier/shared";
import { describe, expect, it } from "vitest";
import { decide, newAutoscaleMemory, type LoadSummary } from "../src/autoscaler/decide.ts";
import { summarizeLoad } from "../src/autoscaler/load-window.ts";

const policy = autoscalePolicySchema.parse({
  min: 1,
  max: 5,
  targetConcurrency: 10,
  scaleDownDelaySeconds: 10,
  idleTimeoutSeconds: 30,
});
const quiet: LoadSummary = { panicConcurrency: 0, stableConcurrency: 0, panicRps: 0, stableRps: 0, lastActiveAt: null };
const load = (panic: number, stable = panic, lastActiveAt: number | null = 0): LoadSummary => ({
  panicConcurrency: panic,
  stableConcurrency: stable,
  panicRps: 0,
  stableRps: 0,
  lastActiveAt,
});

describe("autoscaling decisions", () => {
  it("panics at 2× the target per replica and scales up at once to what the 6 s window asks", () => {
    const memory = newAutoscaleMemory(0);
    expect(decide(policy, 1, load(19, 3), memory, 2_000)).toBeNull(); // under 2× the target: the 60 s average decides
    const up = decide(policy, 1, load(20, 3), memory, 4_000);
    expect(up).toMatchObject({ to: 2, panic: true });
    // Still in panic while the load per replica is at or over the target: up, never down.
    expect(decide(policy, 2, load(30, 5), memory, 6_000)).toMatchObject({ to: 3, panic: true });
    expect(decide(policy, 3, load(25, 5), memory, 8_000)).toBeNull();
  });

  it("never goes over max nor, when scaling up, over the memory the machine has left (and says so)", () => {
    expect(decide(policy, 1, load(200), newAutoscaleMemory(0), 2_000)).toMatchObject({ to: 5 });
    const held = decide(policy, 1, load(200), newAutoscaleMemory(0), 2_000, { replicas: 1, why: "not enough memory" });
    expect(held).toMatchObject({ to: 2 });
    expect(held!.reason).toContain("not enough memory");
    const none = decide(policy, 2, load(200), newAutoscaleMemory(0), 2_000, { replicas: 0, why: "not enough memory" });
    expect(none).toMatchObject({ to: 2 });
  });

  it("follows load that asked for more twice in a row without waiting for the 60 s average", () => {
    const memory = newAutoscaleMemory(0);
    expect(decide(policy, 2, load(25, 12), memory, 2_000)).toBeNull(); // 12.5 per replica: no panic, asked once
    expect(decide(policy, 2, load(29, 13), memory, 4_000)).toMatchObject({ to: 3, panic: false });
  });

  it("scales up on the 60 s average outside panic, while the last 6 s still ask for it", () => {
    expect(decide(policy, 1, load(15, 15), newAutoscaleMemory(0), 2_000)).toMatchObject({ to: 2, panic: false });
    // Load that is gone (the 60 s average still remembers it) brings no replica back.
    expect(decide(policy, 1, load(0, 15), newAutoscaleMemory(0), 2_000)).toBeNull();
  });

  it("scales down only after every decision over the delay asked for fewer, to the most any asked", () => {
    const memory = newAutoscaleMemory(0);
    expect(decide(policy, 3, load(25), memory, 2_000)).toBeNull();
    expect(decide(policy, 3, load(15), memory, 4_000)).toBeNull(); // asks 2, but the delay hasn't passed
    expect(decide(policy, 3, load(5), memory, 9_000)).toBeNull();
    // 2 s (25 → 3) left the window; 4 s asked 2
    expect(decide(policy, 3, load(5), memory, 12_000)).toMatchObject({ to: 3 - 1 });
    const again = newAutoscaleMemory(0);
    for (let t = 2_000; t < 10_000; t += 2_000) expect(decide(policy, 3, load(0), again, t)).toBeNull();
    expect(decide(policy, 3, load(0), again, 10_000)).toMatchObject({ to: 1 }); // never under min
  });

  it("scales to zero after the idle timeout when min is 0, and a request at zero wakes the app", () => {
    const toZero = autoscalePolicySchema.parse({ min: 0, max: 3, idleTimeoutSeconds: 30, scaleDownDelaySeconds: 0 });
    const memory = newAutoscaleMemory(0);
    expect(decide(toZero, 1, quiet, memory, 20_000)).toBeNull();
    expect(decide(toZero, 1, quiet, memory, 30_000)).toMatchObject({ to: 0 });
    expect(decide(toZero, 0, quiet, memory, 32_000)).toBeNull();
    expect(decide(toZero, 0, load(3, 0.1, 33_000), memory, 34_000)).toMatchObject({ to: 1 });
    // Recent traffic keeps it up.
    const busy = newAutoscaleMemory(0);
    expect(decide(toZero, 1, load(0, 0.5, 25_000), busy, 40_000)).toBeNull();
  });

  it("brings a count outside a changed policy back inside it", () => {
    expect(decide(policy, 8, quiet, newAutoscaleMemory(0), 2_000)).toMatchObject({ to: 5 });
    expect(decide({ ...policy, min: 2 }, 1, quiet, newAutoscaleMemory(0), 2_000)).toMatchObject({ to: 2 });
  });

  it("uses the requests-per-second target when it asks for more", () => {
    const byRps = autoscalePolicySchema.parse({ min: 1, max: 10, targetConcurrency: 100, targetRps: 50 });
    expect(
      decide(byRps, 1, { ...load(1, 1), stableRps: 220, panicRps: 220 }, newAutoscaleMemory(0), 2_000),
    ).toMatchObject({ to: 5 });
  });
});

describe("load windows", () => {
  it("averages in-flight requests over each window, a second without a record as idle, routers adding up", () => {
    const now = 100_000;
    const records: LoadRecord[] = [];
    for (let s = 0; s < 6; s++) records.push({ at: now - s * 1000, inflight: 12, requests: 100 }); // router A
    for (let s = 0; s < 3; s++) records.push({ at: now - s * 1000 - 500, inflight: 6, requests: 50 }); // router B
    const summary = summarizeLoad(records, now);
    expect(summary.panicConcurrency).toBeCloseTo((6 * 12 + 3 * 6) / 6);
    expect(summary.stableConcurrency).toBeCloseTo((6 * 12 + 3 * 6) / 60);
    expect(summary.panicRps).toBeCloseTo((600 + 150) / 6);
    expect(summary.lastActiveAt).toBe(now);
    expect(summarizeLoad([], now)).toMatchObject({ panicConcurrency: 0, lastActiveAt: null });
  });
});

describe("autoscale policies", () => {
  it("refuses min over max, a negative delay and unknown fields, naming the field", () => {
    const issues = (value: unknown) =>
      autoscalePolicySchema.safeParse(value).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(issues({ min: 3, max: 2 })).toEqual(["min"]);
    expect(issues({ max: 2, scaleDownDelaySeconds: -1 })).toEqual(["scaleDownDelaySeconds"]);
    expect(issues({ max: 2, surprise: 1 })).toHaveLength(1);
    expect(autoscalePolicySchema.parse({ max: 4 })).toEqual({
      min: 1,
      max: 4,
      targetConcurrency: 10,
      scaleDownDelaySeconds: 60,
      idleTimeoutSeconds: 300,
    });
  });
});
