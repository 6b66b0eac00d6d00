import type { NotificationDelivery } from "@pier/db";
import { NOTIFICATION_FORMATS, SIGNATURE_HEADER, type Channel, type ChannelHealth } from "@pier/notifications";
import { NOTIFICATION_EVENTS } from "@pier/shared";
import type { FieldErrors } from "../forms.ts";
import { html, raw, type Html } from "../html.ts";
import {
  badge,
  cardHead,
  csrfField,
  field,
  heading,
  layout,
  NONE,
  tableHead,
  timeAgo,
  type PageContext,
} from "../ui.ts";

/** A channel as the page lists it: never its secret. */
export type ChannelView = Omit<Channel, "secret">;

export interface ChannelRow {
  channel: ChannelView;
  /** Newest first. */
  deliveries: NotificationDelivery[];
  health: ChannelHealth;
}

/** The new-channel form as typed: `apps` is the comma-separated text. */
export interface ChannelForm {
  url: string;
  format: string;
  events: string[];
  apps: string;
}

export const EMPTY_CHANNEL_FORM: ChannelForm = { url: "", format: "json", events: [], apps: "" };

export interface NotificationsPageData {
  channels: ChannelRow[];
  /** How many deliveries each channel shows. */
  historyLimit: number;
  form: ChannelForm;
  errors: FieldErrors;
  /** Just created: the only time its secret is shown. */
  created?: Channel;
}

/** After a create, a reload asks for the list again instead of posting the form (and showing a new secret) twice. */
const FORGET_POST = `history.replaceState(null,"",location.pathname);`;

const FORMAT_LABELS: Record<(typeof NOTIFICATION_FORMATS)[number], string> = {
  json: "JSON (signed with the channel's secret)",
  slack: "Slack incoming webhook",
  discord: "Discord webhook",
};

const SHOWN_ONCE =
  "This is its signing secret, shown only this once: store it now (Pier keeps no copy you can read again).";

function errorFor(errors: FieldErrors, name: string): Html | string {
  return errors[name] ? html`<div class="err" id="f-${name}-msg" data-error-for="${name}">${errors[name]}</div>` : "";
}

function secretNotice(created: Channel): Html {
  const header = html`<code>${SIGNATURE_HEADER}</code>`;
  const value = html`value="${created.secret}"`;
  const input = html`<input id="channel-secret" type="text" readonly ${value} data-secret aria-label="Signing secret">`;
  const copy = html`<button class="btn sm" type="button" data-copy="channel-secret">Copy</button>`;
  return html`<div class="flash ok secret" role="status" data-created="${created.id}">
    <div><b>Channel added.</b> ${SHOWN_ONCE}
      Receivers of the JSON format check the ${header} header, an HMAC-SHA256 of the body with this secret.</div>
    <div class="row">${input}${copy}</div>
  </div>`;
}

const FURTHER_BACK = html`<code>GET /api/notifications/:id/deliveries?limit=…</code> goes further back.`;

function deliveriesTable(ctx: PageContext, deliveries: NotificationDelivery[], limit: number): Html {
  if (deliveries.length === 0) {
    const none = html`Nothing sent yet. Press <b>Send test</b> to check the URL.`;
    return html`<div class="cb muted small" data-empty="deliveries">${none}</div>`;
  }
  const head = tableHead(["Event", "Status", ["Attempts", "right"], "Response", "Last error", ["Time", "right"]]);
  const row = (d: NotificationDelivery) => {
    const lastError = d.lastError ? html`<span class="trunc" title="${d.lastError}">${d.lastError}</span>` : NONE;
    return html`<tr data-delivery="${d.id}" data-event="${d.event}">
      <td class="mono">${d.event}</td>
      <td>${badge(d.status)}</td>
      <td class="right">${d.attempts}</td>
      <td class="mono">${d.responseStatus ?? NONE}</td>
      <td class="small">${lastError}</td>
      <td class="right nowrap small">${timeAgo(d.createdAt, ctx.now)}</td>
    </tr>`;
  };
  const more =
    deliveries.length >= limit ? html`<div class="cb muted small">The newest ${limit}; ${FURTHER_BACK}</div>` : "";
  return html`<table data-table="deliveries">${head}<tbody>${deliveries.map(row)}</tbody></table>${more}`;
}

/** Last success and, while every delivery since failed, since when and why, with the way to try again. */
function healthLine(ctx: PageContext, health: ChannelHealth): Html {
  const success = html`<dt>Last success</dt><dd data-col="last-success">${
    health.lastSuccessAt ? timeAgo(health.lastSuccessAt, ctx.now) : html`<span class="muted">never</span>`
  }</dd>`;
  if (!health.failingSince) return success;
  const failures = `${health.failuresInRow} ${health.failuresInRow === 1 ? "delivery" : "deliveries"} in a row`;
  return html`${success}<dt>Failing since</dt><dd data-col="failing-since">${timeAgo(health.failingSince, ctx.now)}
    <span class="muted small">(${failures})</span></dd>`;
}

/** A channel none of whose recent deliveries got through: said at the top of its card, with the last error. */
function failingWarning(health: ChannelHealth): Html {
  const what = health.lastSuccessAt
    ? "Alerts are not reaching this channel: every delivery since its last success failed."
    : "Alerts have never reached this channel: every delivery to it failed.";
  const error = health.lastError ? html`<div class="small mono wrap">Last error: ${health.lastError}</div>` : "";
  const next = "Check the URL and the receiver, then press Retry: it sends the test event.";
  return html`<div class="warnbox" role="alert" data-warning="failing">
    <b>${what}</b> ${next}${error}</div>`;
}

function channelCard(ctx: PageContext, { channel, deliveries, health }: ChannelRow, limit: number): Html {
  const list = (items: string[], all: string) =>
    items.length === 0 ? html`<span class="muted">${all}</span>` : html`<span class="mono">${items.join(", ")}</span>`;
  const url = html`<b class="trunc mono" title="${channel.url}">${channel.url}</b>`;
  const added = html`<span class="muted small">Added ${timeAgo(channel.createdAt, ctx.now)}</span>`;
  const csrf = csrfField(ctx);
  const format = html`<span class="tag" data-format="${channel.format}">${channel.format}</span>`;
  const warning = health.failingSince ? html`<div class="cb">${failingWarning(health)}</div>` : "";
  const testLabel = health.failingSince ? "Retry (send test)" : "Send test";
  const sendTest = html`${csrf}<button class="btn sm" type="submit" data-action="test">${testLabel}</button>`;
  const confirm = html`data-confirm="Delete the channel to ${channel.url} and its delivery history?"`;
  const remove = html`${csrf}<button class="btn sm ghost" type="submit" data-action="delete">Delete</button>`;
  return html`<div class="card" id="channel-${channel.id}" data-channel="${channel.id}">
    <div class="ch wrap"><div class="commit">${url}${added}</div>
      <div class="actions">
        <form method="post" action="/notifications/${channel.id}/test" class="inline">${sendTest}</form>
        <form method="post" action="/notifications/${channel.id}/delete" class="inline" ${confirm}>${remove}</form>
      </div></div>
    ${warning}
    <dl class="kv cb">${healthLine(ctx, health)}<dt>Format</dt><dd>${format}</dd>
      <dt>Events</dt><dd data-col="events">${list(channel.events, "All events")}</dd>
      <dt>Apps</dt><dd data-col="apps">${list(channel.apps, "All apps")}</dd></dl>
    ${deliveriesTable(ctx, deliveries, limit)}
  </div>`;
}

const CHANNEL_TEST = html`<span class="mono">channel.test</span>`;
const ALL_EVENTS = html`None ticked: all events. ${CHANNEL_TEST} reaches every channel when you press Send test.`;

function createCard(ctx: PageContext, form: ChannelForm, errors: FieldErrors): Html {
  const formats = NOTIFICATION_FORMATS.map(
    (f) => html`<option value="${f}" ${form.format === f ? raw("selected") : ""}>${FORMAT_LABELS[f]}</option>`,
  );
  const events = NOTIFICATION_EVENTS.map((e) => {
    const checked = form.events.includes(e) ? raw("checked") : "";
    const box = html`<input type="checkbox" name="events" value="${e}" ${checked}>`;
    return html`<label>${box} <span class="mono">${e}</span></label>`;
  });
  const invalid = errors.format ? raw('class="invalid" aria-invalid="true"') : "";
  const eventsHelp = errors.events
    ? errorFor(errors, "events")
    : html`<div class="help" id="f-events-msg">${ALL_EVENTS}</div>`;
  const hint = html`Pier posts each alert to the URL, retrying with back-off if it doesn't answer 2xx.`;
  return html`<div class="card" id="add">${cardHead("Add a channel", hint)}<div class="cb">
    <form method="post" action="/notifications" novalidate data-form="new-channel">${csrfField(ctx)}
      ${errors._form ? html`<div class="flash error">${errors._form}</div>` : ""}
      ${field({
        name: "url",
        label: "Webhook URL",
        value: form.url,
        errors,
        required: true,
        placeholder: "https://hooks.slack.com/services/…",
        help: "http(s), without a user name or password in it.",
      })}
      <div class="grid2">
        <div class="field"><label for="f-format">Format</label>
          <select id="f-format" name="format" aria-describedby="f-format-msg" ${invalid}>${formats}</select>${errorFor(
            errors,
            "format",
          )}</div>
        ${field({
          name: "apps",
          label: "Apps",
          value: form.apps,
          errors,
          placeholder: "(all apps)",
          help: "App names, separated by commas. Empty: every app.",
        })}
      </div>
      <fieldset class="field" aria-describedby="f-events-msg"><legend>Events</legend>
        <div class="checks${errors.events ? " invalid" : ""}">${events}</div>
        ${eventsHelp}
      </fieldset>
      <div class="formfoot"><button class="btn primary" type="submit">Add channel</button></div>
    </form></div></div>`;
}

const TELLS_WHEN =
  "Add a webhook below and Pier tells it when a deploy fails, an app goes down or recovers, or an alert fires.";
const NO_CHANNELS = html`<h2>No channels yet</h2><p>${TELLS_WHEN}</p>`;

/** Where alerts go, what each channel was sent lately, and the form to add one. */
export function notificationsPage(ctx: PageContext, data: NotificationsPageData): string {
  const { channels, created } = data;
  const list =
    channels.length === 0
      ? html`<div class="card"><div class="empty" data-empty="channels">${NO_CHANNELS}</div></div>`
      : channels.map((row) => channelCard(ctx, row, data.historyLimit));
  const count = `${channels.length} ${channels.length === 1 ? "channel" : "channels"}`;
  const failing = channels.filter((c) => c.health.failingSince).length;
  const sub = `${count} · each with its latest deliveries, newest first`;
  const warning = failing
    ? html`<div class="warnbox" role="alert" data-warning="channels-failing"><b>${failing} of ${count} failing:</b>
        alerts sent to ${failing === 1 ? "it" : "them"} are not arriving. See the channel below.</div>`
    : "";
  return layout(ctx, {
    title: "Notifications",
    nav: "notifications",
    body: html`<div class="head">${heading("Notifications", sub)}
        <div class="actions"><a class="btn primary" href="#add">Add channel</a></div></div>
      ${warning}${created ? secretNotice(created) : ""}${list}${createCard(ctx, data.form, data.errors)}`,
    scripts: created ? [FORGET_POST] : [],
  });
}
