import type { Deployment, PrismaClient, Trigger } from "@pier/db";
import { deployJob, randomId, SHORT_ID_LENGTH, type DeployJobPayload } from "@pier/shared";
import type { Queue } from "bullmq";
import { randomBytes } from "node:crypto";
import { announceQueued, cancelQueued, markFailed } from "./deployment-status.ts";
import { supersedeByHistory } from "./push-history.ts";

export interface DeploymentRequest {
  app: { id: string };
  trigger: Trigger;
  branch: string;
  /** Set for preview deployments (non-production branches). */
  previewSlug?: string;
  commit?: { sha: string; message: string | null; author: string | null };
  /** GitHub's X-GitHub-Delivery: a redelivery of the same id never creates a second deployment. */
  deliveryId?: string;
  /** The commit the push moved the branch from (GitHub's `before`), when it is an ancestor (not forced). */
  parentSha?: string | null;
  /** false: a staged deployment, built and started at its own URL but not made production (default true). */
  promote?: boolean;
}

export interface QueuedDeployment {
  deployment: Deployment;
  duplicate: boolean;
  superseded: string[];
  /** Why the deployment itself was cancelled at once (its commit is behind what is live or queued). */
  skipped: string | null;
}

/** The build queue (Redis) refused the job: the deployment was recorded FAILED. */
export class QueueUnavailableError extends Error {
  readonly code = "queue_unavailable";
  constructor(cause: unknown) {
    super("the build queue (Redis) is unavailable; try again shortly", { cause });
    this.name = "QueueUnavailableError";
  }
}

/**
 * Puts a recorded QUEUED deployment's job on the deploy queue (a build, or a redeploy). Redis refusing it records
 * the deployment FAILED and throws QueueUnavailableError.
 */
export async function enqueueDeployJob(
  deps: { prisma: PrismaClient; queue: Queue },
  deployment: { id: string; appId: string },
): Promise<void> {
  const payload: DeployJobPayload = deployJob.payload.parse({ deploymentId: deployment.id, appId: deployment.appId });
  try {
    await deps.queue.add(deployJob.name, payload, { ...deployJob.options, jobId: deployment.id });
  } catch (error) {
    await markFailed(deps.prisma, deployment.id, `could not enqueue the build: ${(error as Error).message}`);
    throw new QueueUnavailableError(error);
  }
  announceQueued(deployment.id);
}

/**
 * Records a QUEUED deployment and enqueues its build. A push then supersedes by history (supersedeByHistory:
 * only deployments its commit is known to descend from, and itself when it is behind); a deploy by hand is
 * meant as asked, so it cancels the branch's older queued deployments whatever their commits (a running
 * build is left to finish).
 */
export async function queueDeployment(
  deps: { prisma: PrismaClient; queue: Queue },
  request: DeploymentRequest,
): Promise<QueuedDeployment> {
  const { prisma } = deps;
  const existing = async () =>
    request.deliveryId ? prisma.deployment.findUnique({ where: { deliveryId: request.deliveryId } }) : null;
  const earlier = await existing();
  if (earlier) return { deployment: earlier, duplicate: true, superseded: [], skipped: null };
  const id = randomId(16, randomBytes);
  let deployment: Deployment;
  try {
    deployment = await prisma.deployment.create({
      data: {
        id,
        shortId: id.slice(0, SHORT_ID_LENGTH),
        appId: request.app.id,
        trigger: request.trigger,
        branch: request.branch,
        previewSlug: request.previewSlug ?? null,
        commitSha: request.commit?.sha ?? null,
        commitMessage: request.commit?.message ?? null,
        commitAuthor: request.commit?.author ?? null,
        deliveryId: request.deliveryId ?? null,
        parentSha: request.parentSha ?? null,
        promote: request.promote ?? true,
      },
    });
  } catch (error) {
    // The same delivery arriving twice at once: the unique index lets only one through.
    const again = (error as { code?: string }).code === "P2002" ? await existing() : null;
    if (again) return { deployment: again, duplicate: true, superseded: [], skipped: null };
    throw error;
  }

  // Queued first: a deployment that can't be queued (Redis down) must not cancel the ones that were.
  await enqueueDeployJob(deps, { id, appId: request.app.id });

  const superseded: string[] = [];
  let skipped: string | null = null;
  if (request.trigger === "PUSH") {
    const target = { appId: request.app.id, branch: request.branch, previewSlug: request.previewSlug ?? null };
    for (const cancelled of await supersedeByHistory(prisma, target)) {
      if (cancelled.id === id) skipped = cancelled.reason;
      else superseded.push(cancelled.id);
    }
  } else {
    const older = await prisma.deployment.findMany({
      where: {
        appId: request.app.id,
        branch: request.branch,
        status: "QUEUED",
        // A staged deploy and one going live don't supersede each other.
        promote: request.promote ?? true,
        id: { not: id },
        createdAt: { lte: deployment.createdAt },
      },
      select: { id: true },
    });
    for (const { id: olderId } of older) {
      // Only still-QUEUED rows change: one a worker claimed a moment ago keeps building.
      if (await cancelQueued(prisma, olderId, `superseded by deployment ${id}`)) superseded.push(olderId);
    }
  }
  const current = skipped ? await prisma.deployment.findUniqueOrThrow({ where: { id } }) : deployment;
  return { deployment: current, duplicate: false, superseded, skipped };
}
