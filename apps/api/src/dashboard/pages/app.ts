import { DeploymentStatus, type Deployment } from "@pier/db";
import { flagChangesText, type MetricWindow } from "@pier/shared";
import type { z } from "zod";
import type { appDto } from "../../schemas/app.ts";
import type { deliveryDto } from "../../schemas/delivery.ts";
import type { deploymentDto } from "../../schemas/deployment.ts";
import type { releaseDto } from "../../schemas/release.ts";
import type { AppMetrics } from "../../services/metrics.ts";
import type { ScheduleDto } from "../../services/schedules.ts";
import type { RolloutPanel } from "../../services/rollouts.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { shownState, stateBadge } from "../app-state.ts";
import { FIRST_PAGE, historyHref, isFiltered, pageCount, type DeploymentFilter } from "../deployment-filter.ts";
import { explainFailure } from "../failure-reason.ts";
import { html, raw, type Html } from "../html.ts";
import {
  isUnfinished,
  AUTO_REFRESH,
  cardHead,
  commitCell,
  csrfField,
  duration,
  externalLink,
  layout,
  NONE,
  tableHead,
  timeAgo,
  type PageContext,
} from "../ui.ts";
import { autoscaleCard, type ScaleDecisionView } from "./autoscale.ts";
import { deliveriesCard } from "./deliveries.ts";
import { domainsCard } from "./domains.ts";
import { metricsCard } from "./metrics.ts";
import { productionCard, REPLICAS_SCRIPT } from "./production.ts";
import { schedulesCard } from "./schedules.ts";
import { rolloutCard } from "./rollout.ts";

export type AppView = z.infer<typeof appDto>;
type DeploymentView = z.infer<typeof deploymentDto>;
type ReleaseView = z.infer<typeof releaseDto>;

/** Name, URL and the Deploy button above the app's tabs (overview, logs, settings). */
export function appHeader(
  ctx: PageContext,
  app: AppView,
  live: boolean,
  tab: "overview" | "logs" | "flags" | "settings",
  hasDeployments: boolean,
): Html {
  const url = live ? externalLink(app.url, app.url) : html`<span class="faint">Not live yet</span>`;
  const branch = html`<span class="faint"> · </span><span class="mono">${app.branch}</span>`;
  const repo = html`<span class="faint">·</span> <span class="muted small">${app.repoUrl}</span>`;
  // Builds the branch head; "Redeploy (no build)" beside it starts production's image again.
  const deployLabel = hasDeployments ? "Build & deploy" : "Deploy";
  const buildsHead = html`title="Builds the head of ${app.branch}"`;
  const deploy = html`<button class="btn primary" type="submit" data-action="deploy" ${buildsHead}>
    ${deployLabel}</button>`;
  // Production's image again with the env vars and resources of now: how an env change goes live without a build.
  const redeploy = live
    ? html`<form method="post" action="/apps/${app.name}/redeploy" class="inline">${csrfField(ctx)}
        <button class="btn" type="submit" data-action="redeploy">Redeploy (no build)</button></form>`
    : "";
  const tabLink = (path: string, name: typeof tab, label: string) =>
    html`<a href="/apps/${app.name}${path}" class="${tab === name ? "on" : ""}">${label}</a>`;
  const tabs = [
    tabLink("", "overview", "Overview"),
    tabLink("/logs", "logs", "Logs"),
    tabLink("/flags", "flags", "Flags"),
    tabLink("/settings", "settings", "Settings"),
  ];
  return html`<div class="crumbs"><a href="/">Apps</a> /</div>
    <div class="head"><div><h1>${app.name}</h1>
      <div class="sub">${url}
      ${branch} ${repo}</div></div>
      <div class="actions">
        ${redeploy}
        <form method="post" action="/apps/${app.name}/deploy" class="inline">${csrfField(ctx)}${deploy}</form>
      </div></div>
    <nav class="tabs">${tabs}</nav>`;
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
  /**
   * The autoscaler's decisions, newest first: those in the metrics window (marked on the replicas chart) and the
   * last few.
   */
  scaleDecisions: { inWindow: ScaleDecisionView[]; latest: ScaleDecisionView[] };
  /** The scale, autoscale and add-domain forms as typed, and their errors. */
  scale: { values: FormValues; errors: FieldErrors };
  autoscale: { values: FormValues; errors: FieldErrors };
  domain: { values: FormValues; errors: FieldErrors };
  /** The app's deploy schedules, and the add-schedule form as typed. */
  schedules: ScheduleDto[];
  /** The running gradual rollout (else the latest one) and its chart; null: the app never had one. */
  rollout: RolloutPanel | null;
  schedule: { values: FormValues; errors: FieldErrors };
  /** The last webhook deliveries, newest first. */
  deliveries: Array<z.infer<typeof deliveryDto>>;
  /**
   * `deployments` is one page of the app's history under `filter`: `matching` deployments in all, on the
   * branches the app has deployed from; `anyDeployment` whatever the filter.
   */
  history: { filter: DeploymentFilter; matching: number; branches: string[]; anyDeployment: boolean };
}

type DeploymentRow = { view: DeploymentView; raw: Deployment };

/** Rolls production back to an older deployment, or promotes a newer one; nothing for the others. */
function liveButton(ctx: PageContext, { app, production }: AppPageData, d: DeploymentRow): Html | string {
  if (d.view.status !== "READY" || d.view.isProduction || d.raw.imagePrunedAt) return "";
  // A staged deployment is promoted, whenever it was made.
  const older = !d.view.staged && production !== null && d.raw.createdAt < production.createdAt;
  const kind = older ? "rollback" : "promote";
  const label = older ? "Roll back to this" : "Promote";
  const question = older
    ? `Roll ${app.name} back to deployment ${d.view.shortId}? It goes live without a rebuild.`
    : `Make deployment ${d.view.shortId} production of ${app.name}?`;
  const form = html`class="inline" data-confirm="${question}"`;
  const fields = html`${csrfField(ctx)}<input type="hidden" name="deploymentId" value="${d.view.id}">`;
  const data = html`data-action="${kind}" data-deployment="${d.view.id}"`;
  const button = html`<button class="btn sm" type="submit" ${data}>${label}</button>`;
  return html`<form method="post" action="/apps/${app.name}/${kind}" ${form}>${fields}${button}</form>`;
}

function deploymentRow(ctx: PageContext, data: AppPageData, d: DeploymentRow): Html {
  const { view } = d;
  const production = view.isProduction
    ? html`<span class="tag prod" title="Serves ${data.app.url}">Production</span>`
    : view.staged
      ? html`<span class="tag" title="${view.staged}" data-staged>Staged</span>`
      : "";
  const visit = view.url && view.status === "READY" ? html` · ${externalLink(view.url, "visit")}` : "";
  const trigger = view.trigger.toLowerCase();
  const by = view.commitAuthor ? `by ${view.commitAuthor} · ${trigger}` : trigger;
  const took =
    view.durationMs === null && isUnfinished(view.status)
      ? html`<span class="livedot">running</span>`
      : duration(view.durationMs);
  const state = stateBadge(shownState(view, data.app.replicas));
  const sentence = view.reason ? explainFailure(view.reason).sentence : null;
  const why = sentence ? html`<div class="small muted trunc" data-col="why" title="${sentence}">${sentence}</div>` : "";
  return html`<tr data-deployment="${view.id}" data-status="${view.status}">
        <td class="nowrap"><a href="/deployments/${view.id}" class="nodec">${state}</a> ${production}
          <div class="small"><a class="mono muted" href="/deployments/${view.id}">${view.shortId}</a>${visit}</div></td>
        <td>${commitCell(view.commitSha, view.commitMessage, by)}${why}</td>
        <td class="hide-sm mono">${view.branch}</td>
        <td class="nowrap">${timeAgo(d.raw.createdAt, ctx.now)}</td>
        <td class="hide-sm nowrap muted">${took}</td>
        <td class="right nowrap">${liveButton(ctx, data, d)}</td>
      </tr>`;
}

/** The history's filters: a GET form, so every filtered view is a link. */
function filterForm(data: AppPageData): Html {
  const { filter, branches } = data.history;
  const option = (value: string, label: string, chosen: string | undefined) =>
    html`<option value="${value}" ${chosen === value ? raw("selected") : ""}>${label}</option>`;
  const statuses = Object.values(DeploymentStatus).map((s) =>
    option(s, s.charAt(0) + s.slice(1).toLowerCase(), filter.status),
  );
  const branchOptions = branches.map((b) => option(b, b, filter.branch));
  const window = data.window === "1h" ? "" : html`<input type="hidden" name="window" value="${data.window}">`;
  const clear = isFiltered(filter)
    ? html`<a class="btn sm ghost" href="${historyHref(data.app.name, FIRST_PAGE, data.window)}">Clear</a>`
    : "";
  const search = html`<input type="text" name="q" value="${filter.q ?? ""}" aria-label="Search"
      placeholder="Commit message, author or sha">`;
  const anyStatus = option("", "Any status", filter.status ?? "");
  const anyBranch = option("", "Any branch", filter.branch ?? "");
  return html`<form method="get" action="/apps/${data.app.name}#deployments" class="filters" data-form="history">
      ${window}<select name="status" aria-label="Status">${anyStatus}${statuses}</select>
      <select name="branch" aria-label="Branch">${anyBranch}${branchOptions}</select>
      ${search}<button class="btn sm" type="submit">Filter</button>${clear}</form>`;
}

/** "Page 2 of 5" with links to the newer and the older page, keeping the filters. */
function pager(data: AppPageData): Html | string {
  const { filter, matching } = data.history;
  const pages = pageCount(matching);
  if (pages <= 1 && filter.page === 1) return "";
  const link = (page: number, label: string, rel: string) => {
    const href = historyHref(data.app.name, { ...filter, page }, data.window);
    return html`<a class="btn sm" rel="${rel}" href="${href}">${label}</a>`;
  };
  const newer = filter.page > 1 ? link(Math.min(filter.page - 1, pages), "← Newer", "prev") : "";
  const older = filter.page < pages ? link(filter.page + 1, "Older →", "next") : "";
  return html`<div class="pager" data-pager data-page="${filter.page}" data-pages="${pages}">${newer}
    <span class="muted small">Page ${filter.page} of ${pages} · ${matching} deployments</span>${older}</div>`;
}

function deploymentsCard(ctx: PageContext, data: AppPageData): Html {
  const { app, deployments, history } = data;
  if (!history.anyDeployment) {
    const branch = html`<code>${app.branch}</code>`;
    const webhook = html`the webhook from <a href="/apps/${app.name}/settings">Settings</a>`;
    const deployNow = html`${csrfField(ctx)}<button class="btn primary" type="submit">Deploy now</button>`;
    const title = html`<h2>No deployments yet</h2>`;
    return html`<div class="card" id="deployments"><div class="empty" data-empty="deployments">${title}
      <p>Press <b>Deploy</b> to build the head of ${branch} now, or add ${webhook} to GitHub so every push deploys.</p>
      <form method="post" action="/apps/${app.name}/deploy" class="inline">${deployNow}</form></div></div>`;
  }
  const head = tableHead(["Status", "Commit", ["Branch", "hide-sm"], "Created", ["Duration", "hide-sm"], ""]);
  const clear = html`<a href="${historyHref(app.name, FIRST_PAGE, data.window)}">Show all</a>`;
  const list =
    deployments.length === 0
      ? html`<div class="cb muted" data-empty="history">No deployment matches these filters. ${clear}</div>`
      : html`<table data-table="deployments">
    ${head}
    <tbody>${deployments.map((d) => deploymentRow(ctx, data, d))}</tbody></table>`;
  return html`<div class="card" id="deployments">${cardHead("Deployments", "Newest first · times in UTC")}
    ${filterForm(data)}${list}${pager(data)}</div>`;
}

/** Why Pier made a release by itself (an automatic rollback), under its cause; nothing for releases people made. */
const reasonLine = (reason: string | null) =>
  reason ? html`<div class="small trunc" title="${reason}" data-col="reason">${reason}</div>` : "";

function releasesCard(ctx: PageContext, releases: ReleaseView[]): Html {
  const ref = (r: { id: string; shortId: string } | null) =>
    r ? html`<a class="mono" href="/deployments/${r.id}">${r.shortId}</a>` : NONE;
  // A flags change is an event on production, not a move: what it changed, in place of from → to.
  const fromTo = (r: ReleaseView) =>
    r.changes
      ? html`<span class="mono" data-col="changes">${flagChangesText(r.changes)}</span>`
      : html`${ref(r.from)} <span class="faint">→</span> ${ref(r.to)}`;
  const none = html`<p>No releases yet. The first deployment that gets healthy becomes <b>v1</b>.</p>`;
  const head = tableHead(["Release", "Kind", "Cause", "From → to", "When"]);
  return html`<div class="card">${cardHead("Releases", "Every change of what production serves")}
    ${
      releases.length === 0
        ? html`<div class="empty" data-empty="releases">${none}</div>`
        : html`<table data-table="releases">${head}
          <tbody>${releases.map(
            (r) => html`<tr data-release="${r.name}" data-kind="${r.kind}">
              <td><b>${r.name}</b> ${r.isCurrent ? html`<span class="tag prod">Current</span>` : ""}</td>
              <td><span class="tag k-${r.kind}">${r.kind.toLowerCase()}</span></td>
              <td class="muted">${r.cause.toLowerCase()}${reasonLine(r.reason)}</td>
              <td class="nowrap">${fromTo(r)}</td>
              <td class="nowrap">${timeAgo(new Date(r.createdAt), ctx.now)}</td></tr>`,
          )}</tbody></table>`
    }</div>`;
}

/**
 * The app's overview: production (replicas, live, the scale form and the autoscale policy), its domains, its
 * metrics, deployments, releases and webhook deliveries.
 */
export function appPage(ctx: PageContext, data: AppPageData): string {
  const busy = data.deployments.some((d) => isUnfinished(d.view.status));
  const production = data.production
    ? [
        productionCard(ctx, data.app, data.maxReplicas, data.scale.values, data.scale.errors),
        autoscaleCard(ctx, data.app, data.maxReplicas, data.autoscale.values, data.autoscale.errors),
      ]
    : "";
  const metrics = data.production
    ? metricsCard(data.app.name, data.metrics, data.window, data.scaleDecisions, ctx.now)
    : "";
  const header = appHeader(ctx, data.app, data.production !== null, "overview", data.history.anyDeployment);
  const domains = domainsCard(ctx, data.app, data.domain.values, data.domain.errors);
  const deliveries = deliveriesCard(ctx, data.app, data.deliveries);
  const schedules = schedulesCard(ctx, data.app.name, data.schedules, data.schedule.values, data.schedule.errors);
  const rollout = rolloutCard(ctx, data.app.name, data.rollout);
  const history = html`${deploymentsCard(ctx, data)}${releasesCard(ctx, data.releases)}${deliveries}`;
  return layout(ctx, {
    title: data.app.name,
    nav: "apps",
    body: html`${header}${production}${rollout}${domains}${schedules}${metrics}${history}`,
    scripts: [...(data.production ? [REPLICAS_SCRIPT] : []), ...(busy ? [AUTO_REFRESH] : [])],
  });
}
