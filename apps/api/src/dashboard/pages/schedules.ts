import type { ScheduleDto } from "../../services/schedules.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, raw, type Html } from "../html.ts";
import { cardHead, csrfField, exactTime, field, tableHead, timeAgo, type PageContext } from "../ui.ts";

/** "in 40 s", "in 5 min", "in 3 h", "in 2 days": a schedule's next run may be seconds away. */
function fromNow(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds <= 0) return "now";
  if (seconds < 60) return `in ${seconds} s`;
  if (seconds < 3600) return `in ${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `in ${Math.round(seconds / 3600)} h`;
  return `in ${Math.round(seconds / 86_400)} days`;
}

function nextRunCell(schedule: ScheduleDto, now: number): Html | string {
  const next = schedule.nextRuns[0];
  if (!next) return "—";
  const all = schedule.nextRuns.map((run) => exactTime(new Date(run))).join(", ");
  return html`<time datetime="${next}" title="Next: ${all}">${fromNow(next, now)}</time>
    <div class="muted small">${exactTime(new Date(next))}</div>`;
}

function lastRunCell(schedule: ScheduleDto, now: number): Html {
  if (!schedule.lastRunAt) return html`<span class="muted small">Not run yet</span>`;
  const skipped = schedule.lastOutcome?.startsWith("skipped") || schedule.lastOutcome?.startsWith("refused");
  const deployment = schedule.lastDeploymentId
    ? html` · <a class="mono" href="/deployments/${schedule.lastDeploymentId}">deployment</a>`
    : "";
  return html`${timeAgo(new Date(schedule.lastRunAt), now)}${deployment}
    <div class="small ${skipped ? "err" : "muted"}" data-col="outcome">${schedule.lastOutcome ?? ""}</div>`;
}

function scheduleRow(ctx: PageContext, appName: string, schedule: ScheduleDto): Html {
  const question = `Delete the schedule ${schedule.cron} (${schedule.timezone})? No run starts after it.`;
  const confirm = html`data-confirm="${question}"`;
  const hidden = html`<input type="hidden" name="id" value="${schedule.id}">`;
  const button = html`<button class="btn sm ghost" type="submit" data-action="remove-schedule">Delete</button>`;
  const remove = html`<form method="post" action="/apps/${appName}/schedules/remove" class="inline" ${confirm}>
    ${csrfField(ctx)}${hidden}${button}</form>`;
  return html`<tr data-schedule="${schedule.id}">
    <td><span class="mono">${schedule.cron}</span> <div class="muted small">${schedule.timezone}</div></td>
    <td><span class="tag">${schedule.action}</span></td>
    <td class="nowrap">${nextRunCell(schedule, ctx.now)}</td>
    <td>${lastRunCell(schedule, ctx.now)}</td>
    <td class="right nowrap">${remove}</td></tr>`;
}

/** The app's deploy schedules: each with its next run and what its last run did; the form that adds one. */
export function schedulesCard(
  ctx: PageContext,
  appName: string,
  schedules: ScheduleDto[],
  values: FormValues,
  errors: FieldErrors,
): Html {
  const hint = "Deploys on a cron schedule · a tick while the last scheduled deploy runs is skipped";
  const table = schedules.length
    ? html`<table data-table="schedules">${tableHead(["Cron", "Action", "Next run", "Last run", ""])}
        <tbody>${schedules.map((s) => scheduleRow(ctx, appName, s))}</tbody></table>`
    : html`<div class="cb muted" data-empty="schedules">No schedules. Add one below to deploy at set times.</div>`;
  const action = values.action === "redeploy" ? "redeploy" : "deploy";
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${raw(value === action ? "selected" : "")}>${label}</option>`;
  const actionError = errors.action ? html`<div class="err" data-error-for="action">${errors.action}</div>` : "";
  const cron = field({
    name: "cron",
    label: "Cron",
    value: values.cron,
    errors,
    placeholder: "0 3 * * *",
    help: "minute hour day month weekday, or seconds first (6 fields)",
  });
  const timezone = field({
    name: "timezone",
    label: "Time zone",
    value: values.timezone,
    errors,
    placeholder: "UTC",
    help: "IANA name, e.g. Europe/Berlin",
  });
  return html`<div class="card" id="schedules">${cardHead("Schedules", hint)}${table}
    <div class="cb"><form method="post" action="/apps/${appName}/schedules" novalidate data-form="schedule">
      ${csrfField(ctx)}<div class="grid2">${cron}${timezone}</div>
      <label class="field">Action <select name="action">${option("deploy", "deploy: build the branch head")}
        ${option("redeploy", "redeploy: production's image, no build")}</select></label>${actionError}
      <div class="formfoot"><button class="btn" type="submit" data-action="add-schedule">Add schedule</button></div>
    </form></div></div>`;
}
