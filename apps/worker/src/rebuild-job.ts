import { rollBackFromLostImage, settleAppContainers, type LostImageRollback } from "@pier/release";
import type { NotificationEvent, RebuildJobPayload } from "@pier/shared";
import { UnrecoverableError, type Job } from "bullmq";
import { announce } from "./deploy-events.ts";
import { DeployFailedError, isTransient } from "./errors.ts";
import { BuildLog } from "./logs/build-log.ts";
import type { DeployDeps } from "./pipeline/deploy-deps.ts";
import { rebuildLostImage } from "./pipeline/rebuild.ts";

export type RebuildOutcome = "rebuilt" | "skipped";

/**
 * Runs one rebuild job (the caller holds the app's build lock): the image built again and announced
 * (image.rebuilt), or, when that can't be done, production rolled back to the newest earlier deployment whose
 * image exists and that announced (image.rebuild_failed), and the job failed so it is not asked for again.
 * Transient failures are retried as a deploy's are. Every step is written to the deployment's log.
 */
export async function runRebuildJob(deps: DeployDeps, job: Job, payload: RebuildJobPayload): Promise<RebuildOutcome> {
  const log = new BuildLog(deps.prisma, payload.deploymentId);
  try {
    const result = await rebuildLostImage(deps, payload, log);
    if (result.outcome === "skipped") {
      deps.logger.info({ deploymentId: payload.deploymentId }, `no rebuild needed: ${result.why}`);
      return "skipped";
    }
    const about = await deploymentAbout(deps, payload.deploymentId);
    if (about)
      await announce(
        deps,
        rebuildEvent("image.rebuilt", about, {
          summary:
            `the image of deployment ${about.shortId} was built again from commit ${about.commit} ` +
            `in ${(result.ms / 1000).toFixed(1)} s; its replicas start from it`,
          details: { imageId: result.imageId, imageTag: result.imageTag, lostImageId: payload.lostImageId },
        }),
      );
    return "rebuilt";
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const attempts = job.opts.attempts ?? 1;
    if (isTransient(error) && job.attemptsMade + 1 < attempts) {
      log.write(`Rebuild: transient failure (attempt ${job.attemptsMade + 1} of ${attempts}), will retry: ${message}`);
      throw error;
    }
    const crashed = !(error instanceof DeployFailedError) && !isTransient(error);
    if (crashed) deps.logger.error({ err: error, deploymentId: payload.deploymentId }, "rebuild crashed");
    const reason =
      error instanceof DeployFailedError
        ? error.reason
        : crashed
          ? `internal error: ${message}`
          : `${message} (gave up after ${attempts} attempts)`;
    await giveUpRebuild(deps, payload, reason, log);
    throw new UnrecoverableError(reason);
  } finally {
    await log
      .close()
      .catch((error) =>
        deps.logger.error({ err: error, deploymentId: payload.deploymentId }, "the rebuild's log was not all written"),
      );
  }
}

/** A rebuild job whose worker died twice in a row (killed, out of memory): it ends as a failed rebuild. */
export async function endStalledRebuild(deps: DeployDeps, payload: RebuildJobPayload): Promise<void> {
  const log = new BuildLog(deps.prisma, payload.deploymentId);
  try {
    await giveUpRebuild(
      deps,
      payload,
      "the worker running the rebuild stopped twice in a row (killed or crashed)",
      log,
    );
  } finally {
    await log.close();
  }
}

/**
 * The image can't be built again: said in the deployment's log, production rolled back automatically when an
 * earlier deployment's image exists, and the channels told which came of it.
 */
async function giveUpRebuild(
  deps: DeployDeps,
  payload: RebuildJobPayload,
  reason: string,
  log: BuildLog,
): Promise<void> {
  log.write(`Rebuild failed: ${reason}`);
  const about = await deploymentAbout(deps, payload.deploymentId);
  if (!about) return;
  const why = `the image of deployment ${about.shortId} is gone and could not be built again: ${reason}`;
  let then: string;
  let rollback: LostImageRollback | null = null;
  try {
    rollback = await rollBackFromLostImage(deps, payload.deploymentId, why, (line) => log.write(line));
    then = afterRollback(rollback);
  } catch (error) {
    then = `rolling back to an earlier deployment failed too: ${(error as Error).message}`;
    deps.logger.error({ err: error, deploymentId: payload.deploymentId }, "automatic rollback failed");
  }
  log.write(`${then[0]!.toUpperCase()}${then.slice(1)}`);
  await announce(
    deps,
    rebuildEvent("image.rebuild_failed", about, {
      summary: `${why}; ${then}`,
      details: {
        reason,
        lostImageId: payload.lostImageId,
        rolledBackTo: rollback?.outcome === "rolled_back" ? rollback.target.id : null,
        release: rollback?.outcome === "rolled_back" ? rollback.version : null,
      },
    }),
  );
  if (rollback?.outcome === "rolled_back") {
    // As after any release: what no longer serves drains and stops (the lost deployment has nothing running).
    await settleAppContainers(deps, about.app.id, {
      drainMs: deps.config.PIER_DRAIN_MS,
      keepWarm: deps.config.PIER_WARM_DEPLOYMENTS,
    }).catch((error) => log.write(`Warning: stopping old containers after the rollback failed: ${error.message}`));
  }
}

function afterRollback(rollback: LostImageRollback): string {
  if (rollback.outcome === "not_production") return "it is no longer production, so nothing was rolled back";
  if (rollback.outcome === "no_earlier_image")
    return "no earlier deployment of the app has its image on this machine: production stays down until a deploy";
  return (
    `rolled back automatically to deployment ${rollback.target.shortId} (release v${rollback.version}, cause auto)` +
    (rollback.routed ? "" : "; no router confirmed it yet")
  );
}

interface DeploymentAbout {
  id: string;
  shortId: string;
  commit: string;
  commitSha: string | null;
  app: { id: string; name: string };
}

async function deploymentAbout(deps: DeployDeps, deploymentId: string): Promise<DeploymentAbout | null> {
  const deployment = await deps.prisma.deployment.findUnique({
    where: { id: deploymentId },
    include: { app: { select: { id: true, name: true } } },
  });
  if (!deployment) return null;
  const { id, shortId, commitSha, app } = deployment;
  return { id, shortId, commitSha, commit: commitSha?.slice(0, 12) ?? "(none recorded)", app };
}

function rebuildEvent(
  event: "image.rebuilt" | "image.rebuild_failed",
  about: DeploymentAbout,
  told: { summary: string; details: Record<string, unknown> },
): NotificationEvent {
  return {
    event,
    app: about.app,
    summary: `${about.app.name}: ${told.summary}`,
    details: { deploymentId: about.id, shortId: about.shortId, commitSha: about.commitSha, ...told.details },
    at: new Date().toISOString(),
  };
}
