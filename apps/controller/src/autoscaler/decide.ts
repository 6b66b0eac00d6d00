import { AUTOSCALE_PANIC_THRESHOLD, type AutoscalePolicy } from "@pier/shared";

/** What the routers saw of an app's load (whole app, all routers). */
export interface LoadSummary {
  /** Mean requests in flight over the panic window (6 s) and the stable window (60 s). */
  panicConcurrency: number;
  stableConcurrency: number;
  /** Requests per second over the same windows. */
  panicRps: number;
  stableRps: number;
  /** The last moment a request was seen in flight or arriving (null: none in the records kept). */
  lastActiveAt: number | null;
}

/** What the autoscaler remembers of an app between decisions (in memory: a restarted controller starts cautious). */
export interface AutoscaleMemory {
  /** When this controller began watching the app: no scale-down or scale-to-zero before it saw enough. */
  since: number;
  lastActiveAt: number;
  panicking: boolean;
  /** What the 6 s window asked for at the previous decision. */
  lastWants: number;
  /** Replicas the last panic window asked for, one per decision, kept for the scale-down delay. */
  recommendations: Array<{ at: number; replicas: number }>;
}

export interface Decision {
  to: number;
  reason: string;
  panic: boolean;
}

export const newAutoscaleMemory = (now: number): AutoscaleMemory => ({
  since: now,
  lastActiveAt: now,
  panicking: false,
  lastWants: 0,
  recommendations: [],
});

const round = (x: number) => Math.round(x * 10) / 10;

/** Replicas a load asks for: in-flight requests over the target, or requests/s over targetRps, whichever is more. */
function replicasFor(policy: AutoscalePolicy, concurrency: number, rps: number): number {
  const byConcurrency = Math.ceil(concurrency / policy.targetConcurrency - 1e-9);
  const byRps = policy.targetRps ? Math.ceil(rps / policy.targetRps - 1e-9) : 0;
  return Math.max(byConcurrency, byRps);
}

/**
 * One autoscaling decision (every 2 s), after Knative's KPA: in-flight requests per replica against the
 * target. Over the last 6 s, 2× the target per replica is panic: scale up at once, never down, until the
 * load per replica falls under the target. Otherwise the 6 s window asking for more twice in a row, or
 * the 60 s average (while the last 6 s agree), scales up; and replicas come down
 * only when every decision over `scaleDownDelaySeconds` asked for fewer (the most any of them asked).
 * With min 0, no request for `idleTimeoutSeconds` stops every replica; a request wakes the app (the
 * activator), and so does any load seen while at zero. `memoryRoom` caps how many replicas may be added.
 * Returns null when the count stays. Mutates `memory`.
 */
export function decide(
  policy: AutoscalePolicy,
  current: number,
  load: LoadSummary,
  memory: AutoscaleMemory,
  now: number,
  memoryRoom: { replicas: number; why: string } = { replicas: Infinity, why: "" },
): Decision | null {
  if (load.lastActiveAt !== null) memory.lastActiveAt = Math.max(memory.lastActiveAt, load.lastActiveAt);
  const floor = Math.max(policy.min, 1);
  const clamp = (n: number) => Math.min(policy.max, Math.max(floor, n));
  const panicWants = replicasFor(policy, load.panicConcurrency, load.panicRps);
  const stableWants = replicasFor(policy, load.stableConcurrency, load.stableRps);
  const facts =
    `${round(load.panicConcurrency)} in flight over 6 s, ${round(load.stableConcurrency)} over 60 s, ` +
    `target ${policy.targetConcurrency} per replica`;

  const perReplica = load.panicConcurrency / Math.max(current, 1);
  if (perReplica >= AUTOSCALE_PANIC_THRESHOLD * policy.targetConcurrency) memory.panicking = true;
  else if (perReplica < policy.targetConcurrency) memory.panicking = false;
  const previousWants = memory.lastWants;
  memory.lastWants = panicWants;
  memory.recommendations = memory.recommendations.filter((r) => now - r.at < policy.scaleDownDelaySeconds * 1000);
  memory.recommendations.push({ at: now, replicas: panicWants });

  const up = (to: number, reason: string): Decision | null => {
    let target = clamp(to);
    if (target <= current) return null;
    let why = reason;
    if (target - current > memoryRoom.replicas) {
      target = current + Math.max(0, memoryRoom.replicas);
      why += `; held at ${target}: ${memoryRoom.why}`;
      if (target <= current) return { to: current, reason: why, panic: memory.panicking };
    }
    return { to: target, reason: why, panic: memory.panicking };
  };

  if (current === 0) {
    if (load.panicConcurrency <= 0 && (load.lastActiveAt === null || load.lastActiveAt < now - 6_000)) return null;
    return up(Math.max(1, panicWants), `requests arrived while scaled to zero (${facts})`);
  }
  if (current < floor || current > policy.max) {
    const to = clamp(current);
    return to > current
      ? up(to, `the policy asks for ${policy.min} … ${policy.max} replicas`)
      : { to, reason: `the policy asks for ${policy.min} … ${policy.max} replicas`, panic: false };
  }
  const idleFor = now - memory.lastActiveAt;
  if (policy.min === 0 && load.panicConcurrency === 0 && idleFor >= policy.idleTimeoutSeconds * 1000) {
    return {
      to: 0,
      reason:
        `no request for ${Math.round(idleFor / 1000)} s ` +
        `(idle timeout ${policy.idleTimeoutSeconds} s): scaled to zero`,
      panic: false,
    };
  }
  if (memory.panicking) return up(Math.max(current, panicWants), `panic: ${facts} (2× the target per replica reached)`);
  // Two decisions in a row (2 s apart) over the current count: the load grew and stays; follow it now
  // rather than wait for the 60 s average (which, right after a step, can add one replica, and so keep
  // the load per replica under the panic threshold while it is still well over the target).
  if (panicWants > current && previousWants > current)
    return up(panicWants, `${facts}: the last 6 s asked for ${panicWants} twice in a row`);
  // Up on the 60 s average only while the last 6 s still ask for more too: right after a scale-down the
  // 60 s average still remembers the load that is gone, and must not bring the replicas straight back.
  const sustained = Math.min(stableWants, panicWants);
  if (sustained > current) return up(sustained, `${facts}: the 60 s and 6 s averages ask for ${sustained}`);
  const watchedLongEnough = now - memory.since >= policy.scaleDownDelaySeconds * 1000;
  const most = Math.max(...memory.recommendations.map((r) => r.replicas));
  if (watchedLongEnough && clamp(most) < current) {
    return {
      to: clamp(most),
      reason: `for ${policy.scaleDownDelaySeconds} s the load asked for at most ${most} (${facts})`,
      panic: false,
    };
  }
  return null;
}
