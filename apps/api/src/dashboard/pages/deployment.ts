import type { ReplicaStatus } from "@pier/replicas";
import type { z } from "zod";
import type { deploymentDto } from "../../schemas/deployment.ts";
import { ansiToHtml } from "../ansi.ts";
import { shownState, stateBadge } from "../app-state.ts";
import { explainFailure, type ExplainedFailure } from "../failure-reason.ts";
import { html, raw, type Html } from "../html.ts";
import {
  isUnfinished,
  csrfField,
  duration,
  externalLink,
  layout,
  NONE,
  shortSha,
  subject,
  timeAgo,
  type PageContext,
} from "../ui.ts";
import type { AppView } from "./app.ts";

type DeploymentView = z.infer<typeof deploymentDto>;

export interface LogLine {
  id: string;
  stream: string;
  line: string;
  at: Date;
}

const LOG_SCRIPT = `
(function(){
  var log=document.getElementById("log"),badge=document.getElementById("status"),live=document.getElementById("live");
  var id=log.getAttribute("data-deployment"),last=Number(log.getAttribute("data-after")||0),
    done=!log.hasAttribute("data-live");
  var none=document.getElementById("log-none");
  // Colours show once the page reloads at the end (the server renders them); live lines go without.
  var ESC=/\\u001b(\\[[0-9;:?]*[ -\\/]*[@-~]|\\][^\\u0007\\u001b]*(\\u0007|\\u001b\\\\)?|[@-Z\\\\-_]?)/g;
  function nearBottom(){return log.scrollHeight-log.scrollTop-log.clientHeight<60}
  log.scrollTop=log.scrollHeight;
  if(done)return;
  function pad(n){return(n<10?"0":"")+n}
  function add(l){var stick=nearBottom();if(none){none.remove();none=null}
    var d=document.createElement("div");d.className="ln "+String(l.stream).replace(/[^a-z]/g,"");
    var t=document.createElement("span");t.className="t";var at=new Date(l.at);
    t.textContent=pad(at.getUTCHours())+":"+pad(at.getUTCMinutes())+":"+pad(at.getUTCSeconds());
    var x=document.createElement("span");x.className="x";x.textContent=String(l.line).replace(ESC,"");
    d.appendChild(t);d.appendChild(x);log.appendChild(d);
    if(stick)log.scrollTop=log.scrollHeight}
  function setStatus(s){badge.className="badge b-"+s;badge.setAttribute("data-status",s);
    badge.textContent=s.charAt(0)+s.slice(1).toLowerCase()}
  function connect(){
    var es=new EventSource("/deployments/"+encodeURIComponent(id)+"/events?after="+last);
    es.addEventListener("line",function(e){var l=JSON.parse(e.data);if(Number(l.id)<=last)return;
      last=Number(l.id);add(l)});
    es.addEventListener("status",function(e){setStatus(JSON.parse(e.data).status)});
    es.addEventListener("end",function(e){var x=JSON.parse(e.data);done=true;es.close();setStatus(x.status);
      if(live)live.remove();setTimeout(function(){location.reload()},1200)});
    es.onerror=function(){es.close();if(!done)setTimeout(connect,2000)};
  }
  connect();
})();
`;

/** Builds this deployment's commit again; one that never resolved its commit can only deploy the branch head. */
function redeployForm(ctx: PageContext, app: AppView, d: DeploymentView): Html {
  const csrf = csrfField(ctx);
  if (!d.commitSha) {
    const head = html`<button class="btn" type="submit" data-action="deploy">Deploy the head of ${d.branch}</button>`;
    return html`<form method="post" action="/apps/${app.name}/deploy" class="inline">${csrf}${head}</form>`;
  }
  const title = `Builds commit ${shortSha(d.commitSha)} again, not the head of ${d.branch}`;
  const button = html`<button class="btn" type="submit" data-action="redeploy" title="${title}">Redeploy</button>`;
  return html`<form method="post" action="/deployments/${d.id}/redeploy" class="inline">${csrf}${button}</form>`;
}

/** Rolls production back to this deployment, or promotes it. */
function releaseButton(ctx: PageContext, app: AppView, d: DeploymentView, kind: "rollback" | "promote"): Html {
  const rollback = kind === "rollback";
  const question = rollback ? `Roll ${app.name} back to ${d.shortId}?` : `Make ${d.shortId} production of ${app.name}?`;
  const label = rollback ? "Roll back to this" : "Promote to production";
  const form = html`class="inline" data-confirm="${question}"`;
  const fields = html`${csrfField(ctx)}<input type="hidden" name="deploymentId" value="${d.id}">`;
  const button = html`<button class="btn" type="submit" data-action="${kind}">${label}</button>`;
  return html`<form method="post" action="/apps/${app.name}/${kind}" ${form}>${fields}${button}</form>`;
}

/**
 * Why the deployment failed or was cancelled: a sentence with the next step and, when a command failed, the
 * stored reason (the command and its exit code) behind a toggle.
 */
function reasonBox(status: DeploymentView["status"], failure: ExplainedFailure): Html {
  const label = status === "FAILED" ? "Failed" : "Cancelled";
  const details =
    failure.command === null
      ? ""
      : html`<details data-reason-details><summary>Details</summary>
        <pre class="raw">${failure.raw}</pre></details>`;
  const sentence = html`<span data-sentence>${failure.sentence}</span>`;
  return html`<div class="reason" data-reason><b>${label}:</b> ${sentence}${details}</div>`;
}

export function deploymentPage(
  ctx: PageContext,
  app: AppView,
  d: DeploymentView,
  lines: LogLine[],
  canRelease: "rollback" | "promote" | null,
  replicas: ReplicaStatus,
): string {
  const active = isUnfinished(d.status);
  const lastId = lines.length ? lines[lines.length - 1]!.id : "0";
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = (at: Date) => `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}`;
  const releaseForm = canRelease === null ? "" : releaseButton(ctx, app, d, canRelease);
  const redeploy = redeployForm(ctx, app, d);
  const commit = d.commitSha
    ? html`<span class="sha">${shortSha(d.commitSha)}</span> ${subject(d.commitMessage)}`
    : html`<span class="faint">Commit not resolved yet</span>`;
  const production = d.isProduction
    ? html`<span class="tag prod">Production</span>`
    : d.staged
      ? html`<span class="tag" title="${d.staged}" data-staged>Staged</span>`
      : "";
  const url = d.url && d.status === "READY" ? externalLink(d.url, d.url.replace(/^https?:\/\//, "")) : NONE;
  const logText = lines.map((l) => l.line);
  const reason = d.reason ? reasonBox(d.status, explainFailure(d.reason, logText)) : "";
  const liveOrCount = active
    ? html`<span class="livedot" id="live">Live</span>`
    : html`<span class="hint">${lines.length} lines · times in UTC</span>`;
  const logAttributes = html`data-deployment="${d.id}" data-after="${lastId}" ${active ? raw("data-live") : ""}`;
  const waiting = active ? "Waiting for the build to start…" : "No log lines were recorded.";
  const none = lines.length === 0 ? html`<div class="none" id="log-none">${waiting}</div>` : "";
  const line = (l: LogLine) => {
    const time = html`<span class="t">${clock(l.at)}</span>`;
    const text = html`<span class="x">${ansiToHtml(l.line)}</span>`;
    return html`<div class="ln ${l.stream.replace(/[^a-z]/g, "")}">${time}${text}</div>`;
  };
  const state = stateBadge(shownState(d, replicas), "status");
  const title = html`Deployment <span class="mono">${d.shortId}</span> ${state} ${production}`;
  const took = active ? html`<span class="livedot">in progress</span>` : duration(d.durationMs);
  return layout(ctx, {
    title: `${app.name} · ${d.shortId}`,
    nav: "apps",
    body: html`<div class="crumbs"><a href="/">Apps</a> / <a href="/apps/${app.name}">${app.name}</a> /</div>
      <div class="head"><div><h1>${title}</h1>
        <div class="sub">${commit}</div></div>
        <div class="actions">${releaseForm}${redeploy}</div></div>
      <div class="card"><div class="meta">
        <div><div class="l">App</div><a href="/apps/${app.name}">${app.name}</a></div>
        <div><div class="l">Branch</div><span class="mono">${d.branch}</span></div>
        <div><div class="l">Author</div>${d.commitAuthor ?? NONE}</div>
        <div><div class="l">Trigger</div>${d.trigger.toLowerCase()}</div>
        <div><div class="l">Created</div>${timeAgo(new Date(d.createdAt), ctx.now)}</div>
        <div><div class="l">Duration</div>${took}</div>
        <div><div class="l">URL</div>${url}</div>
      </div>${reason}</div>
      <div class="card"><div class="ch"><h2>Build log</h2>${liveOrCount}</div>
        <div class="log" id="log" ${logAttributes} role="log" aria-live="polite">${none}${lines.map(line)}</div></div>`,
    scripts: [LOG_SCRIPT],
  });
}
