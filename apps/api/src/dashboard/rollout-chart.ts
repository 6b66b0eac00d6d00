import { axisTime, CHART, niceCeil, type ChartPoint } from "./charts.ts";
import { html, raw, type Html } from "./html.ts";

export interface ComparedSeries {
  label: string;
  points: ChartPoint[];
}

export interface CompareChart {
  /** Names the chart for tests (`data-chart`). */
  id: string;
  title: string;
  /** The candidate (solid, the page's line colour) and production (dashed). */
  candidate: ComparedSeries;
  production: ComparedSeries;
  from: number;
  to: number;
  format: (value: number) => string;
  empty: string;
}

const PLOT_W = CHART.width - CHART.left - CHART.right;
const PLOT_H = CHART.height - CHART.top - CHART.bottom;
/** Production's line: dashed and amber, drawn with SVG attributes (the page's CSS styles only `.line`). */
const PRODUCTION_LINE = raw('fill="none" stroke="#d97706" stroke-width="1.6" stroke-dasharray="4 2"');

const round = (n: number) => Math.round(n * 10) / 10;
const finite = (points: ChartPoint[]) =>
  points.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));

/** A path through a series' points, broken where a point has no value. */
function pathOf(points: ChartPoint[], x: (t: number) => number, y: (v: number) => number): string {
  let path = "";
  let open = false;
  for (const point of points) {
    if (point.value === null || !Number.isFinite(point.value)) {
      open = false;
      continue;
    }
    path += `${open ? "L" : "M"}${x(point.t)} ${y(point.value)}`;
    open = true;
  }
  return path;
}

/**
 * Two versions' figures on one small SVG chart, on one scale (lineChart draws one series): the candidate solid,
 * production dashed, each caption with its latest value, so a bad candidate stands out against production.
 */
export function compareChart(chart: CompareChart): Html {
  const candidate = finite(chart.candidate.points);
  const production = finite(chart.production.points);
  const all = [...candidate, ...production];
  const span = Math.max(1, chart.to - chart.from);
  const bottom = CHART.top + PLOT_H;
  const right = CHART.width - CHART.right;
  const x = (t: number) => round(CHART.left + ((t - chart.from) / span) * PLOT_W);
  const latest = (values: number[]) => (values.length ? chart.format(values.at(-1)!) : "—");
  const frame = html`<line class="grid" x1="${CHART.left}" y1="${CHART.top}" x2="${right}" y2="${CHART.top}"/>
      <line class="grid" x1="${CHART.left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>
      <text class="axis" x="${CHART.left}" y="${CHART.height - 4}">${axisTime(chart.from, span)}</text>
      <text class="axis" x="${right}" y="${CHART.height - 4}" text-anchor="end">${axisTime(chart.to, span)}</text>`;
  let body: Html;
  if (all.length === 0) {
    const center = html`x="${CHART.left + PLOT_W / 2}" y="${CHART.top + PLOT_H / 2 + 4}"`;
    body = html`<text class="none" ${center} text-anchor="middle">${chart.empty}</text>`;
  } else {
    const max = niceCeil(Math.max(...all)) || 1;
    const y = (v: number) => round(CHART.top + (1 - v / max) * PLOT_H);
    const mine = pathOf(chart.candidate.points, x, y);
    const theirs = pathOf(chart.production.points, x, y);
    const labelX = CHART.left - 5;
    body = html`<text class="axis" x="${labelX}" y="${CHART.top + 4}" text-anchor="end">${chart.format(max)}</text>
      <text class="axis" x="${labelX}" y="${bottom}" text-anchor="end">${chart.format(0)}</text>
      ${theirs ? html`<path data-series="production" ${PRODUCTION_LINE} d="${theirs}"/>` : ""}
      ${mine ? html`<path class="line" data-series="candidate" d="${mine}"/>` : ""}`;
  }
  const label = `${chart.title}: ${chart.candidate.label} and ${chart.production.label}`;
  const svg = html`viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${label}"`;
  const caption = html`<span>${chart.title}</span>
    <b title="${chart.candidate.label}">${latest(candidate)}</b>
    <b title="${chart.production.label}" class="muted">${latest(production)}</b>`;
  return html`<figure class="chart" data-chart="${chart.id}" ${all.length === 0 ? raw("data-empty") : ""}>
    <figcaption>${caption}</figcaption>
    <svg ${svg} xmlns="http://www.w3.org/2000/svg">${frame}${body}</svg>
  </figure>`;
}
