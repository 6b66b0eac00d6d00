import { describe, expect, it } from "vitest";
import { axisTime, CHART, compact, lineChart, niceCeil, type ChartPoint } from "../src/dashboard/charts.ts";

const from = Date.UTC(2026, 10, 26, 14, 0);
const to = from + 60 * 60_000;
const render = (points: ChartPoint[], extra: { title?: string; empty?: string } = {}) =>
  lineChart({
    id: "test",
    title: extra.title ?? "Requests/s",
    points,
    from,
    to,
    format: (v) => `${compact(v)}/s`,
    empty: extra.empty ?? "No traffic yet",
  }).value;
const path = (svg: string) => /<path class="line" d="([^"]*)"/.exec(svg)?.[1] ?? null;
const moves = (d: string) =>
  [...d.matchAll(/([ML])([\d.]+) ([\d.]+)/g)].map((m) => ({ cmd: m[1], x: Number(m[2]), y: Number(m[3]) }));

describe("server-rendered line charts", () => {
  it("scales time to the width and values from 0 to a round maximum, labelled at both ends", () => {
    const svg = render([
      { t: from, value: 0 },
      { t: from + 30 * 60_000, value: 3.5 },
      { t: to, value: 7 },
    ]);
    // 7 rounds up to 10: the axis reads 0 … 10/s, and the last value is the headline.
    expect(svg).toContain(">10/s</text>");
    expect(svg).toContain(">0/s</text>");
    expect(svg).toContain("<b>7/s</b>");
    const [first, middle, last] = moves(path(svg)!);
    const plotBottom = CHART.height - CHART.bottom;
    expect(first).toEqual({ cmd: "M", x: CHART.left, y: plotBottom });
    expect(last!.x).toBe(CHART.width - CHART.right);
    expect(middle!.x).toBeCloseTo((first!.x + last!.x) / 2, 0);
    // 7 of 10 is 70 % up the plot.
    expect(last!.y).toBeCloseTo(plotBottom - 0.7 * (plotBottom - CHART.top), 0);
    expect(svg).toContain(">14:00</text>");
    expect(svg).toContain(">15:00</text>");
  });

  it("leaves a gap where a value is missing, and marks a lone point with a dot", () => {
    const step = 10 * 60_000;
    const svg = render([
      { t: from, value: 1 },
      { t: from + step, value: 2 },
      { t: from + 2 * step, value: null },
      { t: from + 3 * step, value: 2 },
      { t: from + 4 * step, value: 1 },
      { t: from + 5 * step, value: null },
      { t: from + 6 * step, value: 4 },
    ]);
    const d = path(svg)!;
    expect(
      moves(d)
        .map((m) => m.cmd)
        .join(""),
    ).toBe("MLML");
    expect(svg.match(/<circle class="dot"/g)).toHaveLength(1);
  });

  it("shows the empty state, not a line, when nothing was measured", () => {
    for (const points of [
      [],
      [
        { t: from, value: null },
        { t: to, value: null },
      ],
    ]) {
      const svg = render(points, { empty: "No traffic yet" });
      expect(path(svg)).toBeNull();
      expect(svg).toContain("No traffic yet");
      expect(svg).toContain("data-empty");
      expect(svg).toContain("<svg ");
    }
  });

  it("a flat line of zeros still has an axis (0 … 1)", () => {
    const svg = render([
      { t: from, value: 0 },
      { t: to, value: 0 },
    ]);
    expect(svg).toContain(">1/s</text>");
    expect(moves(path(svg)!).every((m) => m.y === CHART.height - CHART.bottom)).toBe(true);
  });

  it("escapes titles and labels", () => {
    const svg = render([{ t: from, value: 1 }], { title: `<script>alert("x")</script>&` });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;");
    const empty = render([], { empty: "<img src=x onerror=alert(1)>" });
    expect(empty).not.toContain("<img");
  });

  it("rounds axis maxima to 1, 2 or 5 × 10ⁿ and writes short numbers", () => {
    expect([0.03, 0.7, 1, 3, 7, 12, 450, 2_001].map(niceCeil)).toEqual([0.05, 1, 1, 5, 10, 20, 500, 5_000]);
    expect([0.256, 12.34, 312.4, 1_530, 2_500_000].map(compact)).toEqual(["0.26", "12.3", "312", "1.5k", "2.5M"]);
    expect(axisTime(from, 60 * 60_000)).toBe("14:00");
    expect(axisTime(from, 7 * 24 * 60 * 60_000)).toBe("11-26 14:00");
  });
});
