import type { Rollout, RolloutState, Trigger } from "@pier/db";
import { announceRouteChange } from "@pier/routing";
import { rollBack } from "./abort.ts";
import type { RolloutDeps, RolloutStartDeps } from "./deps.ts";
import { RolloutError } from "./errors.ts";
import { promoteRollout } from "./promote.ts";
import { ACTIVE_ROLLOUT_STATES, changeRollout, rolloutOf, withRolloutLock } from "./rollout-state.ts";

/** Which rollout, and who asks (the cause recorded on a release it makes, and named in its reason). */
export interface RolloutControl {
  appId: string;
  rolloutId: string;
  cause: Trigger;
}

/** How long a person's request waits for a pass of the controller on the same rollout to finish. */
const LOCK_WAIT_MS = 15_000;
const by = (cause: Trigger) => `by hand (${cause.toLowerCase()})`;

async function underLock<T>(deps: RolloutStartDeps, control: RolloutControl, work: () => Promise<T>): Promise<T> {
  const result = await withRolloutLock(deps.redis, control.appId, LOCK_WAIT_MS, async () => ({ value: await work() }));
  if (!result) throw new RolloutError("conflict", "the rollout is being changed right now; try again shortly");
  return result.value;
}

function refuse(rollout: Rollout, action: string, allowed: readonly RolloutState[]): never {
  const was = rollout.state.toLowerCase();
  const may = allowed.map((s) => s.toLowerCase()).join(" or ");
  throw new RolloutError("wrong_state", `rollout ${rollout.id} is ${was}: only a ${may} rollout can be ${action}`);
}

/** Stops stepping: the split stays as it is (and its gate keeps watching) until resumed, promoted or aborted. */
export async function pauseRollout(deps: RolloutStartDeps, control: RolloutControl): Promise<Rollout> {
  return underLock(deps, control, async () => {
    const rollout = await rolloutOf(deps.prisma, control.appId, control.rolloutId);
    const paused = await changeRollout(deps.prisma, rollout, ["RUNNING"], {
      state: "PAUSED",
      reason: `paused ${by(control.cause)}`,
    });
    if (!paused) refuse(rollout, "paused", ["RUNNING"]);
    await announceRouteChange(deps.redis);
    return paused;
  });
}

/** Steps again: the current step starts over, its full interval judged by the gate on fresh traffic. */
export async function resumeRollout(deps: RolloutStartDeps, control: RolloutControl): Promise<Rollout> {
  return underLock(deps, control, async () => {
    const rollout = await rolloutOf(deps.prisma, control.appId, control.rolloutId);
    const resumed = await changeRollout(deps.prisma, rollout, ["PAUSED"], {
      state: "RUNNING",
      reason: null,
      stepStartedAt: new Date(),
    });
    if (!resumed) refuse(rollout, "resumed", ["PAUSED"]);
    await announceRouteChange(deps.redis);
    return resumed;
  });
}

/** Skips the remaining steps: the candidate becomes production now (release kind ROLLOUT). */
export async function promoteNow(deps: RolloutDeps, control: RolloutControl): Promise<Rollout> {
  return underLock(deps, control, async () => {
    const rollout = await rolloutOf(deps.prisma, control.appId, control.rolloutId);
    if (!(ACTIVE_ROLLOUT_STATES as readonly string[]).includes(rollout.state))
      refuse(rollout, "promoted", ACTIVE_ROLLOUT_STATES);
    const done = await promoteRollout(
      deps,
      rollout,
      control.cause,
      `promoted at ${rollout.weight} % ${by(control.cause)}`,
    );
    if (!done)
      refuse(await rolloutOf(deps.prisma, control.appId, control.rolloutId), "promoted", ACTIVE_ROLLOUT_STATES);
    return done;
  });
}

/** All traffic back to production at once; the candidate's replicas stop; the app's channels are alerted. */
export async function abortRollout(deps: RolloutDeps, control: RolloutControl): Promise<Rollout> {
  return underLock(deps, control, async () => {
    const rollout = await rolloutOf(deps.prisma, control.appId, control.rolloutId);
    const aborted = await rollBack(deps, rollout, { reason: `aborted at ${rollout.weight} % ${by(control.cause)}` });
    if (!aborted) refuse(rollout, "aborted", ACTIVE_ROLLOUT_STATES);
    return aborted;
  });
}
