// Alert latency on a real in-process Pier, to a receiver on 127.0.0.1 (tests/e2e/notifications.test.ts and
// alerts.test.ts check that each alert arrives, signed; these are how soon):
//   1. notify() → the receiver has the body (queue, notification worker, signed POST), `alerts` times;
//   2. an error rate over the app's threshold: the controller's traffic check → alert.error_rate at the
//      receiver, `breaches` times (the open alert is closed between rounds, so each one fires).
// A container killed → container.replaced at the receiver is a figure of bench/self-healing.ts.
//   npx tsx bench/alert-latency.ts [alerts=20] [breaches=10]
import { notify } from "@pier/notifications";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startTestController } from "../tests/support/controller.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { ms, percentile } from "./stats.ts";
import { benchApp } from "./support.ts";

const ALERTS = Number(process.argv[2] ?? 20);
const BREACHES = Number(process.argv[3] ?? 10);

const files = (text: string) => ({
  "package.json": JSON.stringify({ name: "alert-bench", scripts: { start: "node server.js" } }),
  "server.js":
    `require("http").createServer((q, s) => { s.statusCode = q.url === "/boom" ? 500 : 200; ` +
    `s.end(${JSON.stringify(text)}); }).listen(Number(process.env.PORT));\n` +
    `process.on("SIGTERM", () => process.exit(0));\n`,
});

const received: Array<{ at: number; event: string; summary: string }> = [];
const receiver = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push({
      at: performance.now(),
      event: String(req.headers["x-pier-event"]),
      summary: JSON.parse(body).summary,
    });
    res.end("ok");
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));

const until = async <T>(check: () => T | undefined, what: string, timeoutMs = 30_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};

const app = await benchApp({}, files);
const { platform } = app;
const control = await startTestController(platform, app.name);
const channel = await platform.api.inject({
  method: "POST",
  url: "/api/notifications",
  headers: platform.auth,
  payload: { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, format: "json", apps: [app.name] },
});
const delivered: number[] = [];
const breachToAlert: number[] = [];
try {
  if (channel.statusCode !== 201) throw new Error(channel.body);
  await app.deploy("alerting");
  const deps = { prisma: platform.prisma, queue: platform.api.pier.notifications };
  const appRow = await platform.prisma.app.findUniqueOrThrow({ where: { name: app.name } });

  for (let i = 0; i < ALERTS; i++) {
    const summary = `${app.name}: bench alert ${i}`;
    const sentAt = performance.now();
    await notify(deps, {
      event: "deployment.failed",
      app: { id: appRow.id, name: app.name },
      summary,
      at: new Date().toISOString(),
    });
    const got = await until(() => received.find((r) => r.summary === summary), `alert ${i} at the receiver`);
    delivered.push(got.at - sentAt);
  }

  await platform.prisma.app.update({ where: { name: app.name }, data: { alertErrorRate: 0.2 } });
  for (let i = 0; i < 30; i++) await getViaRouter(platform.routerPort, app.host, i % 2 ? "/boom" : "/");
  await platform.router.collectMetrics();
  for (let i = 0; i < BREACHES; i++) {
    // The minute of traffic above stays over the threshold; closing the open alert lets it fire again.
    await platform.api.pier.redis.del(`pier:alert-open:${appRow.id}:alert.error_rate`);
    const before = received.length;
    const noticedAt = performance.now();
    const fired = await control.controller.checkTrafficAlerts();
    if (!fired.some((e) => e.event === "alert.error_rate")) throw new Error(`round ${i}: no error-rate alert fired`);
    const got = await until(
      () => received.slice(before).find((r) => r.event === "alert.error_rate"),
      `round ${i}: alert.error_rate at the receiver`,
    );
    breachToAlert.push(got.at - noticedAt);
  }
} finally {
  if (channel.statusCode === 201)
    await platform.api.inject({
      method: "DELETE",
      url: `/api/notifications/${channel.json().id}`,
      headers: platform.auth,
    });
  await control.close();
  await app.close();
  await new Promise((r) => receiver.close(r));
}
console.log("\nAlert latency (receiver on 127.0.0.1)");
console.log("| | runs | p50 | max |");
console.log("|---|---|---|---|");
const row = (label: string, xs: number[]) =>
  console.log(`| ${label} | ${xs.length} | ${ms(percentile(xs, 50))} | ${ms(Math.max(...xs))} |`);
row("notify() → the receiver has the body", delivered);
row("error rate over the threshold: traffic check → alert.error_rate at the receiver", breachToAlert);
console.log(
  `raw: notify ${delivered.map((x) => x.toFixed(0)).join(", ")} ms; ` +
    `breach ${breachToAlert.map((x) => x.toFixed(0)).join(", ")} ms`,
);
process.exit(0);
