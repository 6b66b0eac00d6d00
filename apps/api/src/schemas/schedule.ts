import { scheduleProblem } from "@pier/lifecycle";
import { z } from "zod";
import { appName } from "./app.ts";
import { examples, withExample } from "./common.ts";

/** At most this many schedules per app: enough for a few windows a day, few enough to read at a glance. */
export const SCHEDULES_PER_APP = 10;
/** How many of a schedule's next runs a list shows. */
export const NEXT_RUNS_SHOWN = 3;

export const scheduleAction = z.enum(["deploy", "redeploy"], { error: "must be deploy or redeploy" });

export const createScheduleBody = z
  .object({
    cron: z
      .string()
      .max(200)
      .describe("5 fields (minute hour day month weekday), or 6 with seconds first: 0 3 * * *, */30 * * * * *"),
    timezone: z.string().max(100).default("UTC").describe("IANA time zone the cron is read in (default UTC)"),
    action: scheduleAction
      .default("deploy")
      .describe("deploy: build the branch head and deploy it; redeploy: production's image again, no build"),
  })
  .strict()
  // The parser BullMQ runs the cron with checks it; the error names the field at fault.
  .superRefine((body, ctx) => {
    const problem = scheduleProblem(body.cron, body.timezone);
    if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
  })
  .meta(
    examples(
      { cron: "0 3 * * *", timezone: "Europe/Berlin", action: "deploy" },
      { cron: "0 */30 * * * *", action: "redeploy" },
    ),
  );

export const scheduleParams = z.object({
  name: appName,
  id: z.string().min(1).max(64).describe("The schedule's id"),
});

const scheduleFields = z.object({
  id: z.string(),
  cron: z.string(),
  timezone: z.string(),
  action: scheduleAction,
  createdAt: z.string(),
  nextRuns: z.array(z.string()).describe(`The next ${NEXT_RUNS_SHOWN} times it fires`),
  lastRunAt: z.string().nullable(),
  lastOutcome: z.string().nullable().describe("The deployment the last run queued, or why it skipped"),
  lastDeploymentId: z.string().nullable(),
});

const scheduleExample: z.output<typeof scheduleFields> = {
  id: "k3v9q2m8x1c7",
  cron: "0 3 * * *",
  timezone: "Europe/Berlin",
  action: "deploy",
  createdAt: "2026-12-01T10:00:00.000Z",
  nextRuns: ["2026-12-08T02:00:00.000Z", "2026-12-09T02:00:00.000Z", "2026-12-10T02:00:00.000Z"],
  lastRunAt: "2026-12-07T02:00:00.012Z",
  lastOutcome: "deployment 8fk2m1qz queued: the head of main",
  lastDeploymentId: "8fk2m1qz0c6b1e4r",
};

export const scheduleDto = withExample(scheduleFields, scheduleExample);

export const schedulesDto = withExample(z.object({ schedules: z.array(scheduleFields) }), {
  schedules: [scheduleExample],
});
