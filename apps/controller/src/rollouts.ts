import { tryLock } from "@pier/redis";
import { advanceRollouts, type AdvanceOutcome, type RolloutDeps } from "@pier/rollouts";
import { startLoop } from "@pier/shared";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** A rollout's gate is checked, and its steps taken, this often. */
export const ROLLOUT_PASS_MS = 1_000;

/** One pass at a time among the controllers of the same apps (those of another prefix, as in tests, pass theirs). */
const lockKey = (appPrefix: string) => `pier:lock:rollouts:${appPrefix}`;
/** A pass that promotes waits for the routers: a lock outliving a dead holder by this much is enough. */
const LOCK_TTL_MS = 30_000;

export interface RolloutLoop {
  /** A pass now (or right after the one running); what it did, or null when another controller holds the pass. */
  runNow(): Promise<AdvanceOutcome[] | null>;
  close(): Promise<void>;
}

/**
 * Steps every running rollout (@pier/rollouts' advanceRollouts) every ROLLOUT_PASS_MS. Each pass checks the gate on
 * the candidate's traffic, so a failing candidate is aborted within a pass of its figures arriving.
 */
export function startRolloutLoop(deps: RolloutDeps & { appPrefix: string }): RolloutLoop {
  const owner = `controller:${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const pass = async (): Promise<AdvanceOutcome[] | null> => {
    const lock = await tryLock(deps.redis, lockKey(deps.appPrefix), owner, LOCK_TTL_MS);
    if (!lock) return null;
    try {
      const outcomes = await advanceRollouts(deps, { appPrefix: deps.appPrefix });
      for (const outcome of outcomes)
        if (outcome.move !== "wait" && outcome.move !== "skipped" && outcome.move !== "hold")
          deps.logger.info({ rollout: outcome.rolloutId, move: outcome.move, reason: outcome.reason }, "rollout moved");
      return outcomes;
    } finally {
      await lock.release();
    }
  };
  let last: AdvanceOutcome[] | null = null;
  const loop = startLoop({
    name: "rollout pass",
    everyMs: ROLLOUT_PASS_MS,
    logger: deps.logger,
    tick: async () => {
      last = await pass();
    },
  });
  return {
    async runNow() {
      await loop.runNow();
      return last;
    },
    close: () => loop.stop(),
  };
}
