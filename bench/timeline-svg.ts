// A replicas-vs-load timeline as a standalone SVG (no library): load as a filled area on its own scale,
// desired and serving replicas as step lines, and labelled marks (load steps, decisions).

export interface TimelinePoint {
  /** Seconds since the start. */
  t: number;
  /** Requests in flight at the load generator. */
  load: number;
  desired: number;
  serving: number;
}

export interface TimelineMark {
  t: number;
  label: string;
}

const W = 960;
const H = 360;
const PAD = { left: 48, right: 96, top: 28, bottom: 40 };
const MARK_STROKE = `stroke="#999" stroke-dasharray="3 3"`;
// The legend: a sample of the load area and of each step line, with its label.
const LEGEND = [
  `<rect width="12" height="8" fill="#f4a26155" stroke="#e76f51"/>` +
    `<text x="16" y="8">load (requests in flight, right scale)</text>`,
  `<line x1="230" x2="250" y1="4" y2="4" stroke="#264653" stroke-width="2" stroke-dasharray="6 3"/>` +
    `<text x="254" y="8">desired replicas</text>`,
  `<line x1="360" x2="380" y1="4" y2="4" stroke="#2a9d8f" stroke-width="2.5"/>` +
    `<text x="384" y="8">serving replicas (left scale)</text>`,
].join("\n");
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function timelineSvg(
  title: string,
  points: TimelinePoint[],
  marks: TimelineMark[],
  maxReplicas: number,
): string {
  const tMax = Math.max(1, ...points.map((p) => p.t));
  const loadMax = Math.max(1, ...points.map((p) => p.load));
  const x = (t: number) => PAD.left + (t / tMax) * (W - PAD.left - PAD.right);
  const yReplicas = (n: number) => H - PAD.bottom - (n / maxReplicas) * (H - PAD.top - PAD.bottom);
  const yLoad = (n: number) => H - PAD.bottom - (n / loadMax) * (H - PAD.top - PAD.bottom);
  const step = (key: "desired" | "serving") =>
    points
      .map((p, i) =>
        i === 0
          ? `M${x(p.t).toFixed(1)},${yReplicas(p[key]).toFixed(1)}`
          : `H${x(p.t).toFixed(1)} V${yReplicas(p[key]).toFixed(1)}`,
      )
      .join(" ");
  const loadLine = points.map((p) => `L${x(p.t).toFixed(1)},${yLoad(p.load).toFixed(1)}`).join(" ");
  const area = `M${x(0)},${yLoad(0)} ${loadLine} L${x(tMax)},${yLoad(0)} Z`;
  const gridY = Array.from(
    { length: maxReplicas + 1 },
    (_, n) =>
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${yReplicas(n)}" y2="${yReplicas(n)}" stroke="#eee"/>` +
      `<text x="${PAD.left - 8}" y="${yReplicas(n) + 4}" text-anchor="end">${n}</text>`,
  );
  const ticks = Array.from({ length: Math.floor(tMax / 10) + 1 }, (_, i) => i * 10).map(
    (t) => `<text x="${x(t)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${t}s</text>`,
  );
  const markLines = marks.map(
    (m) =>
      `<line x1="${x(m.t)}" x2="${x(m.t)}" y1="${PAD.top}" y2="${H - PAD.bottom}" ${MARK_STROKE}>` +
      `<title>${esc(m.label)}</title></line>`,
  );
  const svgAttributes = `width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" ${svgAttributes}>
<title>${esc(title)}</title>
<rect width="${W}" height="${H}" fill="#fff"/>
<text x="${PAD.left}" y="16" font-size="13" font-weight="bold">${esc(title)}</text>
${gridY.join("\n")}
${ticks.join("\n")}
<path d="${area}" fill="#f4a26155" stroke="#e76f51" stroke-width="1"/>
<path d="${step("desired")}" fill="none" stroke="#264653" stroke-width="2" stroke-dasharray="6 3"/>
<path d="${step("serving")}" fill="none" stroke="#2a9d8f" stroke-width="2.5"/>
${markLines.join("\n")}
<text x="${W - PAD.right + 8}" y="${PAD.top + 4}">${loadMax.toFixed(0)} in flight</text>
<text x="${W - PAD.right + 8}" y="${H - PAD.bottom}">0</text>
<g transform="translate(${PAD.left + 10},${PAD.top + 6})">
${LEGEND}
</g>
</svg>
`;
}
