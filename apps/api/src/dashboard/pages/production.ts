import { REPLICA_PHASE_WORDS, type ReplicaStatus } from "@pier/replicas";
import type { AutoscalePolicy } from "@pier/shared";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, type Html } from "../html.ts";
import { csrfField, exactTime, field, healthBadge, NONE, stateAttributes, tableHead, type PageContext } from "../ui.ts";
import { autoscaledNote } from "./autoscale.ts";

/** Seconds between two looks at the replicas. */
export const REPLICAS_REFRESH_S = 2;

/**
 * Keeps the replicas panel live: every 2 s (while the tab is visible) it fetches the panel again from
 * its fragment route and swaps it in. Signed out meanwhile: the page reloads to the sign-in form.
 */
export const REPLICAS_SCRIPT = `
(function(){
  function tick(){
    var el=document.getElementById("replicas");if(!el)return;
    if(document.hidden)return setTimeout(tick,${REPLICAS_REFRESH_S * 1000});
    fetch(el.getAttribute("data-src"),{credentials:"same-origin",cache:"no-store",
      headers:{accept:"text/html"}}).then(function(r){
      if(r.redirected||r.status===401){location.reload();return null}
      if(r.status===404)return "stop";
      return r.ok?r.text():null;
    }).then(function(text){
      if(text==="stop")return;
      if(text){var box=document.createElement("div");box.innerHTML=text;var next=box.querySelector("#replicas");
        var cur=document.getElementById("replicas");if(next&&cur)cur.replaceWith(next)}
      setTimeout(tick,${REPLICAS_REFRESH_S * 1000});
    },function(){setTimeout(tick,${REPLICAS_REFRESH_S * 1000})});
  }
  setTimeout(tick,${REPLICAS_REFRESH_S * 1000});
})();
`;

function until(iso: string | null, now: number): Html | string {
  if (!iso) return NONE;
  const at = new Date(iso);
  const s = Math.round((at.getTime() - now) / 1000);
  const text =
    s <= 0
      ? "now"
      : s < 90
        ? `in ${s} s`
        : s < 90 * 60
          ? `in ${Math.round(s / 60)} min`
          : `in ${Math.round(s / 3600)} h`;
  return html`<span title="${exactTime(at)}">${text}</span>`;
}

const SCALED_TO_ZERO = "Scaled to 0: nothing runs and the app's URL answers 503. Scale up to serve again.";

/** The replicas of production as they are now; also served alone at /apps/:name/replicas for the live refresh. */
export function replicasPanel(appName: string, status: ReplicaStatus, now = Date.now()): Html {
  const row = (r: ReplicaStatus["replicas"][number]) => {
    const container = r.containerId ? html` <span class="faint">${r.containerId.slice(0, 12)}</span>` : "";
    const next = r.phase === "RUNNING" ? NONE : until(r.nextAttemptAt, now);
    return html`<tr data-replica="${r.index}" data-phase="${r.phase}">
            <td class="mono">#${r.index}${container}</td>
            <td><span class="ph ph-${r.phase}">${REPLICA_PHASE_WORDS[r.phase]}</span></td>
            <td>${r.restarts}</td>
            <td class="muted small">${r.lastReason ?? NONE}</td>
            <td class="nowrap small">${next}</td></tr>`;
  };
  const none = status.state === "STOPPED" ? SCALED_TO_ZERO : "No replicas yet.";
  const head = tableHead(["Replica", "Phase", "Restarts", "Last reason", "Next attempt"]);
  const rows =
    status.replicas.length === 0
      ? html`<div class="cb muted" data-empty="replicas">${none}</div>`
      : html`<table data-table="replicas">${head}
        <tbody>${status.replicas.map(row)}</tbody></table>`;
  const checked = `Live · checked every ${REPLICAS_REFRESH_S} s`;
  return html`<div id="replicas" data-src="/apps/${appName}/replicas" ${stateAttributes(status)}>
    <div class="ch"><h2>Production ${healthBadge(status)}</h2><span class="hint">${checked}</span></div>${rows}</div>`;
}

/**
 * Production's replicas (live) and the form that scales them, or, while a policy is on, a note that the autoscaler
 * does.
 */
export function productionCard(
  ctx: PageContext,
  app: { name: string; replicas: ReplicaStatus; autoscale: AutoscalePolicy | null },
  maxReplicas: number,
  values: FormValues,
  errors: FieldErrors,
): Html {
  const replicas = replicasPanel(app.name, app.replicas, ctx.now);
  if (app.autoscale) return html`<div class="card" id="production">${replicas}${autoscaledNote(app.autoscale)}</div>`;
  return html`<div class="card" id="production">${replicas}
    <form method="post" action="/apps/${app.name}/scale" class="scale" novalidate data-form="scale">${csrfField(ctx)}
      ${field({
        name: "replicas",
        label: "Replicas",
        type: "number",
        min: 0,
        max: maxReplicas,
        value: values.replicas ?? String(app.replicas.desired),
        errors,
        help: `0 to ${maxReplicas}. Starts or stops containers of the live deployment; no build.`,
      })}
      <button class="btn" type="submit" data-action="scale">Scale</button>
    </form></div>`;
}
