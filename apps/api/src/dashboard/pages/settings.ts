import type { FieldErrors, FormValues } from "../forms.ts";
import { html } from "../html.ts";
import { cardHead, csrfField, field, layout, tableHead, timeAgo, type PageContext } from "../ui.ts";
import { appHeader, type AppView } from "./app.ts";
import { credentialCard, type CredentialView } from "./credential.ts";
import { webhookWarningBox } from "./deliveries.ts";

export interface EnvRow {
  key: string;
  masked: string;
  /** production, preview or both. */
  targets: string[];
  updatedAt: Date;
}

const NEXT_DEPLOY = "Changes apply to the next deploy.";
const ADD_VARIABLES = html`Add <code>DATABASE_URL</code>, API keys and the like below;`;
const NO_VARIABLES = html`No variables yet. ${ADD_VARIABLES} the app reads them from its environment.`;
const TARGET_OPTIONS = [
  html`<option value="both">production and previews</option>`,
  html`<option value="production">production only</option>`,
  html`<option value="preview">previews only</option>`,
];
const EVERYTHING_OF_IT = html`its deployments, logs, releases and variables. This can't be undone.`;
const PREVIEWS_APART = "without touching production; deleting the branch stops its preview.";

/** After an env change: production still runs the old values until a deploy, or a redeploy without a build. */
function redeployOffer(ctx: PageContext, name: string) {
  const button = html`<button class="btn sm primary" type="submit" data-action="redeploy">Redeploy now</button>`;
  const action = `/apps/${name}/redeploy`;
  const form = html`<form method="post" action="${action}" class="inline">${csrfField(ctx)}${button}</form>`;
  return html`<div class="cb" data-env-pending>Env changes apply on the next deploy — ${form}
    <span class="muted small">(no build: production's image with the variables as they are now)</span></div>`;
}

export function settingsPage(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  hasDeployments: boolean,
  env: EnvRow[],
  credential: CredentialView | null,
  values: FormValues,
  errors: FieldErrors,
  /** A production env var changed since production was made: offer a redeploy. */
  envPending = false,
): string {
  const v = (k: keyof AppView & string) => values[k] ?? (app[k] === null ? "" : String(app[k]));
  const checked = app.previews ? "checked" : "";
  const previews = html`<input type="checkbox" name="previews" value="on" data-field="previews" ${checked}>`;
  const previewHost = html`<code>${app.name}-git-&lt;branch&gt;</code>`;
  const previewsHelp = html`Pushes to other branches deploy at ${previewHost}, ${PREVIEWS_APART}`;
  const settingsCard = html`<div class="card" id="build">${cardHead("Build and run", NEXT_DEPLOY)}<div class="cb">
    <form method="post" action="/apps/${app.name}/settings" novalidate data-form="settings">${csrfField(ctx)}
      ${field({ name: "repoUrl", label: "Repository URL", value: v("repoUrl"), errors })}
      <div class="grid2">
        ${field({ name: "branch", label: "Production branch", value: v("branch"), errors })}
        ${field({
          name: "rootDir",
          label: "Root directory",
          value: v("rootDir"),
          errors,
          placeholder: "(repository root)",
        })}
        ${field({
          name: "port",
          label: "Port",
          value: v("port"),
          errors,
          placeholder: "auto",
          help: "Empty: the app listens on $PORT.",
        })}
        ${field({ name: "healthCheckPath", label: "Health-check path", value: v("healthCheckPath"), errors })}
      </div>
      <div class="field"><label>${previews} Preview deployments</label>
        <div class="help muted">${previewsHelp}</div></div>
      <div class="formfoot"><button class="btn primary" type="submit">Save settings</button></div>
    </form></div></div>`;

  const box = (name: "httpsRedirect" | "hsts") =>
    html`<input type="checkbox" name="${name}" value="on" data-field="${name}" ${app[name] ? "checked" : ""}>`;
  const domainsLink = html`<a href="/apps/${app.name}#domains">domains</a>`;
  const httpsCard = html`<div class="card" id="https">${cardHead("HTTPS", "Takes effect at once")}<div class="cb">
    <form method="post" action="/apps/${app.name}/https" data-form="https">${csrfField(ctx)}
      <div class="field"><label>${box("httpsRedirect")} Redirect HTTP to HTTPS</label>
        <div class="help muted">Plain HTTP to one of the app's ${domainsLink} with a certificate answers a redirect
          (308) to HTTPS.</div></div>
      <div class="field"><label>${box("hsts")} HSTS</label>
        <div class="help muted">HTTPS answers carry <code>Strict-Transport-Security</code>: browsers then refuse plain
          HTTP to those hosts for a year. Turn it on once HTTPS works on every domain.</div></div>
      <div class="formfoot"><button class="btn" type="submit">Save HTTPS settings</button></div>
    </form></div></div>`;

  const envRow = (e: EnvRow) => {
    const key = html`<td class="mono"><b>${e.key}</b></td>`;
    const value = html`<td class="mono muted">${e.masked}</td>`;
    const updated = html`<td class="hide-sm">${timeAgo(e.updatedAt, ctx.now)}</td>`;
    const confirm = html`class="inline" data-confirm="Remove ${e.key}?"`;
    const fields = html`${csrfField(ctx)}<input type="hidden" name="key" value="${e.key}">`;
    const remove = html`<button class="btn sm ghost" type="submit">Remove</button>`;
    const form = html`<form method="post" action="/apps/${app.name}/env/unset" ${confirm}>${fields}${remove}</form>`;
    return html`<tr data-env="${e.key}">${key}${value}<td data-targets>${e.targets.join(", ")}</td>${updated}
              <td class="right nowrap">${form}</td></tr>`;
  };
  const envHead = tableHead(["Key", "Value", "Applies to", ["Updated", "hide-sm"], ""]);
  const envHint = `Values are hidden. ${NEXT_DEPLOY}`;
  const envCard = html`<div class="card" id="env">${cardHead("Environment variables", envHint)}
    ${
      env.length === 0
        ? html`<div class="cb muted" data-empty="env">${NO_VARIABLES}</div>`
        : html`<table data-table="env">${envHead}<tbody>${env.map(envRow)}</tbody></table>`
    }
    ${envPending ? redeployOffer(ctx, app.name) : ""}
    <div class="cb"><form method="post" action="/apps/${app.name}/env" novalidate data-form="env">${csrfField(ctx)}
      <div class="grid2">
        ${field({
          name: "key",
          label: "Key",
          value: values.key,
          errors,
          placeholder: "API_KEY",
          help: "Setting an existing key replaces its value.",
        })}
        ${field({
          name: "value",
          label: "Value",
          value: errors.key || errors.value ? values.value : "",
          type: "password",
          errors,
          placeholder: "••••••••",
        })}
      </div>
      <label class="field">Applies to <select name="target">${TARGET_OPTIONS}</select></label>
      <div class="formfoot"><button class="btn" type="submit">Set variable</button></div>
    </form></div></div>`;

  const copy = (id: string) => html`<button class="btn sm" type="button" data-copy="${id}">Copy</button>`;
  const url = html`<input id="wh-url" type="text" readonly value="${app.webhookUrl}">${copy("wh-url")}`;
  const secretInput = html`<input id="wh-secret" type="password" readonly value="${app.webhookSecret}">`;
  const reveal = html`<button class="btn sm" type="button" data-reveal="wh-secret">Reveal</button>`;
  const secret = html`${secretInput}${reveal}${copy("wh-secret")}`;
  const pushes = html`Deploy on every push to <code>${app.branch}</code>`;
  const webhookCard = html`<div class="card" id="webhook">${cardHead("GitHub webhook", pushes)}<div class="cb">
    ${webhookWarningBox(app.webhookWarning)}
    <div class="field"><label for="wh-url">Payload URL</label><div class="row">${url}</div></div>
    <div class="field"><label for="wh-secret">Secret</label><div class="row">${secret}</div></div>
    <div class="howto muted"><b class="muted">In GitHub:</b><ol>
      <li>Open the repository's <b>Settings → Webhooks → Add webhook</b>.</li>
      <li>Paste the <b>Payload URL</b> above; set <b>Content type</b> to <code>application/json</code>.</li>
      <li>Paste the <b>Secret</b> above (Pier rejects deliveries that aren't signed with it).</li>
      <li>Choose <b>Just the push event</b>, keep <b>Active</b> checked, and press <b>Add webhook</b>.</li>
    </ol></div>
  </div></div>`;

  const csrf = csrfField(ctx);
  const deleteConfirm = html`data-confirm="Delete ${app.name} for good?"`;
  const deleteHead = html`<div class="ch"><h2>Delete app</h2></div>`;
  const deleteCard = html`<div class="card danger-zone" id="delete">${deleteHead}<div class="cb">
    <p class="muted">Stops every container of <b>${app.name}</b> and deletes ${EVERYTHING_OF_IT}</p>
    <form method="post" action="/apps/${app.name}/delete" novalidate data-form="delete" ${deleteConfirm}>${csrf}
      ${field({
        name: "confirm",
        label: `Type ${app.name} to confirm`,
        value: errors.confirm ? values.confirm : "",
        errors,
        placeholder: app.name,
      })}
      <div class="formfoot"><button class="btn danger" type="submit">Delete ${app.name}</button></div>
    </form></div></div>`;

  const header = appHeader(ctx, app, live, "settings", hasDeployments);
  return layout(ctx, {
    title: `${app.name} · Settings`,
    nav: "apps",
    body: html`${header}${settingsCard}${httpsCard}${envCard}${credentialCard(ctx, app.name, credential, errors)}
      ${webhookCard}${deleteCard}`,
  });
}
