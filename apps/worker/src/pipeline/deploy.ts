import { Prisma, type Deployment } from "@pier/db";
import { admitMore } from "@pier/replicas";
import { pruneOldDeployments } from "@pier/retention";
import { announceRouteChange, putPreviewLive } from "@pier/routing";
import {
  deploymentEnv,
  deploymentStartRequest,
  domainsChangeLines,
  sealFrozenEnv,
  recordServingReplicas,
  settleAppContainers,
  settlePreview,
  startReplicas,
  switchProduction,
  type ReplicaSet,
  type StartRequest,
} from "@pier/release";
import { openEnvVars, previewLabel, storedRolloutPolicy, urlForLabel } from "@pier/shared";
import { rm } from "node:fs/promises";
import { DeployFailedError } from "../errors.ts";
import type { BuildLog } from "../logs/build-log.ts";
import { buildStage } from "./build-stage.ts";
import { prepareWorkDir } from "./checkout.ts";
import { claimDeployment, type ClaimedDeployment } from "./claim.ts";
import type { DeployDeps } from "./deploy-deps.ts";
import { markReady as markDeploymentReady, skipClaimed, startDeploying } from "@pier/lifecycle";
import type { PhaseTimer } from "./phase-timer.ts";
import { redeployStage } from "./redeploy-stage.ts";
import { runTestCommand } from "./test-command.ts";
import { resumeInterrupted } from "./resume.ts";
import { goLiveStaged, rollOut, stagedBecause } from "./staged.ts";

export type { DeployDeps } from "./deploy-deps.ts";

export interface DeployResult {
  outcome: "ready" | "skipped";
  /**
   * Housekeeping once production switched (drain and stop old containers, prune images): run after the
   * app lock is released.
   */
  afterRelease?: () => Promise<void>;
}
export type DeployOutcome = DeployResult["outcome"];

/**
 * The deploy story: claim → clone → read pier.json → build → test → run → health check → switch
 * production (a redeploy: claim → production's image again → run → health check → switch, no clone, no build);
 * the caller then settles old containers (drain, keep warm, prune) without holding up the app's next deploy.
 * Throws DeployFailedError for failures retrying can't fix; the caller records them.
 */
export async function runDeployment(
  deps: DeployDeps,
  deploymentId: string,
  log: BuildLog,
  timer: PhaseTimer,
): Promise<DeployResult> {
  const deployment = await claimDeployment(deps.prisma, deploymentId);
  if (!deployment) return { outcome: "skipped" };
  const { app } = deployment;
  log.setSecrets(openEnvVars(deps.config, app.envVars).map((v) => v.value));
  if (deployment.startedAt) timer.record("queued", deployment.startedAt.getTime() - deployment.createdAt.getTime());
  if (deployment.resumed && (await resumeInterrupted(deps, deployment, log)) === "live") {
    await markReady(deps, deployment.id, log, timer);
    return {
      outcome: "ready",
      afterRelease: deployment.previewSlug ? undefined : () => afterRelease(deps, app.id, log),
    };
  }

  const { redeployOfId } = deployment;
  const workDir = redeployOfId ? null : await prepareWorkDir(deps.config, app.name, deployment.shortId);
  const startedContainerIds: string[] = [];
  try {
    // The one branch between a deploy and a redeploy: where the image comes from. The rest is the same story.
    const plan = redeployOfId
      ? await redeployStage(deps, { ...deployment, redeployOfId }, log)
      : await buildStage(deps, deployment, workDir!, log, timer);
    if ("behind" in plan) {
      log.write(`Not deployed: ${plan.behind}`);
      await log.flush();
      await skipClaimed(deps.prisma, deployment.id, plan.behind);
      return { outcome: "skipped" };
    }
    const { image, settings, mounts } = plan;
    // Frozen now (or kept from an earlier attempt of this deployment): every container of it starts with it.
    const env = deploymentEnv(deps.config, app, deployment);
    const frozenEnv = deployment.env ?? sealFrozenEnv(deps.config, env);
    log.setSecrets([...openEnvVars(deps.config, app.envVars).map((v) => v.value), ...Object.values(env)]);
    if (settings.test)
      await timer.time("test", () =>
        runTestCommand(
          deps,
          {
            image: image.imageId,
            command: settings.test!,
            env,
            port: image.port,
            appName: app.name,
            appId: app.id,
            memoryMb: settings.memoryMb,
            cpus: settings.cpus,
          },
          log,
        ),
      );
    await admitReplicas(deps, app, settings, log);
    await startDeploying(deps.prisma, deployment.id, {
      imageId: image.imageId,
      imageTag: image.tag,
      port: image.port,
      healthCheckPath: settings.healthCheckPath,
      healthCheckTimeoutMs: settings.healthCheckTimeoutMs,
      memoryMb: settings.memoryMb,
      cpus: settings.cpus,
      replicas: settings.replicas,
      mounts: mounts.map((m) => ({ volume: m.volume, path: m.path })),
      env: frozenEnv,
      rootDir: plan.rootDir,
      // A redeploy of a deployment that recorded no domains records none either (the app's stay as they are).
      ...(plan.domains ? { domains: plan.domains } : {}),
      ...(plan.rollout ? { rolloutPolicy: plan.rollout as Deployment["rolloutPolicy"] } : {}),
    });

    log.write(
      `Health check: GET ${settings.healthCheckPath} until it answers 2xx ` +
        `(timeout ${settings.healthCheckTimeoutMs} ms)`,
    );
    const start = (port: number) =>
      startAndCheck(deps, timer, log, startedContainerIds, {
        request: deploymentStartRequest(deps.config, app, {
          ...deployment,
          imageId: image.imageId,
          port,
          memoryMb: settings.memoryMb,
          cpus: settings.cpus,
          mounts: mounts.map((m) => ({ volume: m.volume, path: m.path })),
          env: frozenEnv,
        }),
        replicas: settings.replicas,
        health: { path: settings.healthCheckPath, timeoutMs: settings.healthCheckTimeoutMs },
      });
    let replicaSet = await start(image.port);
    const firstFailure = replicaSet.unhealthy && !replicaSet.unhealthy.healthy ? replicaSet.unhealthy : null;
    const adoptPort = firstFailure?.adoptPort;
    if (firstFailure && adoptPort !== undefined) {
      // The app ignores $PORT but listens on all interfaces on exactly one port: serve that one, and say so.
      log.write(firstFailure.evidence.split("\n")[0] ?? "");
      log.write(
        `Pier adopts port ${adoptPort}: starting the app again with it published (set "port": ${adoptPort} ` +
          "in pier.json or the app's settings to skip this, or make the app listen on $PORT)",
      );
      for (const id of startedContainerIds.splice(0)) await removeFailedContainer(deps, deployment.id, id, log);
      await deps.prisma.deployment.update({ where: { id: deployment.id }, data: { port: adoptPort } });
      replicaSet = await start(adoptPort);
    }
    if (replicaSet.unhealthy && !replicaSet.unhealthy.healthy) {
      log.write(replicaSet.unhealthy.evidence);
      throw new DeployFailedError(replicaSet.unhealthy.evidence.split("\n")[0] ?? "health check failed");
    }
    log.write(
      `Healthy after ${replicaSet.afterMs} ms${settings.replicas > 1 ? ` (all ${settings.replicas} replicas)` : ""}`,
    );
    await recordServingReplicas(deps, app.id, deployment.id, replicaSet.containers);

    const rollout = plan.rollout ?? storedRolloutPolicy(deployment.rolloutPolicy);
    const staged = stagedBecause(deployment, app.productionDeploymentId, rollout);
    if (staged) {
      startedContainerIds.length = 0; // staged: they run at its own URL until it is promoted or replaced
      await timer.time("switch", () => goLiveStaged(deps, deployment, log));
      await markReady(deps, deployment.id, log, timer);
      if (staged === "rollout") await rollOut(deps, deployment, rollout!, log);
      return { outcome: "ready", afterRelease: () => afterRelease(deps, app.id, log) };
    }
    if (deployment.previewSlug) {
      startedContainerIds.length = 0;
      await timer.time("switch", () => goLiveAsPreview(deps, deployment, log, timer));
      return { outcome: "ready", afterRelease: () => settleOlderPreviews(deps, deployment, log) };
    }
    const release = await timer.time("switch", () =>
      switchProduction(deps.prisma, deps.redis, {
        appId: app.id,
        toDeploymentId: deployment.id,
        kind: plan.kind,
        cause: deployment.trigger,
        routerAckTimeoutMs: deps.config.PIER_ROUTER_ACK_TIMEOUT_MS,
        tlsCertDir: deps.config.PIER_TLS_CERT_DIR,
      }),
    );
    startedContainerIds.length = 0; // they serve production now: never clean them up on a later error
    log.write(`Release v${release.version}: production → ${deployment.shortId}`);
    for (const line of domainsChangeLines(release.domains)) log.write(line);
    if (settings.autoscale !== undefined) {
      // pier.json's policy takes effect with the code that carries it.
      await deps.prisma.app.update({ where: { id: app.id }, data: { autoscale: settings.autoscale ?? Prisma.DbNull } });
      log.write(
        settings.autoscale
          ? `Autoscale: ${settings.autoscale.min} … ${settings.autoscale.max} replicas (pier.json)`
          : "Autoscale: off (pier.json)",
      );
    }
    if (!release.routed)
      log.write(
        `Warning: no router confirmed the switch within ${deps.config.PIER_ROUTER_ACK_TIMEOUT_MS} ms; ` +
          "it will pick it up on its next resync",
      );
    log.write(
      `Ready: ${urlForLabel(deps.config, app.name)} ` +
        `(this deployment: ${urlForLabel(deps.config, `${app.name}-${deployment.shortId}`)})`,
    );
    await markReady(deps, deployment.id, log, timer);
    return { outcome: "ready", afterRelease: () => afterRelease(deps, app.id, log) };
  } finally {
    for (const containerId of startedContainerIds) await removeFailedContainer(deps, deployment.id, containerId, log);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

/** A preview never touches production: it replaces the branch's previous preview at its own URL. */
async function goLiveAsPreview(
  deps: DeployDeps,
  deployment: ClaimedDeployment,
  log: BuildLog,
  timer: PhaseTimer,
): Promise<void> {
  const { app } = deployment;
  const slug = deployment.previewSlug!;
  // Routed first, READY second: when the API says READY, the preview URL serves this version.
  const routerAckTimeoutMs = deps.config.PIER_ROUTER_ACK_TIMEOUT_MS;
  const routed = await putPreviewLive({ ...deps, routerAckTimeoutMs }, deployment.id);
  if (!routed)
    log.write(`Warning: no router confirmed the preview within ${deps.config.PIER_ROUTER_ACK_TIMEOUT_MS} ms`);
  log.write(
    `Preview ready: ${urlForLabel(deps.config, previewLabel(app.name, slug))} ` +
      `(branch ${deployment.branch}; production is unchanged)`,
  );
  await markReady(deps, deployment.id, log, timer);
}

async function settleOlderPreviews(deps: DeployDeps, deployment: ClaimedDeployment, log: BuildLog): Promise<void> {
  const { app } = deployment;
  const slug = deployment.previewSlug!;
  try {
    const stopped = await settlePreview(deps, app.id, slug, deployment.id, deps.config.PIER_DRAIN_MS);
    if (stopped) log.write(`Stopped ${stopped} older preview container(s) of this branch`);
  } catch (error) {
    log.write(`Warning: stopping older previews failed: ${(error as Error).message}`);
    deps.logger.error({ err: error, appId: app.id }, "settling previews failed");
  }
}

/**
 * Whoever sees READY (CLI --wait, dashboard, tests) then reads a log that holds every line up to it,
 * timings included.
 */
async function markReady(deps: DeployDeps, deploymentId: string, log: BuildLog, timer: PhaseTimer): Promise<void> {
  log.write(`Timings: ${timer.summary()}`);
  await log.flush();
  await markDeploymentReady(deps.prisma, deploymentId, timer.toJSON());
}

interface StartPlan {
  request: StartRequest;
  replicas: number;
  health: { path: string; timeoutMs: number };
}

/** Starts the deployment's containers and health-checks them, timing the start and the wait apart. */
async function startAndCheck(
  deps: DeployDeps,
  timer: PhaseTimer,
  log: BuildLog,
  started: string[],
  plan: StartPlan,
): Promise<ReplicaSet> {
  const begun = performance.now();
  let startMs = 0;
  const set = await startReplicas(
    deps.runtime,
    deps.config,
    plan.request,
    plan.replicas,
    plan.health,
    async (container, replica) => {
      started.push(container.id);
      log.write(
        `Started container ${container.id.slice(0, 12)}` +
          (plan.replicas > 1 ? ` (replica ${replica} of ${plan.replicas})` : "") +
          ` at ${container.endpoint} (published on 127.0.0.1:${container.hostPort})`,
      );
      if (replica === 1)
        await deps.prisma.deployment.update({
          where: { id: plan.request.deploymentId },
          data: { containerId: container.id, hostPort: container.hostPort },
        });
      startMs = performance.now() - begun;
    },
  );
  timer.record("start", startMs);
  timer.record("health", performance.now() - begun - startMs);
  return set;
}

/**
 * A new deployment's replicas are admitted by memory before they start, as the autoscaler's and a
 * scale by hand are: the build stays, the deployment fails with the figure that held it back, and
 * the live version keeps serving.
 */
async function admitReplicas(
  deps: DeployDeps,
  app: { id: string; memoryRequestMb: number | null },
  settings: { replicas: number; memoryMb: number },
  log: BuildLog,
): Promise<void> {
  const admission = await admitMore(deps, app, settings.memoryMb, settings.replicas);
  if (admission.heldBack)
    throw new DeployFailedError(`Can't start ${settings.replicas} replica(s): ${admission.heldBack}`);
  log.write(`Memory: room for ${settings.replicas} replica(s)`);
}

/** Old containers drain and stop (the rollback target stays warm); old images beyond retention go. */
async function afterRelease(deps: DeployDeps, appId: string, log: BuildLog): Promise<void> {
  try {
    const settled = await settleAppContainers(deps, appId, {
      drainMs: deps.config.PIER_DRAIN_MS,
      keepWarm: deps.config.PIER_WARM_DEPLOYMENTS,
    });
    if (settled.warm.length) log.write(`Kept warm for instant rollback: ${settled.warm.join(", ")}`);
    if (settled.stopped.length)
      log.write(`Stopped after a ${deps.config.PIER_DRAIN_MS} ms drain: ${settled.stopped.join(", ")}`);
    const pruned = await pruneOldDeployments(deps, appId);
    if (pruned.length)
      log.write(
        `Pruned ${pruned.length} old deployment image(s) (keeping ${deps.config.PIER_RETAIN_DEPLOYMENTS}): ` +
          pruned.map((p) => `${p.imageTag} (${p.deploymentId})`).join(", "),
      );
  } catch (error) {
    // The new version is live; leftovers are worth a warning in the log, not a failed deploy.
    log.write(`Warning: cleaning up old deployments failed: ${(error as Error).message}`);
    deps.logger.error({ err: error, appId }, "cleaning up after a release failed");
  }
}

async function removeFailedContainer(
  deps: DeployDeps,
  deploymentId: string,
  containerId: string,
  log: BuildLog,
): Promise<void> {
  try {
    await deps.runtime.removeContainer(containerId);
    await deps.prisma.deployment.updateMany({
      where: { id: deploymentId },
      data: { hostPort: null, containerId: null },
    });
    await announceRouteChange(deps.redis);
    log.write(`Removed the container of this failed deployment`);
  } catch (error) {
    log.write(`Warning: could not remove container ${containerId.slice(0, 12)}: ${(error as Error).message}`);
    deps.logger.error({ err: error, containerId }, "removing failed container");
  }
}
