import type { Rollout } from "@pier/db";
import { announceRouteChange, waitForRouter } from "@pier/routing";
import type { RolloutDeps } from "./deps.ts";
import type { TrafficFigures } from "./gate.ts";
import { alertRollout } from "./notify-rollout.ts";
import { ACTIVE_ROLLOUT_STATES, changeRollout } from "./rollout-state.ts";
import { stopCandidate } from "./stop-candidate.ts";

export interface AbortFacts {
  reason: string;
  /** The candidate's figures the gate failed on (absent for an abort by hand). */
  figures?: TrafficFigures;
  gate?: unknown;
}

/**
 * Ends a rollout at once: weight 0 and ABORTED with its reason (every new request goes to production, which is
 * untouched), the routers confirm they serve that, then the candidate's replicas stop and the app's channels get
 * `rollout.aborted`. The caller holds the rollout lock. Null when it had already ended.
 */
export async function rollBack(deps: RolloutDeps, rollout: Rollout, facts: AbortFacts): Promise<Rollout | null> {
  const aborted = await changeRollout(deps.prisma, rollout, ACTIVE_ROLLOUT_STATES, {
    state: "ABORTED",
    weight: 0,
    reason: facts.reason,
    finishedAt: new Date(),
  });
  if (!aborted) return null;
  const generation = await announceRouteChange(deps.redis);
  // Stopped only once no router sends it new requests (or the routers took too long to say so: stop it anyway).
  await waitForRouter(deps.redis, generation, deps.config.PIER_ROUTER_ACK_TIMEOUT_MS);
  const stopped = await stopCandidate(deps, rollout.candidateDeploymentId);
  const [app, candidate] = await Promise.all([
    deps.prisma.app.findUnique({ where: { id: rollout.appId }, select: { id: true, name: true } }),
    deps.prisma.deployment.findUnique({ where: { id: rollout.candidateDeploymentId }, select: { shortId: true } }),
  ]);
  if (app)
    await alertRollout(deps, {
      event: "rollout.aborted",
      app,
      summary:
        `${app.name}: rollout of ${candidate?.shortId ?? "its candidate"} aborted at ${rollout.weight} %: ` +
        facts.reason,
      details: {
        rolloutId: rollout.id,
        candidateDeploymentId: rollout.candidateDeploymentId,
        productionDeploymentId: rollout.baseDeploymentId,
        weightWas: rollout.weight,
        reason: facts.reason,
        ...(facts.figures ? { figures: facts.figures } : {}),
        ...(facts.gate ? { gate: facts.gate } : {}),
        replicasStopped: stopped,
      },
      at: new Date().toISOString(),
    });
  return aborted;
}
