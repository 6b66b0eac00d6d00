import type { RolloutPanel } from "../../services/rollouts.ts";
import { html, type Html } from "../html.ts";
import { compareChart } from "../rollout-chart.ts";
import { cardHead, csrfField, timeAgo, type PageContext } from "../ui.ts";

type Figures = NonNullable<RolloutPanel["current"]>["gateFigures"];
type Current = NonNullable<RolloutPanel["current"]>;

/** "in 40 s", "in 5 min", "now": when the step's interval ends. */
function fromNow(iso: string, now: number): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (seconds <= 0) return "now";
  return seconds < 120 ? `in ${seconds} s` : `in ${Math.round(seconds / 60)} min`;
}

const percent = (rate: number) => `${(rate * 100).toFixed(rate < 0.1 ? 2 : 1)} %`;
const ms = (value: number) => `${Math.round(value)} ms`;

function figuresText(figures: Figures): string {
  if (figures.requests === 0) return "no requests yet";
  const rate = figures.errorRate === null ? "—" : percent(figures.errorRate);
  const p95 = figures.p95Ms === null ? "—" : ms(figures.p95Ms);
  return `${rate} 5xx · p95 ${p95} · ${figures.requests} requests`;
}

function gateText(gate: Current["gate"]): string {
  if (!gate || (gate.maxErrorRate === undefined && gate.maxP95Ms === undefined)) return "no gate: the timer alone";
  const limits = [
    ...(gate.maxErrorRate !== undefined ? [`≤ ${percent(gate.maxErrorRate)} 5xx`] : []),
    ...(gate.maxP95Ms !== undefined ? [`p95 ≤ ${gate.maxP95Ms} ms`] : []),
  ];
  return limits.join(" · ");
}

/** One control of the running rollout; abort asks first (data-confirm, or the confirmation page without JS). */
function controlForm(ctx: PageContext, appName: string, rolloutId: string, action: string, label: string): Html {
  const danger = action === "abort";
  const question = "Abort this rollout? All traffic goes back to production now and the candidate's replicas stop.";
  const confirm = danger ? html`data-confirm="${question}"` : "";
  const kind = danger ? "btn sm danger" : "btn sm";
  const button = html`<button class="${kind}" type="submit" data-action="rollout-${action}">${label}</button>`;
  return html`<form method="post" action="/apps/${appName}/rollouts/${rolloutId}/${action}" class="inline" ${confirm}>
    ${csrfField(ctx)}${button}</form>`;
}

/** The split as a bar: the candidate's share of new clients, production the rest. */
function splitBar(current: Current): Html {
  const steps = current.steps.map((step, i) => {
    const now = i === current.stepIndex ? " (now)" : "";
    return html`<span class="${i === current.stepIndex ? "" : "muted"}">${step} %${now}</span>`;
  });
  return html`<div class="cb" data-rollout-split="${current.weight}">
    <div><b>${current.candidate.shortId}</b> (candidate) <b>${current.weight} %</b> ·
      <b>${current.base.shortId}</b> (production) <b>${100 - current.weight} %</b> of new clients</div>
    <div class="small">Steps: ${steps.map((s, i) => (i === 0 ? s : html` → ${s}`))}</div>
  </div>`;
}

/**
 * The app's gradual rollout: the step and split, the gate and what it sees, pause/resume/promote/abort, and both
 * versions' error rate and p95 side by side. Without a running one, how the latest ended.
 */
export function rolloutCard(ctx: PageContext, appName: string, panel: RolloutPanel | null): Html {
  if (!panel) return html``;
  const { series } = panel;
  const span = { from: series.from, to: Math.max(series.to, series.from + 60_000) };
  const candidateLabel = `candidate ${panel.current?.candidate.shortId ?? panel.latest?.candidate.shortId ?? ""}`;
  const productionLabel = `production ${panel.current?.base.shortId ?? panel.latest?.base.shortId ?? ""}`;
  const chart = (id: string, title: string, key: "errorRate" | "p95Ms", format: (v: number) => string) =>
    compareChart({
      id,
      title,
      candidate: { label: candidateLabel, points: series.candidate[key] },
      production: { label: productionLabel, points: series.base[key] },
      ...span,
      format,
      empty: "no requests yet",
    });
  const charts = html`<div class="charts" data-rollout-charts>
    ${chart("rollout-error-rate", "Error rate (5xx)", "errorRate", percent)}
    ${chart("rollout-p95", "p95 latency", "p95Ms", ms)}
    <div class="small muted">Solid: ${candidateLabel}; dashed: ${productionLabel}.</div></div>`;
  const current = panel.current;
  if (!current) {
    const latest = panel.latest!;
    const ended = latest.finishedAt ? timeAgo(new Date(latest.finishedAt), ctx.now) : "";
    return html`<div class="card" id="rollout" data-rollout-state="${latest.state}">
      ${cardHead("Rollout", html`Latest: ${latest.state.toLowerCase()} ${ended}`)}
      <div class="cb"><b>${latest.candidate.shortId}</b>: ${latest.reason ?? latest.state.toLowerCase()}</div>
      ${charts}</div>`;
  }
  const controls = [
    current.state === "RUNNING"
      ? controlForm(ctx, appName, current.id, "pause", "Pause")
      : controlForm(ctx, appName, current.id, "resume", "Resume"),
    controlForm(ctx, appName, current.id, "promote", "Promote now"),
    controlForm(ctx, appName, current.id, "abort", "Abort"),
  ];
  const next = current.nextStepAt ? `next step ${fromNow(current.nextStepAt, ctx.now)} if the gate passes` : "paused";
  const hint = html`step ${current.stepIndex + 1} of ${current.steps.length} · ${next}`;
  return html`<div class="card" id="rollout" data-rollout-state="${current.state}">
    ${cardHead(`Rollout (${current.state.toLowerCase()})`, hint)}${splitBar(current)}
    <div class="cb small">Gate: ${gateText(current.gate)}. This step so far: ${figuresText(current.gateFigures)}.
      ${current.reason ? html`<div class="muted">${current.reason}</div>` : ""}</div>
    <div class="cb actions">${controls}</div>${charts}</div>`;
}
