import type { z } from "zod";
import type { deliveryDto } from "../../schemas/delivery.ts";
import { html, type Html } from "../html.ts";
import { badge, cardHead, NONE, shortSha, tableHead, timeAgo, type PageContext } from "../ui.ts";

type DeliveryView = z.infer<typeof deliveryDto>;

/** Why GitHub can't reach the webhook URL and what to do (a loopback or private PIER_PUBLIC_URL), or nothing. */
export function webhookWarningBox(warning: string | null): Html | string {
  return warning ? html`<div class="warnbox small" data-warning="webhook">${warning}</div>` : "";
}

/** The app's last webhook deliveries: what came, when, and what Pier did with it (pushes the head check caught). */
export function deliveriesCard(
  ctx: PageContext,
  app: { name: string; webhookWarning: string | null },
  deliveries: DeliveryView[],
): Html {
  const hint = html`Newest first · <code>pier deliveries ${app.name}</code>`;
  const none = html`<p>No webhook deliveries yet. Add the webhook from
    <a href="/apps/${app.name}/settings">Settings</a> to the repository on GitHub.</p>`;
  const row = (d: DeliveryView) => {
    const deployment = d.deployment
      ? html`<a class="mono" href="/deployments/${d.deployment.id}">${d.deployment.shortId}</a>
          ${badge(d.deployment.status)}`
      : NONE;
    const why = d.reason ?? d.deployment?.reason ?? "";
    return html`<tr data-delivery="${d.id}" data-outcome="${d.outcome}">
      <td class="nowrap">${timeAgo(new Date(d.receivedAt), ctx.now)}</td>
      <td class="mono">${d.event}</td>
      <td><span class="tag o-${d.outcome}">${d.outcome}</span></td>
      <td class="mono nowrap">${d.commitSha ? shortSha(d.commitSha) : NONE}</td>
      <td class="nowrap">${deployment}</td>
      <td><span class="small trunc" title="${why}">${why}</span></td></tr>`;
  };
  const head = tableHead(["Received", "Event", "Outcome", "Commit", "Deployment", "Why"]);
  return html`<div class="card" id="deliveries">${cardHead("Webhook deliveries", hint)}
    ${webhookWarningBox(app.webhookWarning)}
    ${
      deliveries.length === 0
        ? html`<div class="empty" data-empty="deliveries">${none}</div>`
        : html`<table data-table="deliveries">${head}<tbody>${deliveries.map(row)}</tbody></table>`
    }</div>`;
}
