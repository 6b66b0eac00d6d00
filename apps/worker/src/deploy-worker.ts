import { releaseLockOf, tryLock } from "@pier/redis";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { deployJob, LABELS, rebuildJob } from "@pier/shared";
import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { DeployFailedError, isTransient } from "./errors.ts";
import { BuildLog } from "./logs/build-log.ts";
import { markFailed, requeue } from "@pier/lifecycle";
import { announceDeploymentEnd } from "./deploy-events.ts";
import { PhaseTimer } from "./pipeline/phase-timer.ts";
import { runDeployment, type DeployDeps, type DeployOutcome } from "./pipeline/deploy.ts";
import { endStalledRebuild, runRebuildJob, type RebuildOutcome } from "./rebuild-job.ts";

/** How long a job waits before looking again when another build of the same app is running. */
const APP_BUSY_RETRY_MS = 200;

export interface DeployWorkerOptions extends DeployDeps {
  queueName: string;
  /** Connection for BullMQ's blocking commands (maxRetriesPerRequest: null). */
  connection: Redis;
  concurrency: number;
  /** false: take no jobs (a test platform whose builds a separate worker process runs). */
  autorun?: boolean;
}

/**
 * The BullMQ worker that runs the deploy queue's jobs: deploys, and rebuilds of a lost production image. One
 * build at a time per app (a rebuild takes the app's build lock too), `concurrency` in all.
 */
export function createDeployWorker(options: DeployWorkerOptions): Worker {
  const deps: DeployDeps = options;
  /** The app's build lock, or the job put back for APP_BUSY_RETRY_MS (DelayedError) while another build holds it. */
  const takeAppLock = async (job: Job, token: string | undefined, appId: string) => {
    // An earlier attempt of this very job holds the lock only if its worker died (BullMQ handed the job
    // on): take it over instead of waiting for it to expire.
    const lock = await tryLock(
      options.redis,
      appLockKey(options.queueName, appId),
      `${job.id}:${token}`,
      undefined,
      `${job.id}:`,
    );
    if (lock) return lock;
    await job.moveToDelayed(Date.now() + APP_BUSY_RETRY_MS, token);
    throw new DelayedError();
  };
  const rebuild = async (job: Job, token?: string): Promise<RebuildOutcome> => {
    const payload = rebuildJob.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid rebuild job payload: ${payload.error.message}`);
    const lock = await takeAppLock(job, token, payload.data.appId);
    try {
      return await runRebuildJob(deps, job, payload.data);
    } finally {
      await lock.release();
    }
  };
  const deploy = async (job: Job, token?: string): Promise<DeployOutcome> => {
    const payload = deployJob.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid deploy job payload: ${payload.error.message}`);
    const { deploymentId, appId } = payload.data;
    const lock = await takeAppLock(job, token, appId);
    const log = new BuildLog(deps.prisma, deploymentId);
    const timer = new PhaseTimer();
    let afterRelease: (() => Promise<void>) | undefined;
    try {
      const result = await runDeployment(deps, deploymentId, log, timer);
      afterRelease = result.afterRelease;
      if (result.outcome === "ready") await announceDeploymentEnd(deps, deploymentId, "ready");
      return result.outcome;
    } catch (error) {
      await recordFailure(deps, job, deploymentId, error, log, timer).catch((recordError) => {
        // The database is out of reach too (it usually is, when it caused the failure). The error below
        // still decides: a transient one is retried, and that attempt takes the deployment up again;
        // any other leaves it to the controller, which ends deployments whose job has ended.
        deps.logger.error({ err: recordError, deploymentId }, "could not record how this deploy attempt ended");
      });
      throw error instanceof DeployFailedError || isTransient(error)
        ? error
        : new UnrecoverableError((error as Error).message);
    } finally {
      // The next deploy of this app may start now: draining and stopping old containers happens beside it.
      await lock.release();
      try {
        await afterRelease?.();
      } finally {
        // Lines the database never took are reported here; the attempt's outcome stands either way.
        await log
          .close()
          .catch((error) =>
            deps.logger.error({ err: error, deploymentId }, "the end of the build log was not written"),
          );
      }
    }
  };
  const processor = (job: Job, token?: string) => (job.name === rebuildJob.name ? rebuild : deploy)(job, token);
  const worker = new Worker(options.queueName, processor, {
    connection: options.connection,
    concurrency: options.concurrency,
    // Builds can take minutes; the lock is renewed while the processor runs. A worker that dies holds its
    // jobs until the lock runs out; the stalled check then hands them to another worker (once: a job whose
    // worker dies twice fails, see endStalledJob).
    lockDuration: options.config.PIER_JOB_LOCK_MS,
    stalledInterval: Math.max(1_000, Math.round(options.config.PIER_JOB_LOCK_MS / 2)),
    maxStalledCount: 1,
    autorun: options.autorun ?? true,
  });
  worker.on("error", (error) => deps.logger.error({ err: error }, "deploy worker error"));
  worker.on("failed", (job, error) => {
    if (job && STALLED_TOO_OFTEN.test(error.message)) {
      void endStalledJob(options, job).catch((endError) =>
        deps.logger.error({ err: endError, jobId: job.id }, "could not end a deployment whose worker died twice"),
      );
    }
  });
  return worker;
}

const appLockKey = (queueName: string, appId: string) => `${queueName}:app-lock:${appId}`;
/** BullMQ's reason for a job whose worker died (lost its lock) more often than maxStalledCount allows. */
const STALLED_TOO_OFTEN = /stalled more than allowable limit/;

/**
 * A job BullMQ failed without running it: its worker died twice in a row (killed, out of memory). The
 * deployment ends FAILED saying so (a rebuild ends as a failed rebuild: its deployment is live), and what the
 * dead attempts left goes: their containers (never a live one), work directories, and the app's build lock.
 */
async function endStalledJob(options: DeployWorkerOptions, job: Job): Promise<void> {
  const rebuilding = job.name === rebuildJob.name;
  const payload = (rebuilding ? rebuildJob : deployJob).payload.safeParse(job.data);
  if (!payload.success) return;
  const { deploymentId, appId } = payload.data;
  const deployment = await options.prisma.deployment.findUnique({
    where: { id: deploymentId },
    include: { app: { select: { name: true, productionDeploymentId: true } } },
  });
  if (!deployment) return;
  const reason = "the worker running this deployment stopped twice in a row (killed or crashed); deploy again to retry";
  if (!rebuilding && deployment.app.productionDeploymentId !== deploymentId) {
    for (const container of await options.runtime.listContainers(
      { [LABELS.managed]: "true", [LABELS.deployment]: deploymentId },
      { all: true },
    ))
      await options.runtime.removeContainer(container.id);
  }
  const dirs = (await readdir(options.config.PIER_WORK_DIR).catch(() => [] as string[])).filter((d) =>
    d.startsWith(`${deployment.app.name}-${deployment.shortId}-`),
  );
  for (const dir of dirs) await rm(path.join(options.config.PIER_WORK_DIR, dir), { recursive: true, force: true });
  await releaseLockOf(options.redis, appLockKey(options.queueName, appId), `${job.id}:`);
  // A rebuild's deployment stays READY (it is live): its end is a failed rebuild, not a failed deployment.
  if (rebuilding) return endStalledRebuild(options, rebuildJob.payload.parse(job.data));
  const log = new BuildLog(options.prisma, deploymentId);
  log.write(`Deployment failed: ${reason}`);
  await log.close();
  if (await markFailed(options.prisma, deploymentId, reason))
    await announceDeploymentEnd(options, deploymentId, "failed");
}

/** Writes what went wrong where users look: the deployment's status, reason and log. */
async function recordFailure(
  deps: DeployDeps,
  job: Job,
  deploymentId: string,
  error: unknown,
  log: BuildLog,
  timer: PhaseTimer,
): Promise<void> {
  const outcome = failureOutcome(job, error);
  if (outcome.crashed) deps.logger.error({ err: error, deploymentId }, "deploy crashed");
  log.write(outcome.logLine);
  if (timer.summary()) log.write(`Timings: ${timer.summary()}`);
  // The log is complete before the status says the attempt has ended; a log that can't be written must
  // not leave the deployment looking alive, so the status is recorded regardless.
  await log
    .flush()
    .catch((flushError) =>
      deps.logger.error(
        { err: flushError, deploymentId },
        "could not write the end of the build log; recording the failure anyway",
      ),
    );
  if (outcome.retry) await requeue(deps.prisma, deploymentId);
  else if (await markFailed(deps.prisma, deploymentId, outcome.reason, timer.toJSON()))
    await announceDeploymentEnd(deps, deploymentId, "failed");
}

function failureOutcome(
  job: Job,
  error: unknown,
): { retry: boolean; reason: string; logLine: string; crashed: boolean } {
  const message = error instanceof Error ? error.message : String(error);
  if (isTransient(error)) {
    const attempts = job.opts.attempts ?? 1;
    if (job.attemptsMade + 1 < attempts) {
      return {
        retry: true,
        reason: message,
        crashed: false,
        logLine: `Transient failure (attempt ${job.attemptsMade + 1} of ${attempts}), will retry: ${message}`,
      };
    }
    const reason = `${message} (gave up after ${attempts} attempts)`;
    return { retry: false, reason, crashed: false, logLine: `Deployment failed: ${reason}` };
  }
  const crashed = !(error instanceof DeployFailedError);
  const reason = crashed ? `internal error: ${message}` : (error as DeployFailedError).reason;
  return { retry: false, reason, crashed, logLine: `Deployment failed: ${reason}` };
}
