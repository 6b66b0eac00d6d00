import type { Rollout } from "@pier/db";
import type { ContainerInfo } from "@pier/runtime";
import { announceRouteChange } from "@pier/routing";
import { LABELS, storedRolloutGate } from "@pier/shared";
import { rollBack } from "./abort.ts";
import type { RolloutDeps } from "./deps.ts";
import { judgeGate } from "./gate.ts";
import { promoteRollout } from "./promote.ts";
import { ACTIVE_ROLLOUT_STATES, changeRollout, withRolloutLock } from "./rollout-state.ts";
import { nextMove, type RolloutMove } from "./step.ts";
import { deploymentTraffic } from "./traffic.ts";

export interface AdvanceOptions {
  /** Only apps whose names start with this (PIER_CONTROLLER_APP_PREFIX). */
  appPrefix?: string;
  now?: Date;
}

/** What a pass did with one rollout. */
export interface AdvanceOutcome {
  rolloutId: string;
  appId: string;
  move: RolloutMove["kind"] | "skipped";
  reason?: string;
}

/**
 * One pass over every running or paused rollout: the gate on the candidate's traffic since its step started
 * (each pass, so a failing candidate is aborted mid-step), then wait, hold, the next step, promotion or abort
 * (nextMove). A rollout also aborts when its candidate has no running replica left, or production was changed by
 * something else (a deploy, a rollback). A rollout another process is changing right now is skipped this pass.
 */
export async function advanceRollouts(deps: RolloutDeps, options: AdvanceOptions = {}): Promise<AdvanceOutcome[]> {
  const rollouts = await deps.prisma.rollout.findMany({
    where: {
      state: { in: [...ACTIVE_ROLLOUT_STATES] },
      ...(options.appPrefix ? { app: { name: { startsWith: options.appPrefix } } } : {}),
    },
    select: { id: true, appId: true },
  });
  if (rollouts.length === 0) return [];
  const containers = await deps.runtime.listContainers({ [LABELS.managed]: "true" });
  const now = options.now ?? new Date();
  // Each app apart: one app's promotion (a production switch) never delays another's abort.
  return Promise.all(
    rollouts.map(async ({ id, appId }) => {
      const outcome = await withRolloutLock(deps.redis, appId, 0, () => stepOne(deps, id, containers, now));
      return outcome ?? { rolloutId: id, appId, move: "skipped" as const };
    }),
  );
}

async function stepOne(
  deps: RolloutDeps,
  rolloutId: string,
  containers: ContainerInfo[],
  now: Date,
): Promise<AdvanceOutcome> {
  const rollout = await deps.prisma.rollout.findUniqueOrThrow({
    where: { id: rolloutId },
    include: { app: { select: { productionDeploymentId: true } } },
  });
  const done = (move: AdvanceOutcome["move"], reason?: string): AdvanceOutcome => ({
    rolloutId,
    appId: rollout.appId,
    move,
    ...(reason ? { reason } : {}),
  });
  if (!(ACTIVE_ROLLOUT_STATES as readonly string[]).includes(rollout.state)) return done("wait");
  const production = rollout.app.productionDeploymentId;
  if (production === rollout.candidateDeploymentId) {
    // Made production by other means (a promote by hand): nothing left to split.
    const reason = "the candidate was made production by another release";
    await changeRollout(deps.prisma, rollout, ACTIVE_ROLLOUT_STATES, {
      state: "SUCCEEDED",
      weight: 100,
      reason,
      finishedAt: now,
    });
    await announceRouteChange(deps.redis);
    return done("promote", reason);
  }
  if (production !== rollout.baseDeploymentId)
    return abortWith(deps, rollout, "production was changed by another release while the rollout ran", done);
  const serving = containers.some(
    (c) => c.labels[LABELS.deployment] === rollout.candidateDeploymentId && c.running && c.endpoint,
  );
  if (!serving) return abortWith(deps, rollout, "the candidate has no running replica", done);

  const gate = storedRolloutGate(rollout.gate);
  const figures = await deploymentTraffic(deps.prisma, rollout.candidateDeploymentId, rollout.stepStartedAt);
  const verdict = judgeGate(gate, figures);
  const move = nextMove(rollout, verdict, now);
  switch (move.kind) {
    case "wait":
      return done("wait");
    case "hold":
      if (rollout.reason !== move.reason)
        await changeRollout(deps.prisma, rollout, ["RUNNING"], { reason: move.reason });
      return done("hold", move.reason);
    case "advance":
      await changeRollout(deps.prisma, rollout, ["RUNNING"], {
        stepIndex: move.stepIndex,
        weight: move.weight,
        stepStartedAt: now,
        reason: null,
      });
      await announceRouteChange(deps.redis);
      return done("advance");
    case "promote": {
      const reason = `rolled out in ${rollout.steps.length} steps (${rollout.steps.join(" → ")} %)`;
      await promoteRollout(deps, rollout, rollout.cause, reason);
      return done("promote", reason);
    }
    case "abort":
      await rollBack(deps, rollout, { reason: move.reason, figures, gate });
      return done("abort", move.reason);
  }
}

async function abortWith(
  deps: RolloutDeps,
  rollout: Rollout,
  reason: string,
  done: (move: AdvanceOutcome["move"], reason?: string) => AdvanceOutcome,
): Promise<AdvanceOutcome> {
  await rollBack(deps, rollout, { reason });
  return done("abort", reason);
}
