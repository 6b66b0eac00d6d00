import type { PrismaClient } from "@pier/db";
import { reconcileSchedulers, removeScheduler, runSchedule } from "@pier/lifecycle";
import { scheduledDeployJob, startLoop, type Loop } from "@pier/shared";
import { type Job, type Queue, Worker } from "bullmq";
import type { Redis } from "ioredis";

/** How often the schedulers in Redis are put back in line with the DeploySchedule rows (and once at start). */
export const SCHEDULER_RECONCILE_MS = 60_000;

export interface ScheduleWorkerOptions {
  prisma: PrismaClient;
  /** The deploy queue: a run queues its deployment there. */
  deployQueue: Queue;
  /** The schedules queue (schedulesQueueName): the job schedulers live on it. */
  schedulesQueue: Queue;
  /** Connection for BullMQ's blocking commands (maxRetriesPerRequest: null). */
  connection: Redis;
  logger: {
    info(obj: object, msg: string): void;
    warn(obj: object, msg: string): void;
    error(obj: object, msg: string): void;
  };
  reconcileEveryMs?: number;
}

export interface ScheduleWorker {
  worker: Worker;
  /** The reconcile loop: `runNow()` puts the schedulers in line at once. */
  reconcile: Loop;
  close(): Promise<void>;
}

/** The cron tick a scheduler's job was made for: its id is `repeat:<scheduler id>:<tick in ms>`. */
export function tickOf(job: Job): number {
  const fromId = Number(job.id?.split(":").at(-1));
  return job.opts.prevMillis ?? (Number.isFinite(fromId) ? fromId : job.timestamp);
}

/**
 * Runs scheduled deploys: each job a scheduler adds at a tick becomes a deployment with trigger SCHEDULE, or a
 * skip when the previous scheduled one is unfinished (runSchedule). One run at a time: a run only reads the
 * database and queues a job, and two runs of an app at once could both find nothing unfinished. The reconcile
 * loop restores schedulers Redis lost and removes those whose row is gone.
 */
export function startScheduleWorker(options: ScheduleWorkerOptions): ScheduleWorker {
  const { prisma, logger, schedulesQueue } = options;
  const processor = async (job: Job) => {
    const { scheduleId } = scheduledDeployJob.payload.parse(job.data);
    const tick = tickOf(job);
    const lateMs = Date.now() - tick;
    const run = await runSchedule({ prisma, queue: options.deployQueue }, scheduleId);
    const facts = { schedule: scheduleId, tick: new Date(tick).toISOString(), lateMs };
    switch (run.kind) {
      case "gone":
        // Its row went while Redis was out of reach: the scheduler is an orphan.
        await removeScheduler(schedulesQueue, scheduleId);
        logger.warn(facts, "scheduled deploy: the schedule is gone; its scheduler was removed");
        return { outcome: "gone" };
      case "queued":
        logger.info({ ...facts, app: run.app, deploymentId: run.deploymentId }, `scheduled deploy: ${run.outcome}`);
        return { outcome: run.outcome, lateMs };
      default:
        logger.warn({ ...facts, app: run.app }, `scheduled deploy of ${run.app}: ${run.outcome}`);
        return { outcome: run.outcome, lateMs };
    }
  };
  const worker = new Worker(schedulesQueue.name, processor, { connection: options.connection, concurrency: 1 });
  worker.on("error", (error) => logger.error({ err: error }, "schedule worker error"));
  worker.on("failed", (job, error) =>
    logger.error({ err: error, schedule: job?.data?.scheduleId }, "scheduled deploy: the run failed"),
  );
  const reconcile = startLoop({
    name: "schedule reconcile",
    everyMs: options.reconcileEveryMs ?? SCHEDULER_RECONCILE_MS,
    logger,
    tick: async () => {
      const changed = await reconcileSchedulers({ prisma, queue: schedulesQueue });
      if (changed.restored.length + changed.removed.length > 0)
        logger.warn(changed, "schedule reconcile: schedulers restored from the database, or orphans removed");
    },
  });
  void reconcile.runNow();
  return {
    worker,
    reconcile,
    async close() {
      await reconcile.stop();
      await worker.close();
    },
  };
}
