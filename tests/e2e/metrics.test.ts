import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { testApps } from "../support/apps.ts";
import { getViaRouter } from "../support/http.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// A kept parser of the Prometheus text format (CommonJS).
const parsePrometheus = createRequire(import.meta.url)("parse-prometheus-text-format") as (
  text: string,
) => Array<{ name: string; type: string; metrics: Array<{ value: string; labels?: Record<string, string> }> }>;

const app = {
  "package.json": JSON.stringify({ name: "metered", scripts: { start: "node server.js" } }),
  "server.js": `require("http").createServer((q, s) => {
  if (q.url === "/boom") { s.statusCode = 500; s.end("boom"); return; }
  if (q.url === "/slow") { setTimeout(() => s.end("slow"), 60); return; }
  s.end("ok");
}).listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
};

describe("metrics: requests, status classes, latency, resources; JSON and Prometheus", () => {
  let platform: Platform;
  let control: TestController;
  const apps = testApps(() => platform, "met");

  beforeAll(async () => {
    platform = await startPlatform();
    control = await startTestController(platform, "met-");
  });
  afterAll(async () => {
    await control.close();
    await apps.cleanup();
    await platform.close();
  });

  it("totals = requests sent, by status class, with latency percentiles; CPU, memory, replicas sampled", async () => {
    const { name } = await apps.create(app);
    expect((await apps.deploy(name)).status).toBe("READY");
    await control.controller.sampleResources(); // a first reading: CPU % needs two
    await platform.router.collectMetrics(); // nothing before this test's traffic counts
    const host = `${name}.localhost`;
    let sent = { ok: 0, boom: 0, slow: 0 };
    for (let i = 0; i < 120; i++) {
      const path = i % 10 === 0 ? "/boom" : i % 10 === 1 ? "/slow" : "/";
      const res = await getViaRouter(platform.routerPort, host, path);
      expect(res.status).toBe(path === "/boom" ? 500 : 200);
      sent = {
        ...sent,
        [path === "/boom" ? "boom" : path === "/slow" ? "slow" : "ok"]:
          sent[path === "/boom" ? "boom" : path === "/slow" ? "slow" : "ok"] + 1,
      };
    }
    await platform.router.collectMetrics();
    await control.controller.sampleResources();

    const res = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/metrics?window=15m`,
      headers: platform.auth,
    });
    expect(res.statusCode).toBe(200);
    const metrics = res.json();
    expect(metrics.totals).toMatchObject({
      requests: 120,
      status2xx: sent.ok + sent.slow,
      status5xx: sent.boom,
      status4xx: 0,
    });
    expect(metrics.totals.errorRate).toBeCloseTo(sent.boom / 120, 4);
    // 12 of 120 requests take ≥ 60 ms: the p95 is in the slow ones' bucket, the p50 at most there (how far
    // under depends on how busy the machine is: a figure, not an assertion).
    expect(metrics.totals.p95Ms).toBeGreaterThanOrEqual(50);
    expect(metrics.totals.p50Ms).toBeLessThanOrEqual(metrics.totals.p95Ms);
    console.log(`router latency of 120 requests: p50 ${metrics.totals.p50Ms} ms, p95 ${metrics.totals.p95Ms} ms`);
    expect(metrics.stepSeconds).toBe(10);
    const busy = metrics.series.filter((p: { requests: number }) => p.requests > 0);
    expect(busy.reduce((sum: number, p: { requests: number }) => sum + p.requests, 0)).toBe(120);
    const sampled = metrics.series.filter((p: { memoryMb: number | null }) => p.memoryMb !== null);
    expect(sampled.length).toBeGreaterThan(0);
    expect(sampled.at(-1).memoryMb).toBeGreaterThan(1);
    expect(sampled.at(-1).replicas).toBe(1);
    expect(sampled.at(-1).cpuPercent).toBeGreaterThanOrEqual(0);

    const bad = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/metrics?window=2y`,
      headers: platform.auth,
    });
    expect(bad.statusCode).toBe(400);
  });

  it("GET /metrics is Prometheus text that a kept parser reads, and needs a token", async () => {
    const { name } = await apps.create(app);
    expect((await apps.deploy(name)).status).toBe("READY");
    for (let i = 0; i < 7; i++) await getViaRouter(platform.routerPort, `${name}.localhost`);
    await platform.router.collectMetrics();
    expect((await platform.api.inject({ method: "GET", url: "/metrics" })).statusCode).toBe(401);
    const res = await platform.api.inject({ method: "GET", url: "/metrics", headers: platform.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    const families = parsePrometheus(res.body);
    const requests = families.find((f) => f.name === "pier_app_requests_total");
    expect(requests?.type).toBe("COUNTER");
    const twoXx = requests?.metrics.find((m) => m.labels?.app === name && m.labels?.status_class === "2xx");
    expect(Number(twoXx?.value)).toBe(7);
    const desired = families
      .find((f) => f.name === "pier_app_replicas_desired")
      ?.metrics.find((m) => m.labels?.app === name);
    expect(Number(desired?.value)).toBe(1);
    expect(
      families.find((f) => f.name === "pier_app_replicas_running")?.metrics.find((m) => m.labels?.app === name)?.value,
    ).toBe("1");
  });
});
