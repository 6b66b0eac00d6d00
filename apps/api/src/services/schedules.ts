import type { DeploySchedule } from "@pier/db";
import { nextRuns, removeScheduler, upsertScheduler } from "@pier/lifecycle";
import { randomId } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { NEXT_RUNS_SHOWN, SCHEDULES_PER_APP, type scheduleDto } from "../schemas/schedule.ts";

export type ScheduleDto = z.infer<typeof scheduleDto>;
export type ScheduleInput = { cron: string; timezone: string; action: "deploy" | "redeploy" };
type ScheduleDeps = Pick<PierDeps, "prisma" | "schedules"> & { log: { warn(obj: object, msg: string): void } };

export function toScheduleDto(schedule: DeploySchedule, now = new Date()): ScheduleDto {
  return {
    id: schedule.id,
    cron: schedule.cron,
    timezone: schedule.timezone,
    action: schedule.action === "REDEPLOY" ? "redeploy" : "deploy",
    createdAt: schedule.createdAt.toISOString(),
    nextRuns: nextRuns(schedule.cron, schedule.timezone, NEXT_RUNS_SHOWN, now).map((d) => d.toISOString()),
    lastRunAt: schedule.lastRunAt?.toISOString() ?? null,
    lastOutcome: schedule.lastOutcome,
    lastDeploymentId: schedule.lastDeploymentId,
  };
}

/** An app's schedules, oldest first. */
export async function listSchedules(deps: Pick<PierDeps, "prisma">, appId: string): Promise<ScheduleDto[]> {
  const rows = await deps.prisma.deploySchedule.findMany({ where: { appId }, orderBy: { createdAt: "asc" } });
  const now = new Date();
  return rows.map((row) => toScheduleDto(row, now));
}

/**
 * Records a schedule (already checked by the request schema), then its job scheduler: the row comes first, so the
 * worker's reconcile never takes the scheduler for an orphan. Redis refusing the scheduler takes the row back (503).
 */
export async function createSchedule(
  deps: ScheduleDeps,
  app: { id: string; name: string },
  input: ScheduleInput,
): Promise<ScheduleDto> {
  const count = await deps.prisma.deploySchedule.count({ where: { appId: app.id } });
  if (count >= SCHEDULES_PER_APP)
    throw new AppError(
      "conflict",
      `${app.name} has ${count} schedules, the most an app may have: remove one first (pier schedules rm)`,
    );
  const schedule = await deps.prisma.deploySchedule.create({
    data: {
      id: randomId(12, randomBytes),
      appId: app.id,
      cron: input.cron.trim(),
      timezone: input.timezone,
      action: input.action === "redeploy" ? "REDEPLOY" : "DEPLOY",
    },
  });
  try {
    await upsertScheduler(deps.schedules, schedule);
  } catch (error) {
    await deps.prisma.deploySchedule.delete({ where: { id: schedule.id } });
    throw new AppError("queue_unavailable", `the schedule could not be set in Redis: ${(error as Error).message}`);
  }
  return toScheduleDto(schedule);
}

/**
 * Deletes a schedule and its job scheduler. The row goes first: a scheduler Redis could not remove now finds no
 * row when it fires (the worker then removes it), and the worker's reconcile removes it too.
 */
export async function deleteSchedule(deps: ScheduleDeps, appId: string, id: string): Promise<ScheduleDto> {
  const schedule = await deps.prisma.deploySchedule.findFirst({ where: { id, appId } });
  if (!schedule) throw new AppError("not_found", `schedule ${id} does not exist for this app`, "id");
  await deps.prisma.deploySchedule.delete({ where: { id } });
  await removeScheduler(deps.schedules, id).catch((error) =>
    deps.log.warn({ err: error, schedule: id }, "schedule deleted; its scheduler is left for the worker to remove"),
  );
  return toScheduleDto(schedule);
}

/**
 * The job schedulers of an app's schedules, to remove once the app is deleted (the rows go by cascade; read them
 * before it). Redis refusing is an error like any other of the deletion's: the worker's reconcile, and each orphan
 * finding no row when it fires, remove what is left.
 */
export async function appScheduleIds(deps: Pick<PierDeps, "prisma">, appId: string): Promise<string[]> {
  const schedules = await deps.prisma.deploySchedule.findMany({ where: { appId }, select: { id: true } });
  return schedules.map((s) => s.id);
}

export async function removeSchedulers(deps: Pick<PierDeps, "schedules">, ids: string[]): Promise<void> {
  for (const id of ids) await removeScheduler(deps.schedules, id);
}
