import type { DeploySchedule, PrismaClient } from "@pier/db";
import { scheduledDeployJob } from "@pier/shared";
import type { Queue } from "bullmq";

type ScheduleTiming = Pick<DeploySchedule, "id" | "cron" | "timezone">;

/**
 * Puts a schedule's BullMQ job scheduler (same id as the row) on the schedules queue, or brings it in line with
 * the row: it adds a `scheduled-deploy` job at each tick of the cron, read in the row's time zone.
 */
export async function upsertScheduler(queue: Queue, schedule: ScheduleTiming): Promise<void> {
  await queue.upsertJobScheduler(
    schedule.id,
    { pattern: schedule.cron, tz: schedule.timezone },
    {
      name: scheduledDeployJob.name,
      data: scheduledDeployJob.payload.parse({ scheduleId: schedule.id }),
      opts: scheduledDeployJob.options,
    },
  );
}

/** Removes a schedule's job scheduler and its next job (nothing when there is none). */
export async function removeScheduler(queue: Queue, scheduleId: string): Promise<void> {
  await queue.removeJobScheduler(scheduleId);
}

/** What a reconcile changed in Redis. */
export interface SchedulerReconcile {
  /** Rows whose scheduler was missing or differed (Redis lost it, or an upsert never made it). */
  restored: string[];
  /** Schedulers without a row (a schedule or app deleted while Redis was out of reach). */
  removed: string[];
}

/**
 * Makes the schedulers on the schedules queue match the DeploySchedule rows: the rows are the truth, Redis is
 * not durable. The schedulers are read before the rows: the API writes a row before its scheduler, so a scheduler
 * seen here has its row in the later read, and a schedule created meanwhile is never taken for an orphan.
 */
export async function reconcileSchedulers(deps: { prisma: PrismaClient; queue: Queue }): Promise<SchedulerReconcile> {
  const schedulers = await deps.queue.getJobSchedulers(0, -1);
  const rows = await deps.prisma.deploySchedule.findMany({ select: { id: true, cron: true, timezone: true } });
  const inRedis = new Map(schedulers.map((s) => [s.key, s]));
  const restored: string[] = [];
  for (const row of rows) {
    const scheduler = inRedis.get(row.id);
    if (scheduler && scheduler.pattern === row.cron && (scheduler.tz ?? "UTC") === row.timezone) continue;
    await upsertScheduler(deps.queue, row);
    restored.push(row.id);
  }
  const known = new Set(rows.map((r) => r.id));
  const removed: string[] = [];
  for (const scheduler of schedulers) {
    if (known.has(scheduler.key)) continue;
    await removeScheduler(deps.queue, scheduler.key);
    removed.push(scheduler.key);
  }
  return { restored, removed };
}
