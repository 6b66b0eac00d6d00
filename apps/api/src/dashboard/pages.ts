import type { App, Deployment } from "@pier/db";
import type { z } from "zod";
import type { appDto } from "../schemas/app.ts";
import type { releaseDto } from "../schemas/release.ts";
import type { deploymentDto } from "../schemas/deployment.ts";
import { html, raw, type Html, type Interpolation } from "./html.ts";
import { badge, commitCell, csrfField, duration, layout, shortSha, subject, timeAgo, type PageContext } from "./ui.ts";

type AppView = z.infer<typeof appDto>;
type DeploymentView = z.infer<typeof deploymentDto>;
type ReleaseView = z.infer<typeof releaseDto>;
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

const ACTIVE = new Set(["QUEUED", "BUILDING", "DEPLOYING"]);

/** Reloads the page every few seconds while something is building, so statuses stay current. */
const AUTO_REFRESH = `setTimeout(function(){if(!document.hidden)location.reload();else document.addEventListener("visibilitychange",function(){location.reload()},{once:true})},5000);`;

function field(options: { name: string; label: string; value?: string; errors: FieldErrors; help?: Interpolation; placeholder?: string; type?: string; required?: boolean; autofocus?: boolean; mono?: boolean }): Html {
  const error = options.errors[options.name];
  const id = `f-${options.name}`;
  return html`<div class="field">
    <label for="${id}">${options.label}</label>
    <input id="${id}" name="${options.name}" type="${options.type ?? "text"}" value="${options.value ?? ""}" placeholder="${options.placeholder ?? ""}"
      ${options.required ? raw("required") : ""} ${options.autofocus ? raw("autofocus") : ""} ${error ? raw('class="invalid" aria-invalid="true"') : ""} ${raw(`aria-describedby="${id}-msg"`)} autocomplete="off" spellcheck="false">
    ${error ? html`<div class="err" id="${id}-msg" data-error-for="${options.name}">${error}</div>` : options.help ? html`<div class="help" id="${id}-msg">${options.help}</div>` : ""}
  </div>`;
}

// ---------------------------------------------------------------- sign-in

export function loginPage(ctx: PageContext, options: { next: string; error?: string }): string {
  return layout(ctx, {
    title: "Sign in",
    body: html`<div class="login">
      <div class="brand"><span>Sign in to Pier</span></div>
      <div class="card"><div class="cb">
        <form method="post" action="/login">
          ${csrfField(ctx)}<input type="hidden" name="next" value="${options.next}">
          ${field({ name: "token", label: "Admin token", type: "password", errors: options.error ? { token: options.error } : {}, required: true, autofocus: true, help: html`The value of <code>PIER_ADMIN_TOKEN</code> on the server.` })}
          <button class="btn primary" type="submit">Sign in</button>
        </form>
      </div></div>
      <p class="center muted small">Sessions last 12 hours. Nothing else to configure.</p>
    </div>`,
  });
}

// ---------------------------------------------------------------- apps list

export interface AppRow {
  app: AppView;
  latest: Deployment | null;
  live: boolean;
}

export function appsPage(ctx: PageContext, rows: AppRow[]): string {
  const busy = rows.some((r) => r.latest && ACTIVE.has(r.latest.status));
  const body =
    rows.length === 0
      ? html`<div class="head"><div><h1>Apps</h1><div class="sub">Everything Pier deploys for you.</div></div></div>
        <div class="card"><div class="empty" data-empty="apps">
          <h2>No apps yet</h2>
          <p>An app is a Git repository Pier builds and runs. Create one, then let GitHub tell Pier about every push.</p>
          <div class="steps">
            <div class="step"><span class="n">1</span><b>Create an app</b><span class="muted small">Name it and point it at a repository and branch.</span></div>
            <div class="step"><span class="n">2</span><b>Paste the webhook into GitHub</b><span class="muted small">Its URL and secret are on the app's settings page.</span></div>
            <div class="step"><span class="n">3</span><b>Push</b><span class="muted small">Every push to the branch builds and goes live when healthy.</span></div>
          </div>
          <p><a class="btn primary" href="/apps/new">Create your first app</a></p>
        </div></div>`
      : html`<div class="head"><div><h1>Apps</h1><div class="sub">${rows.length} ${rows.length === 1 ? "app" : "apps"}</div></div>
          <div class="actions"><a class="btn primary" href="/apps/new">New app</a></div></div>
        <div class="card"><table data-table="apps">
          <thead><tr><th>App</th><th>Status</th><th class="hide-sm">Commit</th><th>Last deploy</th></tr></thead>
          <tbody>${rows.map(
            ({ app, latest, live }) => html`<tr class="rowlink" data-app="${app.name}">
              <td><a class="name" href="/apps/${app.name}">${app.name}</a><br>
                ${live ? html`<a class="pill-url" href="${app.url}" target="_blank" rel="noopener noreferrer">${app.url.replace(/^https?:\/\//, "")}</a>` : html`<span class="faint small">not live yet</span>`}</td>
              <td>${latest ? html`<a href="/deployments/${latest.id}" class="nodec">${badge(latest.status)}</a>` : badge(null)}</td>
              <td class="hide-sm">${latest ? commitCell(latest.commitSha, latest.commitMessage, latest.branch) : html`<span class="faint">—</span>`}</td>
              <td class="nowrap">${timeAgo(latest?.createdAt, ctx.now)}</td>
            </tr>`,
          )}</tbody></table></div>`;
  return layout(ctx, { title: "Apps", nav: "apps", body, scripts: busy ? [AUTO_REFRESH] : [] });
}

// ---------------------------------------------------------------- new app

export function newAppPage(ctx: PageContext, values: FormValues, errors: FieldErrors): string {
  const advancedOpen = ["rootDir", "port", "healthCheckPath"].some((k) => errors[k] || values[k]);
  return layout(ctx, {
    title: "New app",
    nav: "new",
    body: html`<div class="crumbs"><a href="/">Apps</a> /</div>
      <div class="head"><div><h1>New app</h1><div class="sub">Pier clones the repository, builds it and runs it behind its own URL.</div></div></div>
      <div class="card"><div class="cb">
        <form method="post" action="/apps/new" novalidate data-form="new-app">
          ${csrfField(ctx)}
          ${errors._form ? html`<div class="flash error">${errors._form}</div>` : ""}
          <div class="grid2">
            ${field({ name: "name", label: "Name", value: values.name, errors, required: true, autofocus: !values.name, placeholder: "my-app", help: "Lowercase letters, digits and '-'. It becomes the app's host name." })}
            ${field({ name: "branch", label: "Branch", value: values.branch ?? "main", errors, help: "Pushes to this branch deploy to production." })}
          </div>
          ${field({ name: "repoUrl", label: "Repository URL", value: values.repoUrl, errors, required: true, placeholder: "https://github.com/you/app.git", help: "Public HTTPS URL of the Git repository." })}
          <details ${advancedOpen ? raw("open") : ""}><summary class="muted">Build and run options</summary><div class="grid2" data-advanced>
            ${field({ name: "rootDir", label: "Root directory", value: values.rootDir, errors, placeholder: "(repository root)", help: "For monorepos: the folder that holds the app." })}
            ${field({ name: "port", label: "Port", value: values.port, errors, placeholder: "auto", help: "Leave empty: Pier sets PORT and the app listens on it." })}
            ${field({ name: "healthCheckPath", label: "Health-check path", value: values.healthCheckPath, errors, placeholder: "/", help: "Must answer 2xx before traffic switches." })}
          </div></details>
          <div class="formfoot"><a class="btn" href="/">Cancel</a><button class="btn primary" type="submit">Create app</button></div>
        </form>
      </div></div>`,
  });
}

// ---------------------------------------------------------------- app page

function appHeader(ctx: PageContext, app: AppView, live: boolean, tab: "overview" | "logs" | "settings", hasDeployments: boolean): Html {
  return html`<div class="crumbs"><a href="/">Apps</a> /</div>
    <div class="head"><div><h1>${app.name}</h1>
      <div class="sub">${live ? html`<a class="pill-url" href="${app.url}" target="_blank" rel="noopener noreferrer">${app.url}</a>` : html`<span class="faint">Not live yet</span>`}
      <span class="faint"> · </span><span class="mono">${app.branch}</span> <span class="faint">·</span> <span class="muted small">${app.repoUrl}</span></div></div>
      <div class="actions">
        <form method="post" action="/apps/${app.name}/deploy" class="inline">${csrfField(ctx)}<button class="btn primary" type="submit" data-action="deploy">${hasDeployments ? "Redeploy" : "Deploy"}</button></form>
      </div></div>
    <nav class="tabs"><a href="/apps/${app.name}" class="${tab === "overview" ? "on" : ""}">Deployments</a><a href="/apps/${app.name}/logs" class="${tab === "logs" ? "on" : ""}">Logs</a><a href="/apps/${app.name}/settings" class="${tab === "settings" ? "on" : ""}">Settings</a></nav>`;
}

export function appPage(ctx: PageContext, app: AppView, deployments: Array<{ view: DeploymentView; raw: Deployment }>, releases: ReleaseView[], production: Deployment | null): string {
  const busy = deployments.some((d) => ACTIVE.has(d.view.status));
  const liveButton = (d: { view: DeploymentView; raw: Deployment }): Html | string => {
    if (d.view.status !== "READY" || d.view.isProduction || d.raw.imagePrunedAt) return "";
    const older = production !== null && d.raw.createdAt < production.createdAt;
    const kind = older ? "rollback" : "promote";
    const label = older ? "Roll back to this" : "Promote";
    const question = older ? `Roll ${app.name} back to deployment ${d.view.shortId}? It goes live without a rebuild.` : `Make deployment ${d.view.shortId} production of ${app.name}?`;
    return html`<form method="post" action="/apps/${app.name}/${kind}" class="inline" data-confirm="${question}">${csrfField(ctx)}<input type="hidden" name="deploymentId" value="${d.view.id}"><button class="btn sm" type="submit" data-action="${kind}" data-deployment="${d.view.id}">${label}</button></form>`;
  };

  const deploymentsCard =
    deployments.length === 0
      ? html`<div class="card"><div class="empty" data-empty="deployments"><h2>No deployments yet</h2>
          <p>Press <b>Deploy</b> to build the head of <code>${app.branch}</code> now, or add the webhook from <a href="/apps/${app.name}/settings">Settings</a> to GitHub so every push deploys.</p>
          <form method="post" action="/apps/${app.name}/deploy" class="inline">${csrfField(ctx)}<button class="btn primary" type="submit">Deploy now</button></form></div></div>`
      : html`<div class="card"><div class="ch"><h2>Deployments</h2><span class="hint">Newest first</span></div><table data-table="deployments">
          <thead><tr><th>Status</th><th>Commit</th><th class="hide-sm">Branch</th><th>Created</th><th class="hide-sm">Duration</th><th></th></tr></thead>
          <tbody>${deployments.map(
            (d) => html`<tr data-deployment="${d.view.id}" data-status="${d.view.status}">
              <td class="nowrap"><a href="/deployments/${d.view.id}">${badge(d.view.status)}</a> ${d.view.isProduction ? html`<span class="tag prod" title="Serves ${app.url}">Production</span>` : ""}
                <div class="small"><a class="mono muted" href="/deployments/${d.view.id}">${d.view.shortId}</a>${d.view.url && d.view.status === "READY" ? html` · <a class="pill-url" href="${d.view.url}" target="_blank" rel="noopener noreferrer">visit</a>` : ""}</div></td>
              <td>${commitCell(d.view.commitSha, d.view.commitMessage, d.view.commitAuthor ? `by ${d.view.commitAuthor} · ${d.view.trigger.toLowerCase()}` : d.view.trigger.toLowerCase())}</td>
              <td class="hide-sm mono">${d.view.branch}</td>
              <td class="nowrap">${timeAgo(d.raw.createdAt, ctx.now)}</td>
              <td class="hide-sm nowrap muted">${d.view.durationMs === null && ACTIVE.has(d.view.status) ? html`<span class="livedot">running</span>` : duration(d.view.durationMs)}</td>
              <td class="right nowrap">${liveButton(d)}</td>
            </tr>`,
          )}</tbody></table></div>`;

  const ref = (r: { id: string; shortId: string } | null) => (r ? html`<a class="mono" href="/deployments/${r.id}">${r.shortId}</a>` : html`<span class="faint">—</span>`);
  const releasesCard = html`<div class="card"><div class="ch"><h2>Releases</h2><span class="hint">Every change of what production serves</span></div>
    ${
      releases.length === 0
        ? html`<div class="empty" data-empty="releases"><p>No releases yet. The first deployment that gets healthy becomes <b>v1</b>.</p></div>`
        : html`<table data-table="releases"><thead><tr><th>Release</th><th>Kind</th><th>Cause</th><th>From → to</th><th>When</th></tr></thead>
          <tbody>${releases.map(
            (r) => html`<tr data-release="${r.name}" data-kind="${r.kind}">
              <td><b>${r.name}</b> ${r.isCurrent ? html`<span class="tag prod">Current</span>` : ""}</td>
              <td><span class="tag k-${r.kind}">${r.kind.toLowerCase()}</span></td>
              <td class="muted">${r.cause.toLowerCase()}</td>
              <td class="nowrap">${ref(r.from)} <span class="faint">→</span> ${ref(r.to)}</td>
              <td class="nowrap">${timeAgo(new Date(r.createdAt), ctx.now)}</td></tr>`,
          )}</tbody></table>`
    }</div>`;

  return layout(ctx, {
    title: app.name,
    nav: "apps",
    body: html`${appHeader(ctx, app, production !== null, "overview", deployments.length > 0)}${deploymentsCard}${releasesCard}`,
    scripts: busy ? [AUTO_REFRESH] : [],
  });
}

// ---------------------------------------------------------------- deployment page

export interface LogLine {
  id: string;
  stream: string;
  line: string;
  at: Date;
}

const LOG_SCRIPT = `
(function(){
  var log=document.getElementById("log"),badge=document.getElementById("status"),live=document.getElementById("live");
  var id=log.getAttribute("data-deployment"),last=Number(log.getAttribute("data-after")||0),done=!log.hasAttribute("data-live");
  var none=document.getElementById("log-none");
  function nearBottom(){return log.scrollHeight-log.scrollTop-log.clientHeight<60}
  log.scrollTop=log.scrollHeight;
  if(done)return;
  function pad(n){return(n<10?"0":"")+n}
  function add(l){var stick=nearBottom();if(none){none.remove();none=null}
    var d=document.createElement("div");d.className="ln "+String(l.stream).replace(/[^a-z]/g,"");
    var t=document.createElement("span");t.className="t";var at=new Date(l.at);t.textContent=pad(at.getHours())+":"+pad(at.getMinutes())+":"+pad(at.getSeconds());
    var x=document.createElement("span");x.className="x";x.textContent=l.line;d.appendChild(t);d.appendChild(x);log.appendChild(d);
    if(stick)log.scrollTop=log.scrollHeight}
  function setStatus(s){badge.className="badge b-"+s;badge.setAttribute("data-status",s);badge.textContent=s.charAt(0)+s.slice(1).toLowerCase()}
  function connect(){
    var es=new EventSource("/deployments/"+encodeURIComponent(id)+"/events?after="+last);
    es.addEventListener("line",function(e){var l=JSON.parse(e.data);if(Number(l.id)<=last)return;last=Number(l.id);add(l)});
    es.addEventListener("status",function(e){setStatus(JSON.parse(e.data).status)});
    es.addEventListener("end",function(e){var x=JSON.parse(e.data);done=true;es.close();setStatus(x.status);if(live)live.remove();
      setTimeout(function(){location.reload()},1200)});
    es.onerror=function(){es.close();if(!done)setTimeout(connect,2000)};
  }
  connect();
})();
`;

export function deploymentPage(ctx: PageContext, app: AppView, d: DeploymentView, lines: LogLine[], canRelease: "rollback" | "promote" | null): string {
  const active = ACTIVE.has(d.status);
  const lastId = lines.length ? lines[lines.length - 1]!.id : "0";
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = (at: Date) => `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  const releaseForm =
    canRelease === null
      ? ""
      : html`<form method="post" action="/apps/${app.name}/${canRelease}" class="inline" data-confirm="${canRelease === "rollback" ? `Roll ${app.name} back to ${d.shortId}?` : `Make ${d.shortId} production of ${app.name}?`}">${csrfField(ctx)}<input type="hidden" name="deploymentId" value="${d.id}"><button class="btn" type="submit" data-action="${canRelease}">${canRelease === "rollback" ? "Roll back to this" : "Promote to production"}</button></form>`;
  return layout(ctx, {
    title: `${app.name} · ${d.shortId}`,
    nav: "apps",
    body: html`<div class="crumbs"><a href="/">Apps</a> / <a href="/apps/${app.name}">${app.name}</a> /</div>
      <div class="head"><div><h1>Deployment <span class="mono">${d.shortId}</span> ${badge(d.status, "status")} ${d.isProduction ? html`<span class="tag prod">Production</span>` : ""}</h1>
        <div class="sub">${d.commitSha ? html`<span class="sha">${shortSha(d.commitSha)}</span> ${subject(d.commitMessage)}` : html`<span class="faint">Commit not resolved yet</span>`}</div></div>
        <div class="actions">${releaseForm}<form method="post" action="/apps/${app.name}/deploy" class="inline">${csrfField(ctx)}<button class="btn" type="submit" data-action="deploy">Redeploy</button></form></div></div>
      <div class="card"><div class="meta">
        <div><div class="l">App</div><a href="/apps/${app.name}">${app.name}</a></div>
        <div><div class="l">Branch</div><span class="mono">${d.branch}</span></div>
        <div><div class="l">Author</div>${d.commitAuthor ?? html`<span class="faint">—</span>`}</div>
        <div><div class="l">Trigger</div>${d.trigger.toLowerCase()}</div>
        <div><div class="l">Created</div>${timeAgo(new Date(d.createdAt), ctx.now)}</div>
        <div><div class="l">Duration</div>${active ? html`<span class="livedot">in progress</span>` : duration(d.durationMs)}</div>
        <div><div class="l">URL</div>${d.url && d.status === "READY" ? html`<a class="pill-url" href="${d.url}" target="_blank" rel="noopener noreferrer">${d.url.replace(/^https?:\/\//, "")}</a>` : html`<span class="faint">—</span>`}</div>
      </div>${d.reason ? html`<div class="reason" data-reason><b>${d.status === "FAILED" ? "Failed" : "Cancelled"}:</b> ${d.reason}</div>` : ""}</div>
      <div class="card"><div class="ch"><h2>Build log</h2>${active ? html`<span class="livedot" id="live">Live</span>` : html`<span class="hint">${lines.length} lines · times in UTC</span>`}</div>
        <div class="log" id="log" data-deployment="${d.id}" data-after="${lastId}" ${active ? raw("data-live") : ""} role="log" aria-live="polite">${
          lines.length === 0 ? html`<div class="none" id="log-none">${active ? "Waiting for the build to start…" : "No log lines were recorded."}</div>` : ""
        }${lines.map((l) => html`<div class="ln ${l.stream.replace(/[^a-z]/g, "")}"><span class="t">${clock(l.at)}</span><span class="x">${l.line}</span></div>`)}</div></div>`,
    scripts: [LOG_SCRIPT],
  });
}

// ---------------------------------------------------------------- settings

export interface EnvRow {
  key: string;
  masked: string;
  updatedAt: Date;
}

export function settingsPage(ctx: PageContext, app: AppView, live: boolean, hasDeployments: boolean, env: EnvRow[], values: FormValues, errors: FieldErrors): string {
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
        : html`<table data-table="env"><thead><tr><th>Key</th><th>Value</th><th class="hide-sm">Updated</th><th></th></tr></thead><tbody>${env.map(
            (e) => html`<tr data-env="${e.key}"><td class="mono"><b>${e.key}</b></td><td class="mono muted">${e.masked}</td><td class="hide-sm">${timeAgo(e.updatedAt, ctx.now)}</td>
              <td class="right nowrap"><form method="post" action="/apps/${app.name}/env/unset" class="inline" data-confirm="Remove ${e.key}?">${csrfField(ctx)}<input type="hidden" name="key" value="${e.key}"><button class="btn sm ghost" type="submit">Remove</button></form></td></tr>`,
          )}</tbody></table>`
    }
    <div class="cb"><form method="post" action="/apps/${app.name}/env" novalidate data-form="env">${csrfField(ctx)}
      <div class="grid2">
        ${field({ name: "key", label: "Key", value: values.key, errors, placeholder: "API_KEY", help: "Setting an existing key replaces its value." })}
        ${field({ name: "value", label: "Value", value: errors.key || errors.value ? values.value : "", type: "password", errors, placeholder: "••••••••" })}
      </div>
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

  return layout(ctx, { title: `${app.name} · Settings`, nav: "apps", body: html`${appHeader(ctx, app, live, "settings", hasDeployments)}${settingsCard}${envCard}${webhookCard}${deleteCard}` });
}

/** The running app's own output (stdout and stderr of production); ?follow=1 refreshes every 2 s. */
export function runtimeLogsPage(ctx: PageContext, app: AppView, live: boolean, hasDeployments: boolean, output: string | null, follow: boolean): string {
  const body =
    output === null
      ? html`<div class="card"><div class="cb muted" data-empty="runtime-logs">Nothing runs in production yet: deploy the app and its output shows here.</div></div>`
      : html`<div class="card"><div class="ch"><h2>Runtime logs</h2><span class="hint">stdout and stderr of the production container, last 300 lines ·
          ${follow ? html`<a href="/apps/${app.name}/logs">Stop following</a>` : html`<a href="/apps/${app.name}/logs?follow=1" data-action="follow">Follow</a>`}</span></div>
          <pre class="log" data-log="runtime">${output || "(no output yet)"}</pre></div>`;
  return layout(ctx, { title: `${app.name} · Logs`, nav: "apps", refreshSeconds: follow ? 2 : undefined, body: html`${appHeader(ctx, app, live, "logs", hasDeployments)}${body}` });
}

// ---------------------------------------------------------------- errors

export function errorPage(ctx: PageContext, status: number, title: string, message: string): string {
  return layout(ctx, {
    title,
    body: html`<div class="card"><div class="empty" data-error="${status}"><h2>${title}</h2><p>${message}</p><p><a class="btn" href="/">Back to apps</a></p></div></div>`,
  });
}
