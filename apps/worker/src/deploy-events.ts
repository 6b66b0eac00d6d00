import type { PrismaClient } from "@pier/db";
import { notify } from "@pier/notifications";
import { urlForLabel, type NotificationEvent, type PierConfig } from "@pier/shared";
import type { Queue } from "bullmq";

export interface DeployEventDeps {
  config: PierConfig;
  prisma: PrismaClient;
  /** The notifications queue; without it, nobody is told. */
  notifications?: Queue;
  logger: { error(obj: object, msg: string): void };
}

/**
 * Tells the notification channels that a deployment ended: READY (with its URL) or FAILED (with the
 * reason). An alert that can't be queued is logged; it never changes the deployment's outcome.
 */
export async function announceDeploymentEnd(
  deps: DeployEventDeps,
  deploymentId: string,
  outcome: "ready" | "failed",
): Promise<void> {
  if (!deps.notifications) return;
  try {
    const deployment = await deps.prisma.deployment.findUnique({
      where: { id: deploymentId },
      include: { app: { select: { id: true, name: true } } },
    });
    // The app (and its deployments with it) was deleted meanwhile: there is nobody to tell about it.
    if (!deployment?.app) return;
    const { app } = deployment;
    const commit = deployment.commitSha
      ? ` (${deployment.commitSha.slice(0, 7)}${firstLine(deployment.commitMessage)})`
      : "";
    const where = deployment.previewSlug ? `preview of ${deployment.branch}` : "production";
    await notify(
      { prisma: deps.prisma, queue: deps.notifications },
      {
        event: outcome === "ready" ? "deployment.ready" : "deployment.failed",
        app: { id: app.id, name: app.name },
        summary:
          `${app.name}: deployment ${deployment.shortId}${commit} ` +
          (outcome === "ready"
            ? `is live (${where}) at ${urlForLabel(deps.config, app.name)}`
            : `failed: ${deployment.failureReason ?? "unknown reason"}`),
        details: {
          deploymentId: deployment.id,
          shortId: deployment.shortId,
          branch: deployment.branch,
          commitSha: deployment.commitSha,
          reason: deployment.failureReason,
          preview: deployment.previewSlug !== null,
        },
        at: new Date().toISOString(),
      },
    );
  } catch (error) {
    deps.logger.error({ err: error, deploymentId }, "could not queue the deployment's notification");
  }
}

/** " <first line of the commit message>", or nothing without one. */
const firstLine = (message: string | null) => (message ? ` ${message.split("\n")[0]}` : "");

/** Tells the notification channels about `event`; one that can't be queued is logged, never thrown. */
export async function announce(deps: DeployEventDeps, event: NotificationEvent): Promise<void> {
  if (!deps.notifications) return;
  await notify({ prisma: deps.prisma, queue: deps.notifications }, event).catch((error) =>
    deps.logger.error({ err: error, event: event.event }, "could not queue an alert"),
  );
}
