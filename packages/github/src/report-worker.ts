import { githubReportJob, type GithubReportJobPayload } from "@pier/shared";
import { UnrecoverableError, Worker, type Job, type Queue } from "bullmq";
import type { Redis } from "ioredis";
import { reportDeployment, type GithubReportDeps, type ReportOutcome } from "./deployment-report.ts";
import { reportPullRequest } from "./pull-request-comment.ts";
import { enqueueGithubReport } from "./report-queue.ts";

/** Reports wait on GitHub, not the CPU. */
const DEFAULT_CONCURRENCY = 10;

export interface GithubReportLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface GithubReportWorkerOptions extends GithubReportDeps {
  /** Connection for BullMQ's blocking commands (maxRetriesPerRequest: null). */
  connection: Redis;
  /** The GitHub queue (githubQueueName(config.PIER_QUEUE_NAME)): reports it holds run here, follow-ups go to it. */
  queue: Queue;
  logger: GithubReportLogger;
  concurrency?: number;
}

/**
 * The BullMQ worker that tells GitHub: deployments and their statuses, and pull-request comments. A GitHub outage
 * fails the attempt (GithubUnavailableError) and BullMQ tries again with back-off; a refusal (GithubRefusedError)
 * ends the job. A preview deployment's report is followed by its branch's open pull requests' comments.
 */
export function createGithubReportWorker(options: GithubReportWorkerOptions): Worker {
  const { prisma, logger, queue } = options;

  const processor = async (job: Job): Promise<ReportOutcome> => {
    const parsed = githubReportJob.payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid GitHub report payload: ${parsed.error.message}`);
    const payload: GithubReportJobPayload = parsed.data;
    if (payload.kind === "pull-request") return reportPullRequest(options, payload.pullRequestId);
    const outcome = await reportDeployment(options, payload.deploymentId);
    const deployment = await prisma.deployment.findUnique({
      where: { id: payload.deploymentId },
      select: { appId: true, branch: true, previewSlug: true },
    });
    if (deployment?.previewSlug) {
      const prs = await prisma.githubPullRequest.findMany({
        where: { appId: deployment.appId, branch: deployment.branch, open: true },
        select: { id: true },
      });
      for (const pr of prs) await enqueueGithubReport(queue, { kind: "pull-request", pullRequestId: pr.id });
    }
    return outcome;
  };

  const worker = new Worker(queue.name, processor, {
    connection: options.connection,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  });
  worker.on("error", (error) => logger.error({ err: error }, "GitHub report worker error"));
  worker.on("failed", (job, error) => {
    if (!job) return;
    const exhausted = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
    const facts = { job: job.data as object, attempts: job.attemptsMade, err: error };
    if (exhausted) logger.warn(facts, "GitHub report failed for good");
    else logger.info(facts, "GitHub report failed; it is tried again");
  });
  return worker;
}
