import type { Rollout, Trigger } from "@pier/db";
import { settleAppContainers, switchProduction } from "@pier/release";
import { announceRouteChange } from "@pier/routing";
import type { RolloutDeps } from "./deps.ts";
import { alertRollout } from "./notify-rollout.ts";
import { ACTIVE_ROLLOUT_STATES, changeRollout } from "./rollout-state.ts";

/**
 * The candidate becomes production (a release of kind ROLLOUT through the one production switch), then the rollout
 * is SUCCEEDED at 100 %. In that order: between the two the routers send everyone to the candidate either way,
 * never back to the old production. The caller holds the rollout lock. Null when it had already ended.
 */
export async function promoteRollout(
  deps: RolloutDeps,
  rollout: Rollout,
  cause: Trigger,
  reason: string,
): Promise<Rollout | null> {
  await switchProduction(deps.prisma, deps.redis, {
    appId: rollout.appId,
    toDeploymentId: rollout.candidateDeploymentId,
    kind: "ROLLOUT",
    cause,
    reason,
    routerAckTimeoutMs: deps.config.PIER_ROUTER_ACK_TIMEOUT_MS,
    tlsCertDir: deps.config.PIER_TLS_CERT_DIR,
  });
  const done = await changeRollout(deps.prisma, rollout, ACTIVE_ROLLOUT_STATES, {
    state: "SUCCEEDED",
    weight: 100,
    stepIndex: rollout.steps.length - 1,
    reason,
    finishedAt: new Date(),
  });
  await announceRouteChange(deps.redis);
  // The old production stays warm like after any release; older ones drain and stop (in the background).
  void settleAppContainers(deps, rollout.appId, {
    drainMs: deps.config.PIER_DRAIN_MS,
    keepWarm: deps.config.PIER_WARM_DEPLOYMENTS,
  }).catch((error: unknown) => deps.logger.error({ err: error }, "stopping old containers after a rollout failed"));
  const app = await deps.prisma.app.findUnique({ where: { id: rollout.appId }, select: { id: true, name: true } });
  const candidate = await deps.prisma.deployment.findUnique({
    where: { id: rollout.candidateDeploymentId },
    select: { shortId: true },
  });
  if (app && done)
    await alertRollout(deps, {
      event: "rollout.succeeded",
      app,
      summary: `${app.name}: rollout of ${candidate?.shortId ?? "its candidate"} finished, it is production`,
      details: { rolloutId: rollout.id, candidateDeploymentId: rollout.candidateDeploymentId, reason },
      at: new Date().toISOString(),
    });
  return done;
}
