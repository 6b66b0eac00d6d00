import type { Deployment } from "@pier/db";
import type { MetricWindow } from "@pier/shared";
import type { z } from "zod";
import type { appDto } from "../../schemas/app.ts";
import type { deploymentDto } from "../../schemas/deployment.ts";
import type { releaseDto } from "../../schemas/release.ts";
import type { AppMetrics } from "../../services/metrics.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, type Html } from "../html.ts";
import {
  isUnfinished,
  AUTO_REFRESH,
  badge,
  commitCell,
  csrfField,
  duration,
  layout,
  timeAgo,
  type PageContext,
} from "../ui.ts";
import { autoscaleCard, type ScaleDecisionView } from "./autoscale.ts";
import { metricsCard } from "./metrics.ts";
import { productionCard, REPLICAS_SCRIPT } from "./production.ts";

export type AppView = z.infer<typeof appDto>;
type DeploymentView = z.infer<typeof deploymentDto>;
type ReleaseView = z.infer<typeof releaseDto>;

/** Name, URL and the Deploy button above the app's tabs (overview, logs, settings). */
export function appHeader(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  tab: "overview" | "logs" | "settings",
  hasDeployments: boolean,
): Html {
  return html`<div class="crumbs"><a href="/">Apps</a> /</div>
    <div class="head"><div><h1>${app.name}</h1>
      <div class="sub">${live ? html`<a class="pill-url" href="${app.url}" target="_blank" rel="noopener noreferrer">${app.url}</a>` : html`<span class="faint">Not live yet</span>`}
      <span class="faint"> · </span><span class="mono">${app.branch}</span> <span class="faint">·</span> <span class="muted small">${app.repoUrl}</span></div></div>
      <div class="actions">
        <form method="post" action="/apps/${app.name}/deploy" class="inline">${csrfField(ctx)}<button class="btn primary" type="submit" data-action="deploy">${hasDeployments ? "Redeploy" : "Deploy"}</button></form>
      </div></div>
    <nav class="tabs"><a href="/apps/${app.name}" class="${tab === "overview" ? "on" : ""}">Overview</a><a href="/apps/${app.name}/logs" class="${tab === "logs" ? "on" : ""}">Logs</a><a href="/apps/${app.name}/settings" class="${tab === "settings" ? "on" : ""}">Settings</a></nav>`;
}

export interface AppPageData {
  /** With `replicas` (replicaStatuses). */
  app: AppView;
  deployments: Array<{ view: DeploymentView; raw: Deployment }>;
  releases: ReleaseView[];
  production: Deployment | null;
  metrics: AppMetrics;
  window: MetricWindow;
  maxReplicas: number;
  /** The autoscaler's decisions, newest first: those in the metrics window (marked on the replicas chart) and the last few. */
  scaleDecisions: { inWindow: ScaleDecisionView[]; latest: ScaleDecisionView[] };
  /** The scale and autoscale forms as typed, and their errors. */
  scale: { values: FormValues; errors: FieldErrors };
  autoscale: { values: FormValues; errors: FieldErrors };
}

function deploymentsCard(ctx: PageContext, { app, deployments, production }: AppPageData): Html {
  const liveButton = (d: { view: DeploymentView; raw: Deployment }): Html | string => {
    if (d.view.status !== "READY" || d.view.isProduction || d.raw.imagePrunedAt) return "";
    const older = production !== null && d.raw.createdAt < production.createdAt;
    const kind = older ? "rollback" : "promote";
    const label = older ? "Roll back to this" : "Promote";
    const question = older
      ? `Roll ${app.name} back to deployment ${d.view.shortId}? It goes live without a rebuild.`
      : `Make deployment ${d.view.shortId} production of ${app.name}?`;
    return html`<form method="post" action="/apps/${app.name}/${kind}" class="inline" data-confirm="${question}">${csrfField(ctx)}<input type="hidden" name="deploymentId" value="${d.view.id}"><button class="btn sm" type="submit" data-action="${kind}" data-deployment="${d.view.id}">${label}</button></form>`;
  };
  if (deployments.length === 0) {
    return html`<div class="card"><div class="empty" data-empty="deployments"><h2>No deployments yet</h2>
      <p>Press <b>Deploy</b> to build the head of <code>${app.branch}</code> now, or add the webhook from <a href="/apps/${app.name}/settings">Settings</a> to GitHub so every push deploys.</p>
      <form method="post" action="/apps/${app.name}/deploy" class="inline">${csrfField(ctx)}<button class="btn primary" type="submit">Deploy now</button></form></div></div>`;
  }
  return html`<div class="card"><div class="ch"><h2>Deployments</h2><span class="hint">Newest first</span></div><table data-table="deployments">
    <thead><tr><th>Status</th><th>Commit</th><th class="hide-sm">Branch</th><th>Created</th><th class="hide-sm">Duration</th><th></th></tr></thead>
    <tbody>${deployments.map(
      (d) => html`<tr data-deployment="${d.view.id}" data-status="${d.view.status}">
        <td class="nowrap"><a href="/deployments/${d.view.id}">${badge(d.view.status)}</a> ${d.view.isProduction ? html`<span class="tag prod" title="Serves ${app.url}">Production</span>` : ""}
          <div class="small"><a class="mono muted" href="/deployments/${d.view.id}">${d.view.shortId}</a>${d.view.url && d.view.status === "READY" ? html` · <a class="pill-url" href="${d.view.url}" target="_blank" rel="noopener noreferrer">visit</a>` : ""}</div></td>
        <td>${commitCell(d.view.commitSha, d.view.commitMessage, d.view.commitAuthor ? `by ${d.view.commitAuthor} · ${d.view.trigger.toLowerCase()}` : d.view.trigger.toLowerCase())}</td>
        <td class="hide-sm mono">${d.view.branch}</td>
        <td class="nowrap">${timeAgo(d.raw.createdAt, ctx.now)}</td>
        <td class="hide-sm nowrap muted">${d.view.durationMs === null && isUnfinished(d.view.status) ? html`<span class="livedot">running</span>` : duration(d.view.durationMs)}</td>
        <td class="right nowrap">${liveButton(d)}</td>
      </tr>`,
    )}</tbody></table></div>`;
}

function releasesCard(ctx: PageContext, releases: ReleaseView[]): Html {
  const ref = (r: { id: string; shortId: string } | null) =>
    r ? html`<a class="mono" href="/deployments/${r.id}">${r.shortId}</a>` : html`<span class="faint">—</span>`;
  return html`<div class="card"><div class="ch"><h2>Releases</h2><span class="hint">Every change of what production serves</span></div>
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
}

/** The app's overview: production (replicas, live, the scale form and the autoscale policy), its metrics, deployments and releases. */
export function appPage(ctx: PageContext, data: AppPageData): string {
  const busy = data.deployments.some((d) => isUnfinished(d.view.status));
  const production = data.production
    ? html`${productionCard(ctx, data.app, data.maxReplicas, data.scale.values, data.scale.errors)}${autoscaleCard(ctx, data.app, data.maxReplicas, data.autoscale.values, data.autoscale.errors)}`
    : "";
  const metrics = data.production
    ? metricsCard(data.app.name, data.metrics, data.window, data.scaleDecisions, ctx.now)
    : "";
  return layout(ctx, {
    title: data.app.name,
    nav: "apps",
    body: html`${appHeader(ctx, data.app, data.production !== null, "overview", data.deployments.length > 0)}${production}${metrics}${deploymentsCard(ctx, data)}${releasesCard(ctx, data.releases)}`,
    scripts: [...(data.production ? [REPLICAS_SCRIPT] : []), ...(busy ? [AUTO_REFRESH] : [])],
  });
}
