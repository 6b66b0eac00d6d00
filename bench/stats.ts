// Small statistics helpers for the benchmarks (no platform behind them: benches of one part import only these).
export const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
export const ms = (x: number) => `${x.toFixed(0)} ms`;
