import { autoscalePolicySchema, type AutoscalePolicy } from "@pier/shared";
import type { ChartMark } from "../charts.ts";
import type { FieldErrors, FormValues } from "../forms.ts";
import { html, type Html } from "../html.ts";
import { csrfField, exactTime, field, timeAgo, type PageContext } from "../ui.ts";

/** What the app page shows of one autoscaler decision (a ScaleDecision row has these fields). */
export interface ScaleDecisionView {
  at: Date;
  fromReplicas: number;
  toReplicas: number;
  reason: string;
  panic: boolean;
}

const HELP = {
  targetRps: "Optional: with it, whichever asks for more replicas wins.",
  scaleDownDelaySeconds: "Replicas come down only after the load asked for fewer this long.",
};

/** What a field left empty becomes: the policy schema's default (max has none; 1 only lets it parse). */
const DEFAULTS = autoscalePolicySchema.parse({ max: 1 });

/** "min 1, max 4, 10 in flight per replica, scale down after 60 s" (idle timeout only when it applies: min 0). */
export function describePolicy(policy: AutoscalePolicy): string {
  return [
    `min ${policy.min}`,
    `max ${policy.max}`,
    `${policy.targetConcurrency} in flight per replica`,
    ...(policy.targetRps === undefined ? [] : [`${policy.targetRps} req/s per replica`]),
    `scale down after ${policy.scaleDownDelaySeconds} s`,
    ...(policy.min === 0 ? [`to zero after ${policy.idleTimeoutSeconds} s without requests`] : []),
  ].join(", ");
}

/** "1 → 4: <reason> · <time>": the tooltip of a decision's mark on the replicas chart. */
export function decisionMark(decision: ScaleDecisionView): ChartMark {
  const panic = decision.panic ? " (panic mode)" : "";
  return {
    t: decision.at.getTime(),
    kind: "scale-decision",
    label: `${decision.fromReplicas} → ${decision.toReplicas}: ${decision.reason}${panic} · ${exactTime(decision.at)}`,
  };
}

/**
 * The last changes of the count (by hand or the autoscaler) and held-back decisions, newest first, under
 * the charts. Nothing when there are none.
 */
export function decisionsList(decisions: ScaleDecisionView[], now: number): Html | string {
  if (decisions.length === 0) return "";
  const head = html`<thead><tr><th>Scaled</th><th>Replicas</th><th>Why</th></tr></thead>`;
  const change = (d: ScaleDecisionView) => {
    const panic = d.panic ? html` <span class="tag">panic</span>` : "";
    return html`${d.fromReplicas} <span class="faint">→</span> <b>${d.toReplicas}</b>${panic}`;
  };
  return html`<table data-table="scale-decisions">${head}
    <tbody>${decisions.map(
      (d) => html`<tr data-decision="${d.at.toISOString()}"><td class="nowrap">${timeAgo(d.at, now)}</td>
        <td class="nowrap">${change(d)}</td>
        <td class="muted small">${d.reason}</td></tr>`,
    )}</tbody></table>`;
}

/** Where the scale form would be while a policy is on: scaling by hand would be refused (409). */
export function autoscaledNote(policy: AutoscalePolicy): Html {
  const between = html`between <b>${policy.min}</b> and <b>${policy.max}</b> replicas`;
  return html`<div class="autoscaled" data-autoscaled>Autoscaled ${between}: the autoscaler sets the count.
    <a href="#autoscale">Change the policy</a>, or turn it off to scale by hand.</div>`;
}

/**
 * The autoscale policy, the form that sets it (empty fields take the defaults) and the button that turns it off.
 */
export function autoscaleCard(
  ctx: PageContext,
  app: { name: string; autoscale: AutoscalePolicy | null },
  maxReplicas: number,
  values: FormValues,
  errors: FieldErrors,
): Html {
  const { autoscale: policy } = app;
  const v = (name: keyof AutoscalePolicy) => values[name] ?? (policy?.[name] === undefined ? "" : String(policy[name]));
  const number = (
    name: keyof AutoscalePolicy,
    label: string,
    help: string,
    placeholder = String(DEFAULTS[name] ?? ""),
  ) => field({ name, label, type: "number", value: v(name), errors, help, placeholder });
  const csrf = csrfField(ctx);
  const confirm = html`data-confirm="Turn autoscaling off for ${app.name}? Replicas stay where they are."`;
  const turnOff = html`<button class="btn sm" type="submit" data-action="autoscale-off">Turn off</button>`;
  const offForm = html`class="inline" data-form="autoscale-off" ${confirm}`;
  const off = policy
    ? html`<form method="post" action="/apps/${app.name}/autoscale/off" ${offForm}>${csrf}${turnOff}</form>`
    : "";
  const state = policy ? `On: ${describePolicy(policy)}` : "Off: replicas change only by hand";
  const formError = errors._form
    ? html`<div class="field"><div class="err" data-error-for="_form">${errors._form}</div></div>`
    : "";
  const save = policy ? "Save policy" : "Turn on";
  // Turning off is its own form (forms can't nest), so it sits in the header.
  const onOff = policy ? "on" : "off";
  return html`<div class="card" id="autoscale" data-autoscale="${onOff}"><div class="ch"><h2>Autoscale</h2>
      <div class="actions"><span class="hint" data-policy>${state}</span>${off}</div></div><div class="cb">
    <form method="post" action="/apps/${app.name}/autoscale" novalidate data-form="autoscale">${csrf}
      <div class="grid2">
        ${number("min", "Min replicas", "0 lets the app scale to zero when idle.")}
        ${number("max", "Max replicas", `At most ${maxReplicas} (the operator's limit).`, `1 to ${maxReplicas}`)}
        ${number("targetConcurrency", "Target requests in flight per replica", "The load each replica should carry.")}
        ${number("targetRps", "Target requests/s per replica", HELP.targetRps, "none")}
        ${number("scaleDownDelaySeconds", "Scale-down delay (s)", HELP.scaleDownDelaySeconds)}
        ${number("idleTimeoutSeconds", "Idle timeout (s)", "With min 0: no request this long stops every replica.")}
      </div>
      ${formError}
      <div class="formfoot"><button class="btn primary" type="submit" data-action="autoscale">${save}</button></div>
    </form></div></div>`;
}
