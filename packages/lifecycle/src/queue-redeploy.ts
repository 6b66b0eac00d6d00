import type { Deployment, PrismaClient, Trigger } from "@pier/db";
import { randomId, SHORT_ID_LENGTH } from "@pier/shared";
import type { Queue } from "bullmq";
import { randomBytes } from "node:crypto";
import { enqueueDeployJob } from "./queue-deployment.ts";

export interface QueuedRedeploy {
  deployment: Deployment;
  /** The production deployment whose image it starts again. */
  source: Deployment;
  /** A redeploy of the same production was already queued: that one is answered (it freezes env when it runs). */
  duplicate: boolean;
}

/** Why an app can't be redeployed: nothing live, or production's image is gone. */
export class RedeployRefusedError extends Error {
  readonly code = "redeploy_refused";
  constructor(
    message: string,
    readonly reason: "no_production" | "image_pruned",
  ) {
    super(message);
    this.name = "RedeployRefusedError";
  }
}

/**
 * Records a QUEUED redeploy of the app's production deployment and enqueues it: the worker starts production's
 * image again with the app's env vars and resource settings of the moment, no clone and no build, and switches
 * production to it as a deploy does (a REDEPLOY release). Its branch and commit are production's. It cancels
 * nothing: a build queued meanwhile is newer code and still goes out after it. Throws RedeployRefusedError when
 * the app has no production deployment or its image was pruned, QueueUnavailableError when Redis refuses the job.
 */
export async function queueRedeploy(
  deps: { prisma: PrismaClient; queue: Queue },
  request: { app: { id: string }; trigger: Trigger },
): Promise<QueuedRedeploy> {
  const { prisma } = deps;
  const app = await prisma.app.findUniqueOrThrow({
    where: { id: request.app.id },
    select: { name: true, productionDeploymentId: true },
  });
  const source = app.productionDeploymentId
    ? await prisma.deployment.findUnique({ where: { id: app.productionDeploymentId } })
    : null;
  if (!source)
    throw new RedeployRefusedError(
      `${app.name} has no production deployment to redeploy yet: deploy it first (pier deploy ${app.name})`,
      "no_production",
    );
  if (!source.imageId || source.imagePrunedAt)
    throw new RedeployRefusedError(
      `the image of ${app.name}'s production deployment ${source.shortId} was pruned, so it can't start again ` +
        `without a build: deploy again instead (pier deploy ${app.name})`,
      "image_pruned",
    );
  const queued = await prisma.deployment.findFirst({
    where: { appId: request.app.id, redeployOfId: source.id, status: "QUEUED" },
    orderBy: { createdAt: "desc" },
  });
  if (queued) return { deployment: queued, source, duplicate: true };

  const id = randomId(16, randomBytes);
  const deployment = await prisma.deployment.create({
    data: {
      id,
      shortId: id.slice(0, SHORT_ID_LENGTH),
      appId: request.app.id,
      trigger: request.trigger,
      branch: source.branch,
      commitSha: source.commitSha,
      commitMessage: source.commitMessage,
      commitAuthor: source.commitAuthor,
      commitAuthorEmail: source.commitAuthorEmail,
      committedAt: source.committedAt,
      redeployOfId: source.id,
    },
  });
  await enqueueDeployJob(deps, deployment);
  return { deployment, source, duplicate: false };
}
