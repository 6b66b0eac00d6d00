import type { FieldErrors, FormValues } from "../forms.ts";
import { html } from "../html.ts";
import { csrfField, field, layout, timeAgo, type PageContext } from "../ui.ts";
import { appHeader, type AppView } from "./app.ts";

export interface EnvRow {
  key: string;
  masked: string;
  /** production, preview or both. */
  targets: string[];
  updatedAt: Date;
}

export function settingsPage(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  hasDeployments: boolean,
  env: EnvRow[],
  values: FormValues,
  errors: FieldErrors,
): string {
  const v = (k: keyof AppView & string) => values[k] ?? (app[k] === null ? "" : String(app[k]));
  const settingsCard = html`<div class="card" id="build"><div class="ch"><h2>Build and run</h2><span class="hint">Changes apply to the next deploy.</span></div><div class="cb">
    <form method="post" action="/apps/${app.name}/settings" novalidate data-form="settings">${csrfField(ctx)}
      ${field({ name: "repoUrl", label: "Repository URL", value: v("repoUrl"), errors })}
      <div class="grid2">
        ${field({ name: "branch", label: "Production branch", value: v("branch"), errors })}
        ${field({ name: "rootDir", label: "Root directory", value: v("rootDir"), errors, placeholder: "(repository root)" })}
        ${field({ name: "port", label: "Port", value: v("port"), errors, placeholder: "auto", help: "Empty: the app listens on $PORT." })}
        ${field({ name: "healthCheckPath", label: "Health-check path", value: v("healthCheckPath"), errors })}
      </div>
      <div class="field"><label><input type="checkbox" name="previews" value="on" data-field="previews" ${app.previews ? "checked" : ""}> Preview deployments</label>
        <div class="help muted">Pushes to other branches deploy at <code>${app.name}-git-&lt;branch&gt;</code>, without touching production; deleting the branch stops its preview.</div></div>
      <div class="formfoot"><button class="btn primary" type="submit">Save settings</button></div>
    </form></div></div>`;

  const envCard = html`<div class="card" id="env"><div class="ch"><h2>Environment variables</h2><span class="hint">Values are hidden. Changes apply to the next deploy.</span></div>
    ${
      env.length === 0
        ? html`<div class="cb muted" data-empty="env">No variables yet. Add <code>DATABASE_URL</code>, API keys and the like below; the app reads them from its environment.</div>`
        : html`<table data-table="env"><thead><tr><th>Key</th><th>Value</th><th>Applies to</th><th class="hide-sm">Updated</th><th></th></tr></thead><tbody>${env.map(
            (
              e,
            ) => html`<tr data-env="${e.key}"><td class="mono"><b>${e.key}</b></td><td class="mono muted">${e.masked}</td><td data-targets>${e.targets.join(", ")}</td><td class="hide-sm">${timeAgo(e.updatedAt, ctx.now)}</td>
              <td class="right nowrap"><form method="post" action="/apps/${app.name}/env/unset" class="inline" data-confirm="Remove ${e.key}?">${csrfField(ctx)}<input type="hidden" name="key" value="${e.key}"><button class="btn sm ghost" type="submit">Remove</button></form></td></tr>`,
          )}</tbody></table>`
    }
    <div class="cb"><form method="post" action="/apps/${app.name}/env" novalidate data-form="env">${csrfField(ctx)}
      <div class="grid2">
        ${field({ name: "key", label: "Key", value: values.key, errors, placeholder: "API_KEY", help: "Setting an existing key replaces its value." })}
        ${field({ name: "value", label: "Value", value: errors.key || errors.value ? values.value : "", type: "password", errors, placeholder: "••••••••" })}
      </div>
      <label class="field">Applies to <select name="target"><option value="both">production and previews</option><option value="production">production only</option><option value="preview">previews only</option></select></label>
      <div class="formfoot"><button class="btn" type="submit">Set variable</button></div>
    </form></div></div>`;

  const webhookCard = html`<div class="card" id="webhook"><div class="ch"><h2>GitHub webhook</h2><span class="hint">Deploy on every push to <code>${app.branch}</code></span></div><div class="cb">
    <div class="field"><label for="wh-url">Payload URL</label><div class="row"><input id="wh-url" type="text" readonly value="${app.webhookUrl}"><button class="btn sm" type="button" data-copy="wh-url">Copy</button></div></div>
    <div class="field"><label for="wh-secret">Secret</label><div class="row"><input id="wh-secret" type="password" readonly value="${app.webhookSecret}"><button class="btn sm" type="button" data-reveal="wh-secret">Reveal</button><button class="btn sm" type="button" data-copy="wh-secret">Copy</button></div></div>
    <div class="howto muted"><b class="muted">In GitHub:</b><ol>
      <li>Open the repository's <b>Settings → Webhooks → Add webhook</b>.</li>
      <li>Paste the <b>Payload URL</b> above; set <b>Content type</b> to <code>application/json</code>.</li>
      <li>Paste the <b>Secret</b> above (Pier rejects deliveries that aren't signed with it).</li>
      <li>Choose <b>Just the push event</b>, keep <b>Active</b> checked, and press <b>Add webhook</b>.</li>
    </ol></div>
  </div></div>`;

  const deleteCard = html`<div class="card danger-zone" id="delete"><div class="ch"><h2>Delete app</h2></div><div class="cb">
    <p class="muted">Stops every container of <b>${app.name}</b> and deletes its deployments, logs, releases and variables. This can't be undone.</p>
    <form method="post" action="/apps/${app.name}/delete" novalidate data-form="delete" data-confirm="Delete ${app.name} for good?">${csrfField(ctx)}
      ${field({ name: "confirm", label: `Type ${app.name} to confirm`, value: errors.confirm ? values.confirm : "", errors, placeholder: app.name })}
      <div class="formfoot"><button class="btn danger" type="submit">Delete ${app.name}</button></div>
    </form></div></div>`;

  return layout(ctx, {
    title: `${app.name} · Settings`,
    nav: "apps",
    body: html`${appHeader(ctx, app, live, "settings", hasDeployments)}${settingsCard}${envCard}${webhookCard}${deleteCard}`,
  });
}
