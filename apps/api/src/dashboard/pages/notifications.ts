import type { NotificationDelivery } from "@pier/db";
import { NOTIFICATION_FORMATS, SIGNATURE_HEADER, type Channel } from "@pier/notifications";
import { NOTIFICATION_EVENTS } from "@pier/shared";
import type { FieldErrors } from "../forms.ts";
import { html, raw, type Html } from "../html.ts";
import { badge, csrfField, field, layout, timeAgo, type PageContext } from "../ui.ts";

/** A channel as the page lists it: never its secret. */
export type ChannelView = Omit<Channel, "secret">;

export interface ChannelRow {
  channel: ChannelView;
  /** Newest first. */
  deliveries: NotificationDelivery[];
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

function errorFor(errors: FieldErrors, name: string): Html | string {
  return errors[name] ? html`<div class="err" id="f-${name}-msg" data-error-for="${name}">${errors[name]}</div>` : "";
}

function secretNotice(created: Channel): Html {
  return html`<div class="flash ok secret" role="status" data-created="${created.id}">
    <div><b>Channel added.</b> This is its signing secret, shown only this once: store it now (Pier keeps no copy you can read again).
      Receivers of the JSON format check the <code>${SIGNATURE_HEADER}</code> header, an HMAC-SHA256 of the body with this secret.</div>
    <div class="row"><input id="channel-secret" type="text" readonly value="${created.secret}" data-secret aria-label="Signing secret"><button class="btn sm" type="button" data-copy="channel-secret">Copy</button></div>
  </div>`;
}

function deliveriesTable(ctx: PageContext, deliveries: NotificationDelivery[], limit: number): Html {
  if (deliveries.length === 0)
    return html`<div class="cb muted small" data-empty="deliveries">Nothing sent yet. Press <b>Send test</b> to check the URL.</div>`;
  return html`<table data-table="deliveries"><thead><tr><th>Event</th><th>Status</th><th class="right">Attempts</th><th>Response</th><th>Last error</th><th class="right">Time</th></tr></thead><tbody>${deliveries.map(
    (d) => html`<tr data-delivery="${d.id}" data-event="${d.event}">
      <td class="mono">${d.event}</td>
      <td>${badge(d.status)}</td>
      <td class="right">${d.attempts}</td>
      <td class="mono">${d.responseStatus ?? html`<span class="faint">—</span>`}</td>
      <td class="small">${d.lastError ? html`<span class="trunc" title="${d.lastError}">${d.lastError}</span>` : html`<span class="faint">—</span>`}</td>
      <td class="right nowrap small">${timeAgo(d.createdAt, ctx.now)}</td>
    </tr>`,
  )}</tbody></table>${deliveries.length >= limit ? html`<div class="cb muted small">The newest ${limit}; <code>GET /api/notifications/:id/deliveries?limit=…</code> goes further back.</div>` : ""}`;
}

function channelCard(ctx: PageContext, { channel, deliveries }: ChannelRow, limit: number): Html {
  const list = (items: string[], all: string) =>
    items.length === 0 ? html`<span class="muted">${all}</span>` : html`<span class="mono">${items.join(", ")}</span>`;
  return html`<div class="card" id="channel-${channel.id}" data-channel="${channel.id}">
    <div class="ch"><div class="commit"><b class="trunc mono" title="${channel.url}">${channel.url}</b><span class="muted small">Added ${timeAgo(channel.createdAt, ctx.now)}</span></div>
      <div class="actions">
        <form method="post" action="/notifications/${channel.id}/test" class="inline">${csrfField(ctx)}<button class="btn sm" type="submit" data-action="test">Send test</button></form>
        <form method="post" action="/notifications/${channel.id}/delete" class="inline" data-confirm="Delete the channel to ${channel.url} and its delivery history?">${csrfField(ctx)}<button class="btn sm ghost" type="submit" data-action="delete">Delete</button></form>
      </div></div>
    <dl class="kv cb"><dt>Format</dt><dd><span class="tag" data-format="${channel.format}">${channel.format}</span></dd>
      <dt>Events</dt><dd data-col="events">${list(channel.events, "All events")}</dd>
      <dt>Apps</dt><dd data-col="apps">${list(channel.apps, "All apps")}</dd></dl>
    ${deliveriesTable(ctx, deliveries, limit)}
  </div>`;
}

function createCard(ctx: PageContext, form: ChannelForm, errors: FieldErrors): Html {
  const formats = NOTIFICATION_FORMATS.map(
    (f) => html`<option value="${f}" ${form.format === f ? raw("selected") : ""}>${FORMAT_LABELS[f]}</option>`,
  );
  const events = NOTIFICATION_EVENTS.map(
    (e) =>
      html`<label><input type="checkbox" name="events" value="${e}" ${form.events.includes(e) ? raw("checked") : ""}> <span class="mono">${e}</span></label>`,
  );
  return html`<div class="card" id="add"><div class="ch"><h2>Add a channel</h2><span class="hint">Pier posts each alert to the URL, retrying with back-off if it doesn't answer 2xx.</span></div><div class="cb">
    <form method="post" action="/notifications" novalidate data-form="new-channel">${csrfField(ctx)}
      ${errors._form ? html`<div class="flash error">${errors._form}</div>` : ""}
      ${field({ name: "url", label: "Webhook URL", value: form.url, errors, required: true, placeholder: "https://hooks.slack.com/services/…", help: "http(s), without a user name or password in it." })}
      <div class="grid2">
        <div class="field"><label for="f-format">Format</label>
          <select id="f-format" name="format" aria-describedby="f-format-msg" ${errors.format ? raw('class="invalid" aria-invalid="true"') : ""}>${formats}</select>${errorFor(errors, "format")}</div>
        ${field({ name: "apps", label: "Apps", value: form.apps, errors, placeholder: "(all apps)", help: "App names, separated by commas. Empty: every app." })}
      </div>
      <fieldset class="field" aria-describedby="f-events-msg"><legend>Events</legend>
        <div class="checks${errors.events ? " invalid" : ""}">${events}</div>
        ${errors.events ? errorFor(errors, "events") : html`<div class="help" id="f-events-msg">None ticked: all events. <span class="mono">channel.test</span> reaches every channel when you press Send test.</div>`}
      </fieldset>
      <div class="formfoot"><button class="btn primary" type="submit">Add channel</button></div>
    </form></div></div>`;
}

/** Where alerts go, what each channel was sent lately, and the form to add one. */
export function notificationsPage(ctx: PageContext, data: NotificationsPageData): string {
  const { channels, created } = data;
  const list =
    channels.length === 0
      ? html`<div class="card"><div class="empty" data-empty="channels"><h2>No channels yet</h2><p>Add a webhook below and Pier tells it when a deploy fails, an app goes down or recovers, or an alert fires.</p></div></div>`
      : channels.map((row) => channelCard(ctx, row, data.historyLimit));
  return layout(ctx, {
    title: "Notifications",
    nav: "notifications",
    body: html`<div class="head"><div><h1>Notifications</h1><div class="sub">${channels.length} ${channels.length === 1 ? "channel" : "channels"} · each with its latest deliveries, newest first</div></div>
        <div class="actions"><a class="btn primary" href="#add">Add channel</a></div></div>
      ${created ? secretNotice(created) : ""}${list}${createCard(ctx, data.form, data.errors)}`,
    scripts: created ? [FORGET_POST] : [],
  });
}
