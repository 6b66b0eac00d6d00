import { onDeploymentStatusChange } from "@pier/lifecycle";
import { githubReportJob, type GithubReportJobPayload } from "@pier/shared";
import type { Queue } from "bullmq";

/**
 * Queues a report to GitHub. Reports on one deployment (or pull request) share a deduplication id: while one runs,
 * the newest request waits behind it (keepLastIfActive), and one waiting absorbs later ones, so reports on the same
 * thing never run at once and a later status never overtakes an earlier one (each report sends all that's missing).
 */
export async function enqueueGithubReport(queue: Queue, payload: GithubReportJobPayload): Promise<void> {
  const id = payload.kind === "deployment" ? `deployment-${payload.deploymentId}` : `pr-${payload.pullRequestId}`;
  await queue.add(githubReportJob.name, githubReportJob.payload.parse(payload), {
    ...githubReportJob.options,
    deduplication: { id, keepLastIfActive: true },
  });
}

/**
 * Every deployment status change this process makes is reported to GitHub (through the queue: never in the way of
 * the change itself). Returns what stops it.
 */
export function reportStatusChanges(queue: Queue, logger: { warn(obj: object, msg: string): void }): () => void {
  return onDeploymentStatusChange((deploymentId) => {
    enqueueGithubReport(queue, { kind: "deployment", deploymentId }).catch((error: unknown) =>
      logger.warn({ err: error, deploymentId }, "could not queue the deployment's GitHub report"),
    );
  });
}
