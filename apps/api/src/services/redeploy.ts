import type { App, Deployment, Trigger } from "@pier/db";
import { queueRedeploy, QueueUnavailableError, RedeployRefusedError } from "@pier/lifecycle";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { findAppByName } from "./apps.ts";

/** A redeploy queued (production's image again, no build), and what to tell whoever asked. */
export interface QueuedAppRedeploy {
  app: App;
  deployment: Deployment;
  source: Deployment;
  message: string;
}

/**
 * Queues a redeploy of the app's production (@pier/lifecycle's queueRedeploy): its image starts again with the
 * app's env vars and resources of now, no clone and no build. Refused (409) when nothing is live or production's
 * image is gone (pruned, or missing from the engine): then only a deploy brings it back.
 */
export async function redeployApp(deps: PierDeps, name: string, trigger: Trigger): Promise<QueuedAppRedeploy> {
  const app = await findAppByName(deps.prisma, name);
  const live = app.productionDeploymentId
    ? await deps.prisma.deployment.findUnique({ where: { id: app.productionDeploymentId } })
    : null;
  // The engine is asked here too, so a lost image is a clear 409 now rather than a failed deployment later.
  if (live?.imageId && !live.imagePrunedAt && !(await deps.runtime.imageExists(live.imageId)))
    throw new AppError(
      "image_pruned",
      `the image of ${name}'s production deployment ${live.shortId} is gone from the engine, so it can't start ` +
        `again without a build: deploy again instead (pier deploy ${name})`,
      "name",
    );
  try {
    const queued = await queueRedeploy(deps, { app, trigger });
    const { deployment, source } = queued;
    const message = queued.duplicate
      ? `A redeploy of production ${source.shortId} was already queued: deployment ${deployment.shortId}`
      : `Redeploying production ${source.shortId} (image ${source.imageTag}, no build) with the current env vars ` +
        `and settings as deployment ${deployment.shortId}`;
    return { app, deployment, source, message };
  } catch (error) {
    if (error instanceof RedeployRefusedError)
      throw new AppError(error.reason === "image_pruned" ? "image_pruned" : "conflict", error.message, "name");
    if (error instanceof QueueUnavailableError) throw new AppError("queue_unavailable", error.message);
    throw error;
  }
}
