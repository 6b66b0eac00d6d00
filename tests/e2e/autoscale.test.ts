import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { startPlatform, type Platform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";

// A no-dependency Node app whose requests take 50 ms (as a real handler waiting on a database would), so
// that a closed-loop load of N connections keeps about N requests in flight.
const appFiles = {
  "package.json": JSON.stringify({ name: "autoscaled", scripts: { start: "node server.js" } }),
  "server.js":
    `require("http").createServer((q, s) => setTimeout(() => s.end("ok " + require("os").hostname()), 50))` +
    `.listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
};

describe("autoscaling on load, and scale to zero", () => {
  let platform: Platform;
  let control: TestController;
  const apps = testApps(() => platform, "asc");
  const patch = (name: string, payload: Record<string, unknown>) =>
    platform.api.inject({ method: "PATCH", url: `/api/apps/${name}`, headers: platform.auth, payload });
  const view = async (name: string) =>
    (await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).json();
  const decisions = async (name: string) =>
    (await platform.api.inject({ method: "GET", url: `/api/apps/${name}/autoscale`, headers: platform.auth })).json()
      .decisions as Array<{ from: number; to: number; reason: string; panic: boolean }>;
  const running = async (name: string) => (await view(name)).replicas.running as number;

  beforeAll(async () => {
    platform = await startPlatform();
    control = await startTestController(platform, "asc-");
  });
  afterAll(async () => {
    await control?.close();
    await apps.cleanup();
    await platform?.close();
  });

  it("refuses bad policies with a 400 naming the field, and manual scale while one is on with a 409", async () => {
    const { name } = await apps.create(appFiles);
    const minOverMax = await patch(name, { autoscale: { min: 3, max: 2 } });
    expect(minOverMax.statusCode).toBe(400);
    expect(minOverMax.json().fields).toEqual([expect.objectContaining({ field: "autoscale.min" })]);
    const negativeDelay = await patch(name, { autoscale: { max: 2, scaleDownDelaySeconds: -5 } });
    expect(negativeDelay.statusCode).toBe(400);
    expect(negativeDelay.json().fields[0].field).toBe("autoscale.scaleDownDelaySeconds");
    const overOperator = await patch(name, { autoscale: { max: platform.config.PIER_MAX_REPLICAS + 1 } });
    expect(overOperator.statusCode).toBe(400);
    expect(overOperator.json()).toMatchObject({ fields: [{ field: "autoscale.max" }] });
    expect((await view(name)).autoscale).toBeNull(); // nothing was kept of the bad ones

    const ok = await patch(name, { autoscale: { max: 3 } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().autoscale).toEqual({
      min: 1,
      max: 3,
      targetConcurrency: 10,
      scaleDownDelaySeconds: 60,
      idleTimeoutSeconds: 300,
    });
    const manual = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 2 },
    });
    expect(manual.statusCode).toBe(409);
    expect(manual.json()).toMatchObject({
      fields: [{ field: "replicas" }],
      message: expect.stringContaining("autoscaled"),
    });
    expect((await patch(name, { autoscale: null })).json().autoscale).toBeNull();
  });

  // Its waits are deadlines a busy machine meets, longer together than vitest's 180 s.
  it("scales up on a load step and back down after the delay, failing no request", async () => {
    const { name } = await apps.create(appFiles);
    expect((await apps.deploy(name)).status).toBe("READY");
    expect(
      (await patch(name, { autoscale: { min: 1, max: 4, targetConcurrency: 10, scaleDownDelaySeconds: 4 } }))
        .statusCode,
    ).toBe(200);

    // 30 connections in a closed loop: about 30 in flight, 3× the target per replica.
    // Bounded, and on until the deadline below on a busy machine (bench/autoscale.ts times the reaction).
    const heavy = keepRequesting(platform.routerPort, `${name}.localhost`, {
      concurrency: 30,
      pauseMs: 0,
      maxRequests: 150_000,
      maxMs: 120_000,
    });
    const stepAt = Date.now();
    await eventually(async () => (await running(name)) >= 3, "3 replicas serving under the load step", 120_000);
    const reactionMs = Date.now() - stepAt;
    const underHeavy = await heavy.stop();
    expect(underHeavy.failures).toEqual({});
    expect(underHeavy.failed).toBe(0);
    const up = (await decisions(name)).filter((d) => d.to > d.from);
    expect(up.length).toBeGreaterThan(0);
    // Panic (2× the target per replica over 6 s) or the 6 s window asking for more twice in a row.
    expect(up.every((d) => /panic|twice in a row|60 s and 6 s/.test(d.reason))).toBe(true);

    // A light load goes on while replicas drain and stop: none of its requests may fail.
    const light = keepRequesting(platform.routerPort, `${name}.localhost`, {
      concurrency: 2,
      pauseMs: 20,
      maxRequests: 20_000,
      maxMs: 120_000,
    });
    await eventually(
      async () => (await view(name)).replicas.desired === 1 && (await running(name)) === 1,
      "back to 1 replica after the delay",
      120_000,
    );
    const underLight = await light.stop();
    expect(underLight.failures).toEqual({});
    expect(underLight.ok).toBeGreaterThan(0);
    const down = (await decisions(name)).filter((d) => d.to < d.from);
    expect(down[0]?.reason).toContain("for 4 s the load asked for at most");
    console.log(
      `load step → 3 replicas serving in ${reactionMs} ms; ${underHeavy.ok + underLight.ok} requests, 0 failed`,
    );
  }, 360_000);

  it("scales to zero when idle, holds the next requests while it starts, and serves them", async () => {
    const { name } = await apps.create(appFiles);
    expect((await apps.deploy(name)).status).toBe("READY");
    expect(
      (await patch(name, { autoscale: { min: 0, max: 2, idleTimeoutSeconds: 2, scaleDownDelaySeconds: 0 } }))
        .statusCode,
    ).toBe(200);
    await eventually(
      async () => (await view(name)).replicas.desired === 0 && (await running(name)) === 0,
      "scaled to zero",
      30_000,
    );
    // Drained, then stopped: no container of the app runs any more.
    await eventually(
      async () => (await platform.runtime.listContainers({ "pier.app": name })).length === 0,
      "its containers stopped",
      30_000,
    );

    // Five requests at once while nothing runs: held by the activator, then answered by the woken app.
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => getViaRouter(platform.routerPort, `${name}.localhost`, "/", 30_000)),
    );
    const coldStartMs = Date.now() - started;
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers[0]!.body).toMatch(/^ok /);
    expect((await view(name)).replicas.desired).toBe(1);
    const reasons = (await decisions(name)).map((d) => d.reason);
    expect(reasons.some((r) => r.includes("scaled to zero"))).toBe(true);
    expect(reasons[0]).toContain("a request arrived while scaled to zero");
    console.log(`cold start from zero: ${coldStartMs} ms for 5 held requests`);
  });
});
