import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { testApps } from "../support/apps.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter } from "../support/http.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

interface Received {
  at: number;
  event: string;
  body: string;
  signature: string | undefined;
  payload: { event: string; summary: string; app?: { name: string }; details?: Record<string, unknown> };
}

const app = {
  "package.json": JSON.stringify({ name: "alerting", scripts: { start: "node server.js" } }),
  "server.js":
    `require("http").createServer((q, s) => { s.statusCode = q.url === "/boom" ? 500 : 200; s.end(q.url); })` +
    `.listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
};

// Alerts from the real sources (worker, controller, scale API, traffic thresholds) to a receiver on 127.0.0.1.
describe("alerts reach a channel from where things happen", () => {
  let platform: Platform;
  let control: TestController;
  let channel: { id: string; secret: string };
  const received: Received[] = [];
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({
        at: Date.now(),
        event: String(req.headers["x-pier-event"]),
        body,
        signature: req.headers["x-pier-signature-256"] as string | undefined,
        payload: JSON.parse(body),
      });
      res.end("ok");
    });
  });
  const apps = testApps(() => platform, "alrt");
  // How soon each arrives is a figure (bench/self-healing.ts, bench/alert-latency.ts); here, that it does.
  const waitFor = (event: string, name: string) =>
    eventually(
      async () => received.find((r) => r.event === event && r.payload.app?.name === name),
      `${event} for ${name}`,
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}; got ${received.map((r) => r.event).join(", ") || "nothing"}`);
    });

  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    platform = await startPlatform();
    control = await startTestController(platform, "alrt-");
  });
  afterAll(async () => {
    await control.close();
    if (channel)
      await platform.api.inject({ method: "DELETE", url: `/api/notifications/${channel.id}`, headers: platform.auth });
    await apps.cleanup();
    await platform.close();
    await new Promise((r) => receiver.close(r));
  });

  it("deployment ready, container replaced, scaled, error rate over threshold: each arrives, signed", async () => {
    const { name } = await apps.create(app);
    const port = (receiver.address() as AddressInfo).port;
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/notifications",
      headers: platform.auth,
      payload: { url: `http://127.0.0.1:${port}/hook`, format: "json", apps: [name] },
    });
    expect(created.statusCode, created.body).toBe(201);
    channel = created.json();

    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("READY");
    const ready = await waitFor("deployment.ready", name);
    expect(ready.payload.summary).toContain(`deployment ${deployment.shortId}`);
    expect(ready.signature).toBe(`sha256=${createHmac("sha256", channel.secret).update(ready.body).digest("hex")}`);

    const [only] = await platform.runtime.listContainers({ "pier.app": name });
    const killedAt = Date.now();
    execFileSync("docker", ["kill", only!.id], { stdio: "ignore" });
    const replaced = await waitFor("container.replaced", name);
    expect(replaced.payload.summary).toMatch(/replica 1 was lost \(exited with code \d+\) and replaced/);
    const alertLatencyMs = replaced.at - killedAt;

    await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 2 },
    });
    expect((await waitFor("app.scaled", name)).payload.details).toMatchObject({ desired: 2, running: 2 });

    await platform.prisma.app.update({ where: { name }, data: { alertErrorRate: 0.2 } });
    for (let i = 0; i < 30; i++) await getViaRouter(platform.routerPort, `${name}.localhost`, i % 2 ? "/boom" : "/");
    await platform.router.collectMetrics();
    const breachedAt = Date.now();
    expect((await control.controller.checkTrafficAlerts()).map((e) => e.event)).toContain("alert.error_rate");
    const errorRate = await waitFor("alert.error_rate", name);
    expect(errorRate.payload.summary).toMatch(/error rate 50\.0 % over the last minute \(threshold 20\.0 %\)/);
    // Still breached: not told twice.
    expect((await control.controller.checkTrafficAlerts()).filter((e) => e.app?.name === name)).toEqual([]);
    console.log(
      `alert latency: container killed → container.replaced at the receiver ${alertLatencyMs} ms; ` +
        `threshold breach noticed → alert.error_rate at the receiver ${errorRate.at - breachedAt} ms`,
    );
  });
});
