import { cancelQueued, markFailed } from "@pier/lifecycle";
import type { App, Deployment, Trigger } from "@pier/db";
import { deployJob, SHORT_ID_LENGTH, type DeployJobPayload } from "@pier/shared";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { newId } from "./apps.ts";

export interface DeploymentRequest {
  app: App;
  trigger: Trigger;
  branch: string;
  /** Set for preview deployments (non-production branches). */
  previewSlug?: string;
  commit?: { sha: string; message: string; author: string };
  /** GitHub's X-GitHub-Delivery: a redelivery of the same id never creates a second deployment. */
  deliveryId?: string;
}

export interface CreatedDeployment {
  deployment: Deployment;
  duplicate: boolean;
  superseded: string[];
}

/**
 * Records a QUEUED deployment, cancels older queued ones of the same app and branch (the newest push
 * wins; a running build is left to finish), and enqueues the build.
 */
export async function createDeployment(deps: PierDeps, request: DeploymentRequest): Promise<CreatedDeployment> {
  if (request.deliveryId) {
    const existing = await deps.prisma.deployment.findUnique({ where: { deliveryId: request.deliveryId } });
    if (existing) return { deployment: existing, duplicate: true, superseded: [] };
  }
  const id = newId();
  let deployment: Deployment;
  try {
    deployment = await deps.prisma.deployment.create({
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
      },
    });
  } catch (error) {
    // The same delivery arriving twice at once: the unique index lets only one through.
    if ((error as { code?: string }).code === "P2002" && request.deliveryId) {
      const existing = await deps.prisma.deployment.findUnique({ where: { deliveryId: request.deliveryId } });
      if (existing) return { deployment: existing, duplicate: true, superseded: [] };
    }
    throw error;
  }

  // Queued first: a deployment that can't be queued (Redis down) must not cancel the ones that were.
  const payload: DeployJobPayload = deployJob.payload.parse({ deploymentId: id, appId: request.app.id });
  try {
    await deps.queue.add(deployJob.name, payload, { ...deployJob.options, jobId: id });
  } catch (error) {
    await markFailed(deps.prisma, id, `could not enqueue the build: ${(error as Error).message}`);
    throw new AppError("queue_unavailable", "the build queue (Redis) is unavailable; try again shortly");
  }

  const older = await deps.prisma.deployment.findMany({
    where: {
      appId: request.app.id,
      branch: request.branch,
      status: "QUEUED",
      id: { not: id },
      createdAt: { lte: deployment.createdAt },
    },
    select: { id: true },
  });
  const superseded: string[] = [];
  for (const { id: olderId } of older) {
    // Only still-QUEUED rows change: one a worker claimed a moment ago keeps building.
    if (await cancelQueued(deps.prisma, olderId, `superseded by deployment ${id}`)) superseded.push(olderId);
  }
  return { deployment, duplicate: false, superseded };
}
