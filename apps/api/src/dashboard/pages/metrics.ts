import { METRIC_WINDOWS, type MetricWindow } from "@pier/shared";
import type { AppMetrics, MetricPoint } from "../../services/metrics.ts";
import { compact, lineChart, type ChartMark } from "../charts.ts";
import { html, type Html } from "../html.ts";
import { decisionMark, decisionsList, type ScaleDecisionView } from "./autoscale.ts";

interface MetricChart {
  id: string;
  title: string;
  value: (p: MetricPoint) => number | null;
  format: (v: number) => string;
  empty: string;
  marks?: ChartMark[];
}

const NO_TRAFFIC = "No traffic yet";
const NO_SAMPLES = "No samples yet";

/**
 * The charts of the app page, one per metric, in reading order; autoscale decisions are marked on the replicas
 * chart.
 */
function charts(metrics: AppMetrics, decisionMarks: ChartMark[]): MetricChart[] {
  const traffic = metrics.totals.requests > 0;
  return [
    {
      id: "requests",
      title: "Requests/s",
      value: (p) => (traffic ? p.requestsPerSecond : null),
      format: (v) => `${compact(v)}/s`,
      empty: NO_TRAFFIC,
    },
    {
      id: "error-rate",
      title: "Error rate (5xx)",
      value: (p) => p.errorRate,
      format: (v) => `${compact(v * 100)}%`,
      empty: NO_TRAFFIC,
    },
    { id: "p95", title: "Latency p95", value: (p) => p.p95Ms, format: (v) => `${compact(v)} ms`, empty: NO_TRAFFIC },
    { id: "cpu", title: "CPU", value: (p) => p.cpuPercent, format: (v) => `${compact(v)}%`, empty: NO_SAMPLES },
    { id: "memory", title: "Memory", value: (p) => p.memoryMb, format: (v) => `${compact(v)} MB`, empty: NO_SAMPLES },
    {
      id: "replicas",
      title: "Replicas",
      value: (p) => p.replicas,
      format: (v) => String(Math.round(v)),
      empty: NO_SAMPLES,
      marks: decisionMarks,
    },
  ];
}

/**
 * Production's metrics over a window (the links switch it), as server-rendered SVG charts, and the last autoscale
 * decisions.
 */
export function metricsCard(
  appName: string,
  metrics: AppMetrics,
  window: MetricWindow,
  decisions: { inWindow: ScaleDecisionView[]; latest: ScaleDecisionView[] },
  now: number,
): Html {
  const from = Date.parse(metrics.from);
  const to = Date.parse(metrics.to);
  const windows = Object.keys(METRIC_WINDOWS) as MetricWindow[];
  const windowLink = (w: MetricWindow) => {
    const on = w === window ? "on" : "";
    return html`<a href="/apps/${appName}?window=${w}#metrics" class="${on}" data-window-link="${w}">${w}</a>`;
  };
  const step = metrics.stepSeconds < 60 ? `${metrics.stepSeconds} s` : `${metrics.stepSeconds / 60} min`;
  const restarts = metrics.totals.restarts ? `, ${metrics.totals.restarts} restarts` : "";
  const totals = `${metrics.totals.requests} requests${restarts}`;
  const footnote = `Last ${window}, times in UTC, one point per ${step} · ${totals}`;
  return html`<div class="card" id="metrics" data-window="${window}"><div class="ch"><h2>Metrics</h2>
      <nav class="windows">${windows.map(windowLink)}</nav></div>
    <div class="charts">${charts(metrics, decisions.inWindow.map(decisionMark)).map((c) =>
      lineChart({
        id: c.id,
        title: c.title,
        format: c.format,
        empty: c.empty,
        marks: c.marks,
        from,
        to,
        points: metrics.series.map((p) => ({ t: Date.parse(p.t), value: c.value(p) })),
      }),
    )}</div>
    ${decisionsList(decisions.latest, now)}
    <div class="cb small muted">${footnote}</div></div>`;
}
