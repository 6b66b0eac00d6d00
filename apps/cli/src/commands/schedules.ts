import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { age, bold, dim, print, printJson, table, truncate } from "../output.ts";
import type { BodyOf, ResponseOf } from "../types.ts";
import { until } from "./domains.ts";

type ScheduleDto = ResponseOf<"/api/apps/{name}/schedules", "get">["schedules"][number];
type ScheduleInput = BodyOf<"/api/apps/{name}/schedules", "post">;

const ACTIONS = ["deploy", "redeploy"] as const;
const schedulesPath = (app: string) => `/api/apps/${encodeURIComponent(app)}/schedules`;

/** "2026-12-08 02:00:00 UTC (in 9h)": the instant in UTC, as the API gives it, and how far off. */
export function nextRunWords(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "-";
  return `${iso.slice(0, 19).replace("T", " ")} UTC (${until(iso, now)})`;
}

/** "3m ago: deployment 8fk2m1qz queued: the head of main", or "never". */
export function lastRunWords(schedule: Pick<ScheduleDto, "lastRunAt" | "lastOutcome">, now = Date.now()): string {
  if (!schedule.lastRunAt) return "never";
  return `${age(schedule.lastRunAt, now)} ago: ${schedule.lastOutcome ?? ""}`;
}

export const schedules: Command = {
  name: "schedules",
  usage: "pier schedules <app> [--json]",
  summary: "List an app's deploy schedules: their cron, next run and what the last run did",
  details: [
    "A run that found the app's previous scheduled deployment unfinished says it skipped, and which one it waited for.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("schedules", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("schedules", positionals, ["app"]) as [string];
    const client = await context.client();
    const result = await client.request<ResponseOf<"/api/apps/{name}/schedules", "get">>("GET", schedulesPath(app));
    if (values.json) return printJson(result);
    if (result.schedules.length === 0)
      return print(`No schedules for ${app}: pier schedules add ${app} --cron "0 3 * * *"`);
    print(
      table(
        ["ID", "CRON", "ZONE", "ACTION", "NEXT RUN", "LAST RUN"],
        result.schedules.map((s) => [
          s.id,
          s.cron,
          s.timezone,
          s.action,
          nextRunWords(s.nextRuns[0]),
          truncate(lastRunWords(s), 80),
        ]),
      ),
    );
  },
};

export const schedulesAdd: Command = {
  name: "schedules add",
  usage: 'pier schedules add <app> --cron "<expr>" [--tz <zone>] [--action deploy|redeploy] [--json]',
  summary: "Deploy an app on a cron schedule (each run is a deployment with trigger SCHEDULE)",
  details: [
    '--cron: 5 fields (minute hour day month weekday), or 6 with seconds first: "0 3 * * *", "*/30 * * * * *".',
    "--tz: the IANA time zone the cron is read in (default UTC), e.g. Europe/Berlin.",
    "--action: deploy (default) builds the head of the app's branch; redeploy starts production's image again",
    "with the current env vars, without a build. A tick while the previous scheduled deployment is unfinished is",
    "skipped. At most 10 schedules per app.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("schedules add", {
      args,
      options: {
        ...COMMON_OPTIONS,
        cron: { type: "string" },
        tz: { type: "string" },
        action: { type: "string" },
      },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("schedules add", positionals, ["app"]) as [string];
    if (values.cron === undefined) throw new UsageError('--cron is required, e.g. --cron "0 3 * * *"', "schedules add");
    const action = values.action ?? "deploy";
    if (!(ACTIONS as readonly string[]).includes(action))
      throw new UsageError(`--action must be deploy or redeploy, not "${action}"`, "schedules add");
    const body: ScheduleInput = { cron: values.cron, action: action as (typeof ACTIONS)[number] };
    if (values.tz !== undefined) body.timezone = values.tz;
    const client = await context.client();
    const created = await client.request<ResponseOf<"/api/apps/{name}/schedules", "post">>(
      "POST",
      schedulesPath(app),
      body,
    );
    if (values.json) return printJson(created);
    print(`Scheduled: ${created.action} ${bold(app)} at "${created.cron}" (${created.timezone}), id ${created.id}.`);
    print(dim(`Next runs: ${created.nextRuns.map((run) => nextRunWords(run)).join(", ")}`));
  },
};

export const schedulesRemove: Command = {
  name: "schedules rm",
  usage: "pier schedules rm <app> <id> [--json]",
  summary: "Delete a deploy schedule: no run starts after it",
  async run(args, context) {
    const { values, positionals } = parseCommand("schedules rm", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, id] = requirePositionals("schedules rm", positionals, ["app", "id"]) as [string, string];
    const client = await context.client();
    const deleted = await client.request<ResponseOf<"/api/apps/{name}/schedules/{id}", "delete">>(
      "DELETE",
      `${schedulesPath(app)}/${encodeURIComponent(id)}`,
    );
    if (values.json) return printJson(deleted);
    print(`Deleted schedule ${deleted.id} ("${deleted.cron}", ${deleted.action}) of ${app}.`);
  },
};
