import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAlertReceiver, type AlertReceiver } from "../support/alert-receiver.ts";
import { testApps } from "../support/apps.ts";
import { cookieOf, csrfOf, form, postSignIn } from "../support/dashboard-forms.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { waitForStatus, type DeploymentView } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter, requestViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// Answers 500 on every path but /health while its env (frozen when deployed) says FAIL=1: a bad release that still
// passes its health check.
const fixture = {
  "package.json": JSON.stringify({ name: "rolling", scripts: { start: "node server.js" } }),
  "server.js": `const failing = process.env.FAIL === "1";
require("http").createServer((q, s) => {
  s.statusCode = failing && q.url !== "/health" ? 500 : 200;
  s.end(failing ? "failing" : "fine");
}).listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
};

interface RolloutView {
  id: string;
  state: string;
  weight: number;
  stepIndex: number;
  reason: string | null;
  candidate: { id: string };
}

/**
 * Gradual rollouts on the real platform (API, worker, router, a controller stepping them every second). The
 * candidate is a READY deployment that is not production but still runs: the one a rollback just replaced (kept
 * warm). The stepping test sends the candidate's own URL (<app>-<shortId>) its traffic, which the routers measure
 * as that deployment's; the abort test sends new clients to the app's own host, split by the rollout's weight.
 */
describe("gradual rollouts: steps, gate, pause, promote, abort", () => {
  let platform: Platform;
  let control: TestController;
  let alerts: AlertReceiver;
  let name: string;
  let session = "";
  const appPage = async () =>
    (await platform.api.inject({ method: "GET", url: `/apps/${name}`, cookies: { pier_session: session } })).body;
  /** A rollout control through the dashboard's form, as a browser without JavaScript posts it. */
  const dashboardPost = async (rolloutId: string, action: string, fields: Record<string, string> = {}) =>
    platform.api.inject({
      method: "POST",
      url: `/apps/${name}/rollouts/${rolloutId}/${action}`,
      cookies: { pier_session: session },
      ...form({ _csrf: csrfOf(await appPage()), ...fields }),
    });
  const apps = testApps(() => platform, "rlt");
  const api = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const rollouts = async () =>
    (await api("GET", `/api/apps/${name}/rollouts`)).json() as { current: RolloutView | null; history: RolloutView[] };
  const rolloutById = async (id: string) => {
    const { current, history } = await rollouts();
    return [current, ...history].find((r) => r?.id === id) ?? null;
  };
  const production = async () =>
    (await platform.prisma.app.findUniqueOrThrow({ where: { name } })).productionDeploymentId;
  /** A deploy of the branch head, to its end. */
  const deploy = async () => {
    const queued = await api("POST", `/api/apps/${name}/deploy`, {});
    expect(queued.statusCode, queued.body).toBe(202);
    return waitForStatus(platform.api, platform.auth, queued.json().id);
  };
  /** Makes `deployment` a candidate: production goes back to the one before it, and it stays warm. */
  const stepBack = async () => expect((await api("POST", `/api/apps/${name}/rollback`)).statusCode).toBe(200);
  /**
   * Sends the candidate's URL a few requests and has the router write its sample now (it also does every 10 s),
   * until `done` says so: the traffic the gate judges. Bounded by the deadline.
   */
  const trafficUntil = async <T>(candidate: DeploymentView, done: () => Promise<T | null>, what: string) => {
    const host = `${name}-${candidate.shortId}.localhost`;
    return eventually(
      async () => {
        await Promise.all(Array.from({ length: 10 }, () => getViaRouter(platform.routerPort, host).catch(() => null)));
        await platform.router.collectMetrics();
        return done();
      },
      what,
      60_000,
      200,
    );
  };

  beforeAll(async () => {
    platform = await startPlatform();
    control = await startTestController(platform, "rlt-");
    alerts = await startAlertReceiver();
    session = cookieOf(await postSignIn(platform.api, platform.config.PIER_ADMIN_TOKEN), "pier_session")!;
  });
  afterAll(async () => {
    await alerts?.close();
    await control?.close();
    await apps.cleanup();
    await platform?.close();
  });

  let healthy: DeploymentView;
  it("refuses bad input, naming the field", async () => {
    ({ name } = await apps.create(fixture, { healthCheckPath: "/health" }));
    await alerts.subscribe(platform, [name]);
    expect((await deploy()).status).toBe("READY");
    healthy = await deploy();
    expect(healthy.status).toBe("READY");
    await stepBack();

    const start = (body: object) => api("POST", `/api/apps/${name}/rollouts`, body);
    const good = { deploymentId: healthy.id, steps: [10, 50, 100], intervalSeconds: 2 };
    const refused = async (body: object, status: number, field: string) => {
      const res = await start(body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
      return res.json().message as string;
    };
    expect(await refused({ ...good, steps: [5, 25, 50] }, 400, "steps")).toMatch(/must end at 100/);
    expect(await refused({ ...good, steps: [50, 25, 100] }, 400, "steps")).toMatch(/ascending/);
    expect(await refused({ ...good, steps: [0.5, 100] }, 400, "steps.0")).toMatch(/whole/);
    await refused({ ...good, intervalSeconds: 0 }, 400, "intervalSeconds");
    await refused({ ...good, intervalSeconds: 90_000 }, 400, "intervalSeconds");
    await refused({ ...good, gate: { maxErrorRate: 2 } }, 400, "gate.maxErrorRate");
    await refused({ ...good, gate: { maxP95Ms: -1 } }, 400, "gate.maxP95Ms");
    await refused({ ...good, deploymentId: "nosuchdeployment" }, 404, "deploymentId");
    const live = await production();
    expect(await refused({ ...good, deploymentId: live }, 409, "deploymentId")).toMatch(/already production/);
    expect((await rollouts()).current).toBeNull();
  });

  it("a paused rollout holds its step; resumed, a healthy candidate steps to 100 % and is production", async () => {
    const gate = { maxErrorRate: 0.05, maxP95Ms: 2_000, minRequests: 10 };
    const started = await api("POST", `/api/apps/${name}/rollouts`, {
      deploymentId: healthy.id,
      steps: [10, 50, 100],
      intervalSeconds: 2,
      gate,
    });
    expect(started.statusCode, started.body).toBe(201);
    const rollout = started.json() as RolloutView;
    expect(rollout).toMatchObject({ state: "RUNNING", weight: 10, stepIndex: 0 });
    const again = await api("POST", `/api/apps/${name}/rollouts`, {
      deploymentId: healthy.id,
      steps: [100],
      intervalSeconds: 2,
    });
    expect(again.statusCode).toBe(409);

    const paused = await api("POST", `/api/apps/${name}/rollouts/${rollout.id}/pause`);
    expect(paused.json()).toMatchObject({ state: "PAUSED", weight: 10 });
    expect((await api("POST", `/api/apps/${name}/rollouts/${rollout.id}/resume`)).statusCode).toBe(200);
    expect((await api("POST", `/api/apps/${name}/rollouts/${rollout.id}/pause`)).statusCode).toBe(200);
    expect((await api("POST", `/api/apps/${name}/rollouts/${rollout.id}/pause`)).statusCode).toBe(409);
    // Traffic past the interval and several passes: a paused rollout stays on its step.
    const pausedAt = Date.now();
    await trafficUntil(healthy, async () => Date.now() - pausedAt > 3_000 || null, "the interval to pass");
    for (let i = 0; i < 3; i++) await control.controller.advanceRollouts();
    expect(await rolloutById(rollout.id)).toMatchObject({ state: "PAUSED", stepIndex: 0, weight: 10 });

    // The dashboard's card: the split, the controls, both versions' charts; abort asks first.
    const page = await appPage();
    expect(page).toContain('data-rollout-state="PAUSED"');
    expect(page).toContain('data-rollout-split="10"');
    for (const mark of ["rollout-resume", "rollout-promote", "rollout-abort", 'data-chart="rollout-error-rate"'])
      expect(page).toContain(mark);
    expect(page).toMatch(/data-chart="rollout-p95"[\s\S]*data-series="candidate"/);
    const asked = await dashboardPost(rollout.id, "abort");
    expect(asked.body).toContain("data-confirmation");
    expect(await rolloutById(rollout.id)).toMatchObject({ state: "PAUSED" });
    expect((await dashboardPost(rollout.id, "resume")).statusCode).toBe(303);
    expect(await rolloutById(rollout.id)).toMatchObject({ state: "RUNNING" });
    await trafficUntil(
      healthy,
      async () => ((await rolloutById(rollout.id))?.stepIndex === 1 ? true : null),
      "the second step",
    );
    const done = await trafficUntil(
      healthy,
      async () => {
        const now = await rolloutById(rollout.id);
        return now?.state === "SUCCEEDED" ? now : null;
      },
      "the rollout to finish",
    );
    expect(done.weight).toBe(100);
    expect(await production()).toBe(healthy.id);
    const [release] = await platform.prisma.release.findMany({
      where: { app: { name } },
      orderBy: { version: "desc" },
      take: 1,
    });
    expect(release).toMatchObject({ kind: "ROLLOUT", toDeploymentId: healthy.id, cause: "API" });
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("fine");
    await alerts.waitFor("rollout.succeeded", name, 30_000);
  });

  it("a candidate answering 500 is aborted within an interval: production untouched, it stops, an alert", async () => {
    expect((await api("PUT", `/api/apps/${name}/env`, { vars: { FAIL: "1" } })).statusCode).toBe(200);
    const failing = await deploy();
    expect(failing.status).toBe("READY");
    expect((await api("DELETE", `/api/apps/${name}/env/FAIL`)).statusCode).toBeLessThan(300);
    await stepBack();
    const base = await production();
    expect(base).toBe(healthy.id);

    // A long step: an abort well before its end is the gate checked mid-step, not at the step's end.
    const intervalSeconds = 30;
    const started = await api("POST", `/api/apps/${name}/rollouts`, {
      deploymentId: failing.id,
      steps: [25, 100],
      intervalSeconds,
      gate: { maxErrorRate: 0.01, maxP95Ms: 500, minRequests: 10 },
    });
    expect(started.statusCode, started.body).toBe(201);
    const { id } = started.json() as RolloutView;
    const startedAt = Date.now();
    // New clients (no cookie) on the app's own host: the router sends a quarter of them to the candidate. Counted:
    // the requests that reached it (it answers "failing") before the gate withdrew it.
    const appHost = `${name}.localhost`;
    const seen = { sent: 0, reachedCandidate: 0, firstFailureAt: 0, candidateCookie: "" };
    const aborted = await eventually(
      async () => {
        const answers = await Promise.all(
          Array.from({ length: 10 }, () => requestViaRouter(platform.routerPort, appHost, "/").catch(() => null)),
        );
        for (const answer of answers) {
          if (!answer) continue;
          seen.sent++;
          if (answer.body.toString() !== "failing") continue;
          seen.reachedCandidate++;
          seen.firstFailureAt ||= Date.now();
          seen.candidateCookie ||= String(answer.headers["set-cookie"]?.[0] ?? "").split(";")[0]!;
        }
        await platform.router.collectMetrics();
        const now = await rolloutById(id);
        return now?.state === "ABORTED" ? { view: now, at: Date.now() } : null;
      },
      "the gate to abort",
      60_000,
      200,
    );
    expect(seen.reachedCandidate).toBeGreaterThan(0);
    expect(seen.candidateCookie).toMatch(/=/);
    const firstFailureAt = seen.firstFailureAt;
    expect(aborted.view.weight).toBe(0);
    expect(aborted.view.reason).toMatch(
      /gate failed on \d+ requests \(\d+ 5xx\): error rate 100\.0 % over the limit 1\.0 %/,
    );
    const containersGoneAt = await eventually(
      async () =>
        (await platform.runtime.listContainers({ "pier.deployment": failing.id }, { all: true })).length === 0 &&
        Date.now(),
      "the candidate's containers to go",
      30_000,
    );
    const rollbackMs = containersGoneAt - firstFailureAt;
    expect(aborted.at - firstFailureAt).toBeLessThan(intervalSeconds * 1000);
    // Its URL is gone with it: whatever the router answers (or not), it is never the candidate's.
    const host = `${name}-${failing.shortId}.localhost`;
    let reachedAfterAbort = 0;
    const answers = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      const answer = await getViaRouter(platform.routerPort, host, "/", 1_000).catch((error: Error) => error);
      const what = answer instanceof Error ? answer.message.split(" ")[0]! : `HTTP ${answer.status}`;
      answers.set(what, (answers.get(what) ?? 0) + 1);
      if (!(answer instanceof Error) && answer.body === "failing") reachedAfterAbort++;
    }
    expect(reachedAfterAbort).toBe(0);
    // Withdrawn: new clients and the clients it had (their cookie names it) all get production.
    for (const cookie of ["", seen.candidateCookie])
      for (let i = 0; i < 20; i++) {
        const answer = await requestViaRouter(platform.routerPort, appHost, "/", cookie ? { cookie } : {});
        expect({ status: answer.status, body: answer.body.toString() }).toEqual({ status: 200, body: "fine" });
      }
    expect(await production()).toBe(base);
    const served = await getViaRouter(platform.routerPort, `${name}.localhost`);
    expect(served).toEqual({ status: 200, body: "fine" });
    const alert = await alerts.waitFor("rollout.aborted", name, 30_000);
    expect(alert.payload.summary).toMatch(/aborted at 25 %: gate failed/);
    expect(alert.payload.details).toMatchObject({ candidateDeploymentId: failing.id, weightWas: 25 });
    expect(await appPage()).toContain('data-rollout-state="ABORTED"');
    console.log(
      `rollout gate: started → first 500 ${firstFailureAt - startedAt} ms; ` +
        `${seen.reachedCandidate} of ${seen.sent} new clients' requests reached the bad candidate; ` +
        `first 500 → ABORTED (weight 0) ${aborted.at - firstFailureAt} ms; ` +
        `→ candidate's containers gone ${rollbackMs} ms ` +
        `(interval ${intervalSeconds} s; samples flushed by the test); ` +
        `its URL afterwards: ${[...answers].map(([k, n]) => `${n}× ${k}`).join(", ")}`,
    );
  });
});
