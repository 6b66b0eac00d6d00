import type { PrismaClient } from "@pier/db";
import { endRebuilding, markRebuilding, type ReconcileOutcome } from "@pier/release";
import type { ContainerRuntime } from "@pier/runtime";
import { rebuildJob, rebuildJobId, type NotificationEvent } from "@pier/shared";
import type { Queue } from "bullmq";
import { LIVE_JOB_STATES } from "./stuck-deployments.ts";

/**
 * A production replica can't start because its deployment's image is gone from the engine (IMAGE_MISSING: data
 * lost, pruned by hand, a new machine): the worker is asked to build that image again from the deployment's
 * recorded commit and settings, once per lost image, and the deployment's IMAGE_MISSING replicas show REBUILDING
 * (not counted against the app) until the rebuilt image is there. Returns the alert when the rebuild is asked for
 * now. A rebuild still queued or running is only shown again; one that failed is not asked for again (the worker
 * said why, and rolled back when it could): its replicas stay IMAGE_MISSING until a deploy. REBUILDING replicas are
 * looked at too, so a rebuild job that was lost (Redis emptied) is asked for again rather than waited for forever.
 */
export async function requestImageRebuild(
  deps: { prisma: PrismaClient; runtime: ContainerRuntime; queue: Queue },
  app: { id: string; name: string },
  outcome: ReconcileOutcome,
  now = new Date(),
): Promise<NotificationEvent[]> {
  const blocked = outcome.blockedByInfra.find((b) => b.phase === "IMAGE_MISSING" || b.phase === "REBUILDING");
  if (!blocked) return [];
  // Read again, not taken from the pass: a rebuild that ended since points the deployment at its new image.
  const found = await deps.prisma.app.findUnique({ where: { id: app.id }, include: { productionDeployment: true } });
  const live = found?.productionDeployment;
  // The image is there (rebuilt, or put back by hand): the replicas start from it on their next try.
  if (!live?.imageId || (await deps.runtime.imageExists(live.imageId))) return [];
  const reason =
    blocked.phase === "IMAGE_MISSING" && blocked.reason ? blocked.reason : `image ${live.imageTag} is gone`;
  const commit = live.commitSha?.slice(0, 12) ?? "(none recorded)";
  const shown = `rebuilding the image from commit ${commit}: ${reason}`;

  const jobId = rebuildJobId(live.id, live.imageId);
  const asked = await deps.queue.getJob(jobId);
  const state = asked ? await asked.getState() : null;
  if (state === "failed") {
    // The worker put its replicas back to IMAGE_MISSING; this catches a worker that died before it could.
    await endRebuilding(deps.prisma, live.id, `building the image again failed: ${asked?.failedReason}`, now);
    return [];
  }
  if (state && LIVE_JOB_STATES.has(state)) {
    await markRebuilding(deps.prisma, live.id, shown, now);
    return [];
  }
  // Completed, yet the same image is missing again (it was back when the worker looked, and is gone again), or
  // no job at all: a new loss, so a new rebuild.
  if (asked) await asked.remove();
  const payload = rebuildJob.payload.parse({
    deploymentId: live.id,
    appId: app.id,
    lostImageId: live.imageId,
    reason,
  });
  await deps.queue.add(rebuildJob.name, payload, { ...rebuildJob.options, jobId });
  await markRebuilding(deps.prisma, live.id, shown, now);
  return [
    {
      event: "image.rebuilding",
      app: { id: app.id, name: app.name },
      summary:
        `${app.name}: the image of deployment ${live.shortId} (${live.imageTag ?? live.imageId}) is missing; ` +
        `Pier is building it again from commit ${commit} with the settings it was deployed with`,
      details: {
        deploymentId: live.id,
        shortId: live.shortId,
        commitSha: live.commitSha,
        imageTag: live.imageTag,
        lostImageId: live.imageId,
        reason,
      },
      at: now.toISOString(),
    },
  ];
}
