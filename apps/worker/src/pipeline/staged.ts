import { startRollout } from "@pier/rollouts";
import { announceAndWaitForRouters } from "@pier/routing";
import { STAGED_NOTE, urlForLabel, type RolloutPolicy } from "@pier/shared";
import type { BuildLog } from "../logs/build-log.ts";
import type { ClaimedDeployment } from "./claim.ts";
import type { DeployDeps } from "./deploy-deps.ts";

/**
 * How a deployment that is not a preview goes live: as production (a switch), or staged at its own URL, production
 * untouched: asked for (promote false), or to be rolled out (pier.json's `rollout`, once the app has a production).
 */
export function stagedBecause(
  deployment: Pick<ClaimedDeployment, "promote" | "previewSlug">,
  productionDeploymentId: string | null,
  rollout: RolloutPolicy | null,
): "asked" | "rollout" | null {
  if (deployment.previewSlug) return null;
  if (!deployment.promote) return "asked";
  return rollout && productionDeploymentId ? "rollout" : null;
}

/**
 * A staged deployment goes up at its own URL only: routed first (so READY means its URL serves it), production
 * left as it is; a newer staged deployment replaces it (settling stops the older one).
 */
export async function goLiveStaged(deps: DeployDeps, deployment: ClaimedDeployment, log: BuildLog): Promise<void> {
  const { app } = deployment;
  const routed = await announceAndWaitForRouters(deps.redis, deps.config.PIER_ROUTER_ACK_TIMEOUT_MS);
  if (!routed)
    log.write(`Warning: no router confirmed the deployment within ${deps.config.PIER_ROUTER_ACK_TIMEOUT_MS} ms`);
  log.write(
    `Staged at ${urlForLabel(deps.config, `${app.name}-${deployment.shortId}`)} (${STAGED_NOTE}: ` +
      `pier promote ${app.name} ${deployment.shortId})`,
  );
}

/**
 * pier.json's `rollout`: the staged (READY) deployment becomes the candidate of a gradual rollout (@pier/rollouts).
 * One refused (another rollout is in progress, say) leaves it staged, and the log says why.
 */
export async function rollOut(
  deps: DeployDeps,
  deployment: ClaimedDeployment,
  policy: RolloutPolicy,
  log: BuildLog,
): Promise<void> {
  try {
    const rollout = await startRollout(deps, {
      appId: deployment.appId,
      candidateDeploymentId: deployment.id,
      steps: policy.steps,
      intervalSeconds: policy.intervalSeconds,
      gate: policy.gate ?? null,
      cause: deployment.trigger,
    });
    log.write(
      `Rollout ${rollout.id} (pier.json): ${policy.steps.join(" → ")} % of new clients, ` +
        `${policy.intervalSeconds} s per step${policy.gate ? ", gated on the candidate's own metrics" : ""}`,
    );
  } catch (error) {
    log.write(`Rollout not started: ${(error as Error).message}; the deployment stays staged`);
    deps.logger.error({ err: error, deploymentId: deployment.id }, "starting a rollout from pier.json failed");
  }
  await log.flush();
}
