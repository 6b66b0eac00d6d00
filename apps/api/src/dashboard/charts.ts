import { html, raw, type Html } from "./html.ts";

export interface ChartPoint {
  /** Milliseconds since the epoch. */
  t: number;
  /** null: nothing measured then (the line has a gap). */
  value: number | null;
}

/** An event drawn on a chart's time axis (a dashed tick), explained by its tooltip. */
export interface ChartMark {
  /** Milliseconds since the epoch; marks outside the chart's range are left out. */
  t: number;
  /** The tooltip (an SVG <title>). */
  label: string;
  /** Names the kind of mark for tests and styles (`data-mark`). */
  kind: string;
}

export interface LineChart {
  /** Names the chart for tests and links (`data-chart`). */
  id: string;
  title: string;
  points: ChartPoint[];
  /** The time range the x axis spans (ms). */
  from: number;
  to: number;
  format: (value: number) => string;
  /** Shown instead of a line when no point has a value. */
  empty: string;
  /** Events to mark on the time axis; drawn even when no point has a value. */
  marks?: ChartMark[];
}

export const CHART = { width: 320, height: 120, left: 46, right: 6, top: 8, bottom: 20 } as const;
const PLOT_W = CHART.width - CHART.left - CHART.right;
const PLOT_H = CHART.height - CHART.top - CHART.bottom;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `x` (an axis maximum that reads well). */
export function niceCeil(x: number): number {
  if (x <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 5, 10]) if (step * power >= x * (1 - 1e-9)) return step * power;
  return 10 * power;
}

/** A short number: 1.2k, 312, 45.5, 0.25. */
export function compact(x: number): string {
  const abs = Math.abs(x);
  if (abs >= 1_000_000) return `${trim(x / 1_000_000, 1)}M`;
  if (abs >= 1_000) return `${trim(x / 1_000, 1)}k`;
  if (abs >= 100) return String(Math.round(x));
  if (abs >= 10) return trim(x, 1);
  return trim(x, 2);
}
const trim = (x: number, digits: number) => String(Number(x.toFixed(digits)));

/** Clock time (UTC) for ranges up to a day, the date beyond. */
export function axisTime(ms: number, spanMs: number): string {
  const iso = new Date(ms).toISOString();
  if (spanMs <= 24 * 60 * 60_000) return iso.slice(11, 16);
  return `${iso.slice(5, 7)}-${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}

/**
 * A small line chart as inline SVG, rendered on the server: the y axis from 0 (or the lowest value) to a
 * round maximum, labelled at both ends; the x axis is the time range; gaps where there is no value.
 */
export function lineChart(chart: LineChart): Html {
  const values = chart.points.map((p) => p.value).filter((v): v is number => v !== null && Number.isFinite(v));
  const latest = values.at(-1);
  const span = Math.max(1, chart.to - chart.from);
  const bottom = CHART.top + PLOT_H;
  const x = (t: number) => round(CHART.left + ((t - chart.from) / span) * PLOT_W);
  const right = CHART.width - CHART.right;
  const axisY = CHART.height - 4;
  const frame = html`<line class="grid" x1="${CHART.left}" y1="${CHART.top}" x2="${right}" y2="${CHART.top}"/>
      <line class="grid" x1="${CHART.left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>
      <text class="axis" x="${CHART.left}" y="${axisY}">${axisTime(chart.from, span)}</text>
      <text class="axis" x="${right}" y="${axisY}" text-anchor="end">${axisTime(chart.to, span)}</text>`;

  let body: Html;
  if (values.length === 0) {
    const center = html`x="${CHART.left + PLOT_W / 2}" y="${CHART.top + PLOT_H / 2 + 4}"`;
    body = html`<text class="none" ${center} text-anchor="middle">${chart.empty}</text>`;
  } else {
    const min = Math.min(0, ...values);
    const max = Math.max(...values) > min ? min + niceCeil(Math.max(...values) - min) : min + 1;
    const y = (v: number) => round(CHART.top + (1 - (v - min) / (max - min)) * PLOT_H);
    const segments: ChartPoint[][] = [[]];
    for (const point of chart.points) {
      if (point.value === null || !Number.isFinite(point.value)) segments.push([]);
      else segments.at(-1)!.push(point);
    }
    const lines = segments
      .filter((s) => s.length > 1)
      .map((s) => s.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.t)} ${y(p.value!)}`).join(""));
    const dots = segments
      .filter((s) => s.length === 1)
      .map((s) => html`<circle class="dot" cx="${x(s[0]!.t)}" cy="${y(s[0]!.value!)}" r="2"/>`);
    const labelX = CHART.left - 5;
    body = html`<text class="axis" x="${labelX}" y="${CHART.top + 4}" text-anchor="end">${chart.format(max)}</text>
      <text class="axis" x="${labelX}" y="${bottom}" text-anchor="end">${chart.format(min)}</text>
      ${lines.length ? html`<path class="line" d="${lines.join("")}"/>` : ""}${dots}`;
  }
  const marks = (chart.marks ?? [])
    .filter((m) => m.t >= chart.from && m.t <= chart.to)
    .map((m) => {
      const line = html`<line x1="${x(m.t)}" y1="${CHART.top}" x2="${x(m.t)}" y2="${bottom}"/>`;
      const dot = html`<circle cx="${x(m.t)}" cy="${bottom}" r="2.5"/>`;
      return html`<g class="mark" data-mark="${m.kind}"><title>${m.label}</title>${line}${dot}</g>`;
    });
  const label = `${chart.title}, ${new Date(chart.from).toISOString()} to ${new Date(chart.to).toISOString()}`;
  const svg = html`viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${label}"`;
  return html`<figure class="chart" data-chart="${chart.id}" ${values.length === 0 ? raw("data-empty") : ""}>
    <figcaption><span>${chart.title}</span><b>${latest === undefined ? "—" : chart.format(latest)}</b></figcaption>
    <svg ${svg} xmlns="http://www.w3.org/2000/svg">${frame}${body}${marks}</svg>
  </figure>`;
}

const round = (n: number) => Math.round(n * 10) / 10;
