import type { FlagValue, FlagValues } from "@pier/shared";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, type Html } from "../html.ts";
import { cardHead, csrfField, field, layout, tableHead, type PageContext } from "../ui.ts";
import { appHeader, type AppView } from "./app.ts";

/** The kinds of value a flag holds, as the add form offers them. */
export const FLAG_TYPES = ["boolean", "string", "number"] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

const LIVE = "Running apps read them from /run/pier/flags.json: a change shows within seconds, no build, no restart.";
const NONE = html`No flags yet. Add one below: the app reads <code>/run/pier/flags.json</code> (and
  <code>PIER_FLAG_&lt;KEY&gt;</code> env vars when it starts).`;

const typeOf = (value: FlagValue): FlagType =>
  typeof value === "boolean" ? "boolean" : typeof value === "number" ? "number" : "string";

/** A boolean is switched with one click; a string or a number is edited in place. */
function changeForm(ctx: PageContext, app: string, key: string, value: FlagValue): Html {
  const fields = html`${csrfField(ctx)}<input type="hidden" name="key" value="${key}">`;
  if (typeof value === "boolean") {
    const to = value ? "false" : "true";
    const label = value ? "Turn off" : "Turn on";
    return html`<form method="post" action="/apps/${app}/flags" class="inline">${fields}
      <input type="hidden" name="type" value="boolean"><input type="hidden" name="value" value="${to}">
      <button class="btn sm" type="submit" data-action="toggle">${label}</button></form>`;
  }
  const input = html`<input name="value" value="${String(value)}" aria-label="${key}" autocomplete="off">`;
  return html`<form method="post" action="/apps/${app}/flags" class="inline" data-form="edit-flag">${fields}
    <input type="hidden" name="type" value="${typeOf(value)}">${input}
    <button class="btn sm" type="submit" data-action="save">Save</button></form>`;
}

function flagRow(ctx: PageContext, app: string, key: string, value: FlagValue): Html {
  const shown =
    typeof value === "boolean" ? html`<span class="tag ${value ? "prod" : ""}">${String(value)}</span>` : "";
  const fields = html`${csrfField(ctx)}<input type="hidden" name="key" value="${key}">`;
  const remove = html`<form method="post" action="/apps/${app}/flags/remove" class="inline"
    data-confirm="Remove ${key}? Running apps stop seeing it at once.">${fields}
    <button class="btn sm ghost" type="submit" data-action="remove">Remove</button></form>`;
  return html`<tr data-flag="${key}" data-value="${JSON.stringify(value)}"><td class="mono"><b>${key}</b></td>
    <td>${shown} ${changeForm(ctx, app, key, value)}</td><td class="muted">${typeOf(value)}</td>
    <td class="right nowrap">${remove}</td></tr>`;
}

export function flagsPage(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  hasDeployments: boolean,
  flags: FlagValues,
  values: FormValues,
  errors: FieldErrors,
): string {
  const entries = Object.entries(flags);
  const table = html`<table data-table="flags">${tableHead(["Key", "Value", "Type", ""])}
    <tbody>${entries.map(([key, value]) => flagRow(ctx, app.name, key, value))}</tbody></table>`;
  const typeOptions = FLAG_TYPES.map(
    (t) => html`<option value="${t}" ${(values.type ?? "boolean") === t ? "selected" : ""}>${t}</option>`,
  );
  const add = html`<div class="cb"><form method="post" action="/apps/${app.name}/flags" novalidate data-form="flag">
    ${csrfField(ctx)}<div class="grid2">
      ${field({ name: "key", label: "Key", value: values.key, errors, placeholder: "NEW_CHECKOUT" })}
      ${field({ name: "value", label: "Value", value: values.value, errors, placeholder: "true" })}
    </div>
    <label class="field">Type <select name="type">${typeOptions}</select></label>
    <div class="formfoot"><button class="btn" type="submit">Set flag</button></div>
  </form></div>`;
  const card = html`<div class="card" id="flags">${cardHead("Feature flags", LIVE)}
    ${entries.length === 0 ? html`<div class="cb muted" data-empty="flags">${NONE}</div>` : table}${add}</div>`;
  return layout(ctx, {
    title: `${app.name} · Flags`,
    nav: "apps",
    body: html`${appHeader(ctx, app, live, "flags", hasDeployments)}${card}`,
  });
}
