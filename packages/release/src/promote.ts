import type { App, Deployment, EnvVar, FeatureFlag, ReleaseKind, Trigger } from "@pier/db";
import { LABELS } from "@pier/shared";
import type { ReleaseDeps } from "./deps.ts";
import { ReleaseError } from "./errors.ts";
import { waitUntilHealthy } from "./health-check.ts";
import { startReplicas } from "./start-container.ts";
import { switchProduction, type SwitchResult } from "./switch-production.ts";
import { deploymentStartRequest } from "./container-spec.ts";
import { recordServingReplicas } from "./reconcile.ts";
import { domainsChangeLines } from "./domains.ts";

export interface PromoteRequest {
  app: App & { envVars: EnvVar[]; featureFlags: FeatureFlag[] };
  target: Deployment;
  kind: ReleaseKind;
  cause: Trigger;
  /** Why, for a release Pier makes unasked (cause AUTO). */
  reason?: string;
  log?: (line: string) => void;
}

export interface PromoteResult extends SwitchResult {
  /** The target's container had to be started from its image (it wasn't kept warm). */
  started: boolean;
}

/**
 * Puts an existing deployment live without rebuilding anything: its container if it still runs,
 * else a new container from its image; health-checked either way before the switch. Any failure
 * throws a ReleaseError and leaves production where it was.
 */
export async function promoteDeployment(deps: ReleaseDeps, request: PromoteRequest): Promise<PromoteResult> {
  const { app, target } = request;
  const log = request.log ?? (() => undefined);
  if (target.appId !== app.id)
    throw new ReleaseError("not_deployable", `deployment ${target.id} belongs to another app`);
  if (target.status !== "READY")
    throw new ReleaseError(
      "not_deployable",
      `deployment ${target.shortId} is ${target.status}; only READY deployments can go live`,
    );
  if (app.productionDeploymentId === target.id)
    throw new ReleaseError("already_live", `deployment ${target.shortId} is already production`);

  const running = target.containerId ? await deps.runtime.inspectContainer(target.containerId) : null;
  let started = false;
  if (!running?.running || running.endpoint === null) {
    if (!target.imageId || target.imagePrunedAt || !(await deps.runtime.imageExists(target.imageId))) {
      throw new ReleaseError(
        "image_pruned",
        `the image of deployment ${target.shortId} was pruned; ` +
          `deploy its commit ${target.commitSha?.slice(0, 12) ?? ""} again instead`,
      );
    }
    // Leftovers of this deployment (stopped replicas) make way for a fresh set.
    for (const leftover of await deps.runtime.listContainers(
      { [LABELS.managed]: "true", [LABELS.deployment]: target.id },
      { all: true },
    )) {
      await deps.runtime.removeContainer(leftover.id);
    }
    log(`Starting deployment ${target.shortId} again from its image ${target.imageTag ?? target.imageId}`);
    // The same spec as when it was built (volumes included, so it sees the data the app has now).
    const replicaSet = await startReplicas(
      deps.runtime,
      deps.config,
      deploymentStartRequest(deps.config, app, target),
      target.replicas,
      {
        path: target.healthCheckPath ?? app.healthCheckPath,
        timeoutMs: target.healthCheckTimeoutMs ?? deps.config.PIER_HEALTHCHECK_TIMEOUT_MS,
      },
      () => undefined,
    );
    started = true;
    if (replicaSet.unhealthy && !replicaSet.unhealthy.healthy) {
      for (const container of replicaSet.containers) await deps.runtime.removeContainer(container.id);
      throw new ReleaseError("unhealthy", replicaSet.unhealthy.evidence);
    }
    await recordServingReplicas(deps, app.id, target.id, replicaSet.containers);
    const first = replicaSet.containers[0]!;
    await deps.prisma.deployment.update({
      where: { id: target.id },
      data: { containerId: first.id, hostPort: first.hostPort },
    });
  } else {
    // Warm: one quick probe proves it still answers before traffic moves to it.
    const health = await waitUntilHealthy(deps.runtime, {
      containerId: running.id,
      endpoint: running.endpoint,
      path: target.healthCheckPath ?? app.healthCheckPath,
      timeoutMs: Math.min(5_000, deps.config.PIER_HEALTHCHECK_TIMEOUT_MS),
      intervalMs: 50,
    });
    if (!health.healthy) throw new ReleaseError("unhealthy", health.evidence);
  }
  const result = await switchProduction(deps.prisma, deps.redis, {
    appId: app.id,
    toDeploymentId: target.id,
    kind: request.kind,
    cause: request.cause,
    reason: request.reason,
    routerAckTimeoutMs: deps.config.PIER_ROUTER_ACK_TIMEOUT_MS,
    tlsCertDir: deps.config.PIER_TLS_CERT_DIR,
  });
  for (const line of domainsChangeLines(result.domains)) log(line);
  return { ...result, started };
}
