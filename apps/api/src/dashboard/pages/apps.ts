import type { Deployment } from "@pier/db";
import type { z } from "zod";
import type { appDto } from "../../schemas/app.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, raw } from "../html.ts";
import {
  isUnfinished,
  AUTO_REFRESH,
  badge,
  commitCell,
  csrfField,
  field,
  healthBadge,
  layout,
  timeAgo,
  type PageContext,
} from "../ui.ts";

export interface AppRow {
  /** With `replicas`: how production runs now. */
  app: z.infer<typeof appDto>;
  /** The newest deployment, whatever became of it. */
  latest: Deployment | null;
}

const EMPTY = html`<div class="head"><div><h1>Apps</h1><div class="sub">Everything Pier deploys for you.</div></div></div>
  <div class="card"><div class="empty" data-empty="apps">
    <h2>No apps yet</h2>
    <p>An app is a Git repository Pier builds and runs. Create one, then let GitHub tell Pier about every push.</p>
    <div class="steps">
      <div class="step"><span class="n">1</span><b>Create an app</b><span class="muted small">Name it and point it at a repository and branch.</span></div>
      <div class="step"><span class="n">2</span><b>Paste the webhook into GitHub</b><span class="muted small">Its URL and secret are on the app's settings page.</span></div>
      <div class="step"><span class="n">3</span><b>Push</b><span class="muted small">Every push to the branch builds and goes live when healthy.</span></div>
    </div>
    <p><a class="btn primary" href="/apps/new">Create your first app</a></p>
  </div></div>`;

/** Every app: how production runs (replicas) apart from how its last deploy went. */
export function appsPage(ctx: PageContext, rows: AppRow[]): string {
  const busy = rows.some((r) => r.latest && isUnfinished(r.latest.status));
  const body =
    rows.length === 0
      ? EMPTY
      : html`<div class="head"><div><h1>Apps</h1><div class="sub">${rows.length} ${rows.length === 1 ? "app" : "apps"}</div></div>
          <div class="actions"><a class="btn primary" href="/apps/new">New app</a></div></div>
        <div class="card"><table data-table="apps">
          <thead><tr><th>App</th><th>Production</th><th>Last deploy</th><th class="hide-sm">Commit</th></tr></thead>
          <tbody>${rows.map(
            ({ app, latest }) => html`<tr class="rowlink" data-app="${app.name}">
              <td><a class="name" href="/apps/${app.name}">${app.name}</a><br>
                ${app.productionDeploymentId ? html`<a class="pill-url" href="${app.url}" target="_blank" rel="noopener noreferrer">${app.url.replace(/^https?:\/\//, "")}</a>` : html`<span class="faint small">not live yet</span>`}</td>
              <td data-col="production"><a href="/apps/${app.name}#production" class="nodec">${healthBadge(app.replicas)}</a></td>
              <td data-col="last-deploy" class="nowrap">${latest ? html`<a href="/deployments/${latest.id}" class="nodec">${badge(latest.status)}</a>` : badge(null)}
                <div class="small muted">${timeAgo(latest?.createdAt, ctx.now)}</div></td>
              <td class="hide-sm">${latest ? commitCell(latest.commitSha, latest.commitMessage, latest.branch) : html`<span class="faint">—</span>`}</td>
            </tr>`,
          )}</tbody></table></div>`;
  return layout(ctx, { title: "Apps", nav: "apps", body, scripts: busy ? [AUTO_REFRESH] : [] });
}

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
