import type { Deployment } from "@pier/db";
import type { z } from "zod";
import type { appDto } from "../../schemas/app.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { shownState, stateBadge } from "../app-state.ts";
import { html, raw, type Html } from "../html.ts";
import {
  isUnfinished,
  AUTO_REFRESH,
  badge,
  commitCell,
  csrfField,
  externalLink,
  field,
  healthBadge,
  heading,
  layout,
  tableHead,
  timeAgo,
  type PageContext,
} from "../ui.ts";

export interface AppRow {
  /** With `replicas`: how production runs now. */
  app: z.infer<typeof appDto>;
  /** The newest deployment, whatever became of it. */
  latest: Deployment | null;
  /** What production serves, and since when (its release). */
  live: { deployment: Deployment; since: Date } | null;
}

const step = (n: number, title: string, text: Html) =>
  html`<div class="step"><span class="n">${n}</span><b>${title}</b><span class="muted small">${text}</span></div>`;

const EMPTY = html`<div class="head">${heading("Apps", "Everything Pier deploys for you.")}</div>
  <div class="card"><div class="empty" data-empty="apps">
    <h2>No apps yet</h2>
    <p>An app is a Git repository Pier builds and runs. Create one, then let GitHub tell Pier about every push.</p>
    <div class="steps">
      ${step(1, "Create an app", html`Name it and point it at a repository and branch.`)}
      ${step(2, "Paste the webhook into GitHub", html`Its URL and secret are on the app's settings page.`)}
      ${step(3, "Push", html`Every push to the branch builds and goes live when healthy.`)}
    </div>
    <p><a class="btn primary" href="/apps/new">Create your first app</a></p>
  </div></div>`;

/** The live deployment: its id, its commit and since when it serves. */
function liveCell(ctx: PageContext, live: AppRow["live"]): Html {
  if (!live) return html`<span class="faint small">nothing live</span>`;
  const { deployment } = live;
  const id = html`<a class="mono muted" href="/deployments/${deployment.id}">${deployment.shortId}</a>`;
  const since = html`${id} · live since ${timeAgo(live.since, ctx.now)}`;
  return commitCell(deployment.commitSha, deployment.commitMessage, since);
}

/**
 * Every app: how production runs (replicas), what is live (deployment, commit, since when), and how its last
 * deploy went, in the state every page shows for it (shownState).
 */
export function appsPage(ctx: PageContext, rows: AppRow[]): string {
  const busy = rows.some((r) => r.latest && isUnfinished(r.latest.status));
  const row = ({ app, latest, live }: AppRow) => {
    const url = app.productionDeploymentId
      ? externalLink(app.url, app.url.replace(/^https?:\/\//, ""))
      : html`<span class="faint small">not live yet</span>`;
    const health = html`<a href="/apps/${app.name}#production" class="nodec">${healthBadge(app.replicas)}</a>`;
    const isProduction = latest?.id === app.productionDeploymentId;
    const state = latest ? stateBadge(shownState({ status: latest.status, isProduction }, app.replicas)) : badge(null);
    const status = latest ? html`<a href="/deployments/${latest.id}" class="nodec">${state}</a>` : state;
    return html`<tr class="rowlink" data-app="${app.name}">
              <td><a class="name" href="/apps/${app.name}">${app.name}</a><br>
                ${url}</td>
              <td data-col="production">${health}</td>
              <td data-col="live">${liveCell(ctx, live)}</td>
              <td data-col="last-deploy" class="nowrap">${status}
                <div class="small muted">${timeAgo(latest?.createdAt, ctx.now)}</div></td>
            </tr>`;
  };
  const count = `${rows.length} ${rows.length === 1 ? "app" : "apps"}`;
  const head = tableHead(["App", "Production", "Live", "Last deploy"]);
  const body =
    rows.length === 0
      ? EMPTY
      : html`<div class="head"><div><h1>Apps</h1><div class="sub">${count}</div></div>
          <div class="actions"><a class="btn primary" href="/apps/new">New app</a></div></div>
        <div class="card"><table data-table="apps">
          ${head}
          <tbody>${rows.map(row)}</tbody></table></div>`;
  return layout(ctx, { title: "Apps", nav: "apps", body, scripts: busy ? [AUTO_REFRESH] : [] });
}

export function newAppPage(ctx: PageContext, values: FormValues, errors: FieldErrors): string {
  const advancedOpen = ["rootDir", "port", "healthCheckPath"].some((k) => errors[k] || values[k]);
  const open = advancedOpen ? raw("open") : "";
  const create = html`<button class="btn primary" type="submit">Create app</button>`;
  const head = heading("New app", "Pier clones the repository, builds it and runs it behind its own URL.");
  return layout(ctx, {
    title: "New app",
    nav: "new",
    body: html`<div class="crumbs"><a href="/">Apps</a> /</div>
      <div class="head">${head}</div>
      <div class="card"><div class="cb">
        <form method="post" action="/apps/new" novalidate data-form="new-app">
          ${csrfField(ctx)}
          ${errors._form ? html`<div class="flash error">${errors._form}</div>` : ""}
          <div class="grid2">
            ${field({
              name: "name",
              label: "Name",
              value: values.name,
              errors,
              required: true,
              autofocus: !values.name,
              placeholder: "my-app",
              help: "Lowercase letters, digits and '-'. It becomes the app's host name.",
            })}
            ${field({
              name: "branch",
              label: "Branch",
              value: values.branch ?? "main",
              errors,
              help: "Pushes to this branch deploy to production.",
            })}
          </div>
          ${field({
            name: "repoUrl",
            label: "Repository URL",
            value: values.repoUrl,
            errors,
            required: true,
            placeholder: "https://github.com/you/app.git",
            help: "Public HTTPS URL of the Git repository.",
          })}
          <details ${open}><summary class="muted">Build and run options</summary><div class="grid2" data-advanced>
            ${field({
              name: "rootDir",
              label: "Root directory",
              value: values.rootDir,
              errors,
              placeholder: "(repository root)",
              help: "For monorepos: the folder that holds the app.",
            })}
            ${field({
              name: "port",
              label: "Port",
              value: values.port,
              errors,
              placeholder: "auto",
              help: "Leave empty: Pier sets PORT and the app listens on it.",
            })}
            ${field({
              name: "healthCheckPath",
              label: "Health-check path",
              value: values.healthCheckPath,
              errors,
              placeholder: "/",
              help: "Must answer 2xx before traffic switches.",
            })}
          </div></details>
          <div class="formfoot"><a class="btn" href="/">Cancel</a>${create}</div>
        </form>
      </div></div>`,
  });
}
