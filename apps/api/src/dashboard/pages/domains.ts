import type { DomainDto } from "../../services/domains.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, type Html } from "../html.ts";
import { cardHead, csrfField, exactTime, externalLink, field, NONE, tableHead, type PageContext } from "../ui.ts";

/** "in 5 min", "in 3 h", "in 12 days", or "now" for a time already past. */
function fromNow(iso: string, now: number): string {
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  if (minutes <= 0) return "now";
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 48 * 60) return `in ${Math.round(minutes / 60)} h`;
  return `in ${Math.round(minutes / 1440)} days`;
}

const day = (iso: string) => iso.slice(0, 10);
const when = (iso: string, now: number) =>
  html`<time datetime="${iso}" title="${exactTime(new Date(iso))}">${fromNow(iso, now)}</time>`;

/** A certificate's state, as loud as it needs to be: a failure shows the CA's own words and the next attempt. */
export function certificateCell(certificate: DomainDto["certificate"], now: number): Html {
  const tag = (label: string) => html`<span class="tag c-${certificate.status}">${label}</span>`;
  const next = certificate.nextAttemptAt ? html` · next attempt ${when(certificate.nextAttemptAt, now)}` : "";
  const expires = certificate.expiresAt;
  switch (certificate.status) {
    case "pending":
      return html`${tag("pending")} <span class="muted small">being issued${next}</span>`;
    case "issued":
      return html`${tag("issued")} <span class="muted small">until ${expires ? day(expires) : "—"}</span>`;
    case "failed": {
      const serving = expires
        ? html`<div class="muted small">The current certificate serves until ${day(expires)}.</div>`
        : "";
      const error = certificate.error ?? "no error recorded";
      return html`${tag("failed")} <span class="muted small">${next}</span>
        <div class="small err" data-cert-error>${error}</div>${serving}`;
    }
    case "operator":
      return html`${tag("operator")} <span class="muted small">covered by the operator's certificate${
        expires ? `, until ${day(expires)}` : ""
      }</span>`;
    case "none":
      return html`<span class="muted small">No certificate: plain HTTP only</span>`;
  }
}

function domainRow(ctx: PageContext, appName: string, domain: DomainDto): Html {
  const csrf = csrfField(ctx);
  const hidden = html`<input type="hidden" name="domain" value="${domain.name}">`;
  const name = domain.name.startsWith("*.")
    ? html`<span class="mono"><b>${domain.name}</b></span>`
    : html`<span class="mono">${externalLink(domain.url, html`<b>${domain.name}</b>`)}</span>`;
  const source =
    domain.source === "CONFIG" ? html` <span class="tag" title="Listed in pier.json">pier.json</span>` : "";
  const redirect = domain.redirectTo
    ? html`<span class="faint">→</span> <span class="mono">${domain.redirectTo}</span>
      <span class="muted small">(${domain.redirectStatus})</span>`
    : NONE;
  const renewable = domain.certificate.status !== "operator" && domain.certificate.status !== "none";
  const renewButton = html`<button class="btn sm" type="submit" data-action="renew">Renew</button>`;
  const renew = renewable
    ? html`<form method="post" action="/apps/${appName}/domains/renew" class="inline">
        ${csrf}${hidden}${renewButton}</form>`
    : "";
  const confirm = html`data-confirm="Remove ${domain.name}? It stops being served at once."`;
  const removeButton = html`<button class="btn sm ghost" type="submit" data-action="remove-domain">Remove</button>`;
  const remove = html`<form method="post" action="/apps/${appName}/domains/remove" class="inline" ${confirm}>
    ${csrf}${hidden}${removeButton}</form>`;
  return html`<tr data-domain="${domain.name}" data-cert-status="${domain.certificate.status}">
    <td>${name}${source}</td>
    <td class="nowrap">${redirect}</td>
    <td>${certificateCell(domain.certificate, ctx.now)}</td>
    <td class="right nowrap">${renew} ${remove}</td></tr>`;
}

/**
 * The app's own domains: each with its certificate's state, renew and remove; and the form that adds one (a name,
 * and optionally another of the app's domains it redirects to).
 */
export function domainsCard(
  ctx: PageContext,
  app: { name: string; domains: DomainDto[] },
  values: FormValues,
  errors: FieldErrors,
): Html {
  const hint = "Served at once; certificates are issued and renewed by Pier";
  const table = app.domains.length
    ? html`<table data-table="domains">${tableHead(["Domain", "Redirects to", "Certificate", ""])}
        <tbody>${app.domains.map((d) => domainRow(ctx, app.name, d))}</tbody></table>`
    : html`<div class="cb muted" data-empty="domains">No domains yet. Add one below, then point its DNS at Pier:
        the certificate is issued once it resolves here.</div>`;
  // A redirect goes to a domain that serves the app (a redirect to a redirect would chain; a wildcard is no host).
  const targets = app.domains.filter((d) => d.redirectTo === null && !d.name.startsWith("*."));
  const chosen = values.redirectTo ?? "";
  const option = (value: string, label: string) =>
    html`<option value="${value}" ${value === chosen ? "selected" : ""}>${label}</option>`;
  const redirectError = errors.redirectTo
    ? html`<div class="err" data-error-for="redirectTo">${errors.redirectTo}</div>`
    : html`<div class="help">e.g. www.example.com → example.com, keeping the path.</div>`;
  const status = values.redirectStatus === "301" ? "301" : "308";
  const statusOption = (value: string, label: string) =>
    html`<option value="${value}" ${value === status ? "selected" : ""}>${label}</option>`;
  const csrf = csrfField(ctx);
  return html`<div class="card" id="domains">${cardHead("Domains", hint)}${table}
    <div class="cb"><form method="post" action="/apps/${app.name}/domains" novalidate data-form="domain">${csrf}
      <div class="grid2">
        ${field({ name: "domain", label: "Domain", value: values.domain, errors, placeholder: "www.example.com" })}
        <div class="field"><label for="f-redirectTo">Redirect to (optional)</label>
          <select id="f-redirectTo" name="redirectTo" ${errors.redirectTo ? html`class="invalid"` : ""}>
            ${option("", "— none: serve the app —")}${targets.map((d) => option(d.name, d.name))}
          </select>${redirectError}</div>
      </div>
      <label class="field">Redirect status <select name="redirectStatus">
        ${statusOption("308", "308 permanent")}${statusOption("301", "301 moved permanently")}</select></label>
      <div class="formfoot"><button class="btn" type="submit" data-action="add-domain">Add domain</button></div>
    </form></div></div>`;
}
