import { tryLock } from "@pier/release";
import { RuntimeUnavailableError } from "@pier/runtime";
import { deployJob } from "@pier/shared";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { DeployFailedError, TransientError } from "./errors.ts";
import { BuildLog } from "./logs/build-log.ts";
import { markFailed, requeue } from "@pier/lifecycle";
import { announceDeploymentEnd } from "./deploy-events.ts";
import { PhaseTimer } from "./pipeline/phase-timer.ts";
import { runDeployment, type DeployDeps, type DeployOutcome } from "./pipeline/deploy.ts";

/** How long a job waits before looking again when another build of the same app is running. */
const APP_BUSY_RETRY_MS = 200;

export interface DeployWorkerOptions extends DeployDeps {
  queueName: string;
  /** Connection for BullMQ's blocking commands (maxRetriesPerRequest: null). */
  connection: Redis;
  concurrency: number;
}

function isTransient(error: unknown): boolean {
  return error instanceof TransientError || error instanceof RuntimeUnavailableError;
}

/** The BullMQ worker that runs deploy jobs: one build at a time per app, `concurrency` in all. */
export function createDeployWorker(options: DeployWorkerOptions): Worker {
  const deps: DeployDeps = options;
  const processor = async (job: Job, token?: string): Promise<DeployOutcome> => {
    const payload = deployJob.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid deploy job payload: ${payload.error.message}`);
    const { deploymentId, appId } = payload.data;

    const lock = await tryLock(options.redis, `${options.queueName}:app-lock:${appId}`, `${job.id}:${token}`);
    if (!lock) {
      await job.moveToDelayed(Date.now() + APP_BUSY_RETRY_MS, token);
      throw new DelayedError();
    }
    const log = new BuildLog(deps.prisma, deploymentId);
    const timer = new PhaseTimer();
    let afterRelease: (() => Promise<void>) | undefined;
    try {
      const result = await runDeployment(deps, deploymentId, log, timer);
      afterRelease = result.afterRelease;
      if (result.outcome === "ready") await announceDeploymentEnd(deps, deploymentId, "ready");
      return result.outcome;
    } catch (error) {
      await recordFailure(deps, job, deploymentId, error, log, timer);
      throw error instanceof DeployFailedError || isTransient(error) ? error : new UnrecoverableError((error as Error).message);
    } finally {
      // The next deploy of this app may start now: draining and stopping old containers happens beside it.
      await lock.release();
      try {
        await afterRelease?.();
      } finally {
        await log.close();
      }
    }
  };
  const worker = new Worker(options.queueName, processor, {
    connection: options.connection,
    concurrency: options.concurrency,
    // Builds can take minutes; the lock is renewed while the processor runs.
    lockDuration: 60_000,
  });
  worker.on("error", (error) => deps.logger.error({ err: error }, "deploy worker error"));
  return worker;
}

/** Writes what went wrong where users look: the deployment's status, reason and log. */
async function recordFailure(deps: DeployDeps, job: Job, deploymentId: string, error: unknown, log: BuildLog, timer: PhaseTimer): Promise<void> {
  const outcome = failureOutcome(job, error);
  if (outcome.crashed) deps.logger.error({ err: error, deploymentId }, "deploy crashed");
  log.write(outcome.logLine);
  if (timer.summary()) log.write(`Timings: ${timer.summary()}`);
  // The log is complete before the status says the attempt has ended; a log that can't be written must
  // not leave the deployment looking alive, so the status is recorded regardless.
  await log.flush().catch((flushError) => deps.logger.error({ err: flushError, deploymentId }, "could not write the end of the build log; recording the failure anyway"));
  if (outcome.retry) await requeue(deps.prisma, deploymentId);
  else if (await markFailed(deps.prisma, deploymentId, outcome.reason, timer.toJSON())) await announceDeploymentEnd(deps, deploymentId, "failed");
}

function failureOutcome(job: Job, error: unknown): { retry: boolean; reason: string; logLine: string; crashed: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  if (isTransient(error)) {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 < attempts) {
      return { retry: true, reason: message, crashed: false, logLine: `Transient failure (attempt ${job.attemptsMade + 1} of ${attempts}), will retry: ${message}` };
    }
    const reason = `${message} (gave up after ${attempts} attempts)`;
    return { retry: false, reason, crashed: false, logLine: `Deployment failed: ${reason}` };
  }
  const crashed = !(error instanceof DeployFailedError);
  const reason = crashed ? `internal error: ${message}` : (error as DeployFailedError).reason;
  return { retry: false, reason, crashed, logLine: `Deployment failed: ${reason}` };
}
