import type { AuditEvent } from "@pier/db";
import { auditChangesOf } from "../../services/audit.ts";
import type { AuditValue } from "../../services/audit-changes.ts";
import { html, type Html } from "../html.ts";
import { heading, layout, NONE, tableHead, timeAgo, type PageContext } from "../ui.ts";

const KIND_LABELS: Record<string, string> = {
  admin: "admin token",
  token: "API token",
  session: "dashboard",
  webhook: "GitHub webhook",
  anonymous: "wrong sign-in",
};

function who(e: AuditEvent): Html {
  if (e.actorKind === "token") return html`<b>${e.actor}</b> <span class="tag">API token</span>`;
  return html`<span class="tag">${KIND_LABELS[e.actorKind] ?? e.actorKind}</span>`;
}

/** Refused and failed changes stand out; everything else (2xx, a dashboard's 303) went through. */
function answer(status: number): Html {
  return html`<span class="badge ${status >= 400 ? "b-FAILED" : "b-READY"}" data-status="${status}">${status}</span>`;
}

const shown = (value: AuditValue) => (value === null ? "none" : String(value));

/** What the change changed, one `field: from → to` a line (secrets show as "(hidden)"). */
function changes(e: AuditEvent): Html | string {
  const list = auditChangesOf(e);
  if (list.length === 0) return "";
  const item = (c: (typeof list)[number]) =>
    html`<li><span class="mono">${c.field}</span>: ${shown(c.from)} → ${shown(c.to)}</li>`;
  const style = "margin:4px 0 0;padding-left:16px;overflow-wrap:anywhere";
  return html`<ul class="changes small muted" style="${style}" data-changes>${list.map(item)}</ul>`;
}

const FURTHER_BACK = html`<code>GET /api/audit?limit=1000</code> goes further back.`;

/** The audit log: every change asked of Pier, newest first, optionally of one app. */
export function auditPage(
  ctx: PageContext,
  data: { events: AuditEvent[]; app?: string | undefined; limit: number },
): string {
  const { events, app, limit } = data;
  const sub = app
    ? html`Changes to <a href="/apps/${app}"><b>${app}</b></a>, newest first · <a href="/audit">every app</a>`
    : "Every change asked of Pier through the API, the CLI or this dashboard, every sign-in and every signed GitHub " +
      "delivery, newest first: who, what, when, and the answer.";
  const row = (e: AuditEvent) => {
    const target = e.target ? html`<a href="/audit?app=${e.target}">${e.target}</a>` : NONE;
    const when = html`<td class="nowrap">${timeAgo(e.at, ctx.now)}</td>`;
    return html`<tr data-audit="${e.id}">${when}<td data-col="who">${who(e)}</td>
            <td data-col="what"><span class="mono" title="${e.path}">${e.method} ${e.route}</span>${changes(e)}</td>
            <td data-col="app">${target}</td>
            <td class="right">${answer(e.status)}</td></tr>`;
  };
  const none = "Changes made with an API token, the admin token or this dashboard show here, refused ones too.";
  const head = tableHead(["When", "Who", "What", "App", ["Answer", "right"]]);
  const table =
    events.length === 0
      ? html`<div class="empty" data-empty="audit"><h2>Nothing changed yet</h2><p>${none}</p></div>`
      : html`<table data-table="audit">${head}<tbody>${events.map(row)}</tbody></table>`;
  const more =
    events.length === limit ? html`<div class="cb muted small">The newest ${limit} shown; ${FURTHER_BACK}</div>` : "";
  return layout(ctx, {
    title: "Audit",
    nav: "audit",
    body: html`<div class="head">${heading("Audit", sub)}</div><div class="card">${table}${more}</div>`,
  });
}
