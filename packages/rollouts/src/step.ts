import type { GateVerdict } from "./gate.ts";

/** The facts of a rollout a pass decides on. */
export interface RolloutFacts {
  state: "RUNNING" | "PAUSED" | "SUCCEEDED" | "ABORTED";
  steps: readonly number[];
  stepIndex: number;
  intervalSeconds: number;
  stepStartedAt: Date;
}

export type RolloutMove =
  /** Nothing to do yet (the step's interval runs, or the rollout is paused and its gate holds). */
  | { kind: "wait" }
  /** The interval is over but the gate can't judge yet (too few requests): the step goes on. */
  | { kind: "hold"; reason: string }
  /** The step passed: the next one starts, with its weight. */
  | { kind: "advance"; stepIndex: number; weight: number }
  /** The step passed and the next is 100 %: the candidate becomes production. */
  | { kind: "promote" }
  /** The gate failed: all traffic back to production at once. */
  | { kind: "abort"; reason: string };

/**
 * What one pass does with a rollout, from its facts, the gate's verdict on the current step and the time (pure).
 * A failing gate aborts at once, even mid-interval and even while paused (a paused rollout still sends the
 * candidate its share). Otherwise a paused rollout waits; a running one moves on once its interval is over and
 * the gate passed. A step of 100 % is production: reaching it promotes.
 */
export function nextMove(rollout: RolloutFacts, verdict: GateVerdict, now: Date): RolloutMove {
  if (rollout.state !== "RUNNING" && rollout.state !== "PAUSED") return { kind: "wait" };
  if (verdict.kind === "fail") return { kind: "abort", reason: verdict.reason };
  if (rollout.state === "PAUSED") return { kind: "wait" };
  if ((rollout.steps[rollout.stepIndex] ?? 100) >= 100) return { kind: "promote" };
  const elapsedMs = now.getTime() - rollout.stepStartedAt.getTime();
  if (elapsedMs < rollout.intervalSeconds * 1000) return { kind: "wait" };
  if (verdict.kind === "waiting") return { kind: "hold", reason: verdict.reason };
  const next = rollout.stepIndex + 1;
  const weight = rollout.steps[next] ?? 100;
  if (weight >= 100) return { kind: "promote" };
  return { kind: "advance", stepIndex: next, weight };
}
