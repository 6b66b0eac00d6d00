import http from "node:http";

/**
 * Sends GETs through the router at a fixed rate (default 200 req/s) until stopped or bounded out,
 * counting failures (non-200 or errors). Open-loop: a slow answer doesn't slow the schedule.
 */
export function pacedLoad(routerPort: number, host: string, options: { ratePerSecond?: number; maxMs?: number } = {}) {
  const { ratePerSecond = 200, maxMs = 120_000 } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const stats = { sent: 0, ok: 0, failed: 0, failures: {} as Record<string, number> };
  const started = Date.now();
  let inFlight = 0;
  const fail = (kind: string) => {
    stats.failed++;
    stats.failures[kind] = (stats.failures[kind] ?? 0) + 1;
  };
  const fire = () => {
    stats.sent++;
    inFlight++;
    const req = http.request(
      { host: "127.0.0.1", port: routerPort, path: "/", headers: { host }, agent, timeout: 5_000 },
      (res) => {
        res.resume();
        res.on("end", () => {
          inFlight--;
          if (res.statusCode === 200) stats.ok++;
          else fail(`HTTP ${res.statusCode}`);
        });
      },
    );
    req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", (e: NodeJS.ErrnoException) => {
      inFlight--;
      fail(e.code ?? e.message);
    });
    req.end();
  };
  const interval = 1000 / ratePerSecond;
  let next = performance.now();
  let timer: NodeJS.Timeout;
  const tick = () => {
    const now = performance.now();
    while (next <= now) {
      fire();
      next += interval;
    }
    if (Date.now() - started < maxMs) timer = setTimeout(tick, Math.max(0, next - performance.now()));
  };
  tick();
  return {
    stats,
    async stop() {
      clearTimeout(timer);
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
      agent.destroy();
      return { ...stats, seconds: (Date.now() - started) / 1000 };
    },
  };
}
