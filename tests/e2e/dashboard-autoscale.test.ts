import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "@pier/api";
import { randomBytes, randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../support/platform.ts";
import { cookieOf, dashboardClient, postSignIn } from "../support/dashboard-forms.ts";

/**
 * The app page's Autoscale card, its forms and the decision marks, through app.inject on the real API
 * and database. No build: a READY deployment row stands in for production, and decisions are written
 * as the autoscaler writes them.
 */
describe("dashboard: autoscale policy form, autoscaled scale control, decision marks", () => {
  let api: FastifyInstance;
  const config = testConfig();
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `dash-as-${randomBytes(3).toString("hex")}`;
  let session = "";
  let appId = "";

  /** One element's HTML, from its opening tag to the end of the page (enough to look inside it). */
  const from = (page: string, marker: string) => page.slice(page.indexOf(marker));
  const { getPage, post } = dashboardClient(
    () => api,
    () => session,
    `/apps/${name}`,
  );
  const storedPolicy = async () =>
    (await api.inject({ method: "GET", url: `/api/apps/${name}`, headers: auth })).json().autoscale;
  const policyForm = (fields: Record<string, string>) => ({
    min: "",
    max: "",
    targetConcurrency: "",
    targetRps: "",
    scaleDownDelaySeconds: "",
    idleTimeoutSeconds: "",
    ...fields,
  });

  beforeAll(async () => {
    api = await buildApp(config, { logger: false });
    const signedIn = await postSignIn(api, config.PIER_ADMIN_TOKEN);
    expect(signedIn.statusCode).toBe(303);
    session = cookieOf(signedIn, "pier_session")!;

    const created = await api.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl: "https://github.com/owner/repo.git" },
    });
    expect(created.statusCode).toBe(201);
    appId = created.json().id;
    const id = randomUUID().replaceAll("-", "").slice(0, 24);
    await api.pier.prisma.deployment.create({
      data: {
        id,
        shortId: id.slice(0, 8),
        appId,
        trigger: "API",
        branch: "main",
        status: "READY",
        finishedAt: new Date(),
      },
    });
    await api.pier.prisma.app.update({ where: { id: appId }, data: { productionDeploymentId: id } });
  });

  afterAll(async () => {
    await api?.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await api?.close();
  });

  it("without a policy: the scale form, and an Autoscale card that is off", async () => {
    const page = (await getPage(`/apps/${name}`)).body;
    expect(page).toContain('data-form="scale"');
    expect(page).not.toContain("data-autoscaled");
    expect(page).toMatch(/id="autoscale" data-autoscale="off"/);
    expect(page).toContain("Off: replicas change only by hand");
    expect(page).toMatch(
      new RegExp(
        /<form method="post" action="\/apps\/[^"]+\/autoscale" novalidate data-form="autoscale">/.source +
          /<input type="hidden" name="_csrf"/.source,
      ),
    );
    expect(page).not.toContain('data-form="autoscale-off"');
    expect(page).not.toContain('data-table="scale-decisions"');
  });

  it("the form sets the policy (empty fields take the defaults), and the page shows it", async () => {
    const res = await post(
      `/apps/${name}/autoscale`,
      policyForm({ min: "2", max: "4", targetConcurrency: "20", scaleDownDelaySeconds: "30" }),
    );
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/apps/${name}#autoscale`);
    expect(await storedPolicy()).toEqual({
      min: 2,
      max: 4,
      targetConcurrency: 20,
      scaleDownDelaySeconds: 30,
      idleTimeoutSeconds: 300,
    });

    const page = (await getPage(`/apps/${name}`, { pier_flash: cookieOf(res, "pier_flash")! })).body;
    expect(page).toMatch(
      /data-flash="ok">Autoscale on for [^:]+: min 2, max 4, 20 in flight per replica, scale down after 30 s\./,
    );
    expect(page).toMatch(/id="autoscale" data-autoscale="on"/);
    expect(page).toContain("On: min 2, max 4, 20 in flight per replica, scale down after 30 s");
    expect(page).toMatch(/id="f-targetConcurrency" name="targetConcurrency" type="number" value="20"/);
    expect(page).toMatch(/id="f-idleTimeoutSeconds" name="idleTimeoutSeconds" type="number" value="300"/);
    // Scaling by hand would be refused (409): the production card says why instead of offering it.
    expect(page).not.toContain('data-form="scale"');
    expect(page).toMatch(/data-autoscaled>Autoscaled between <b>2<\/b> and <b>4<\/b> replicas/);
    expect(page).toContain('data-form="autoscale-off"');
  });

  it("a refused policy shows next to its field, keeps what was typed, and changes nothing", async () => {
    const minOverMax = await post(
      `/apps/${name}/autoscale`,
      policyForm({ min: "5", max: "2", targetConcurrency: "7" }),
    );
    expect(minOverMax.statusCode).toBe(400);
    expect(minOverMax.body).toMatch(/data-error-for="min">must not be over max</);
    expect(minOverMax.body).toMatch(/id="f-min" name="min" type="number" value="5"/);
    expect(minOverMax.body).toMatch(/id="f-targetConcurrency" name="targetConcurrency" type="number" value="7"/);

    const overOperator = await post(`/apps/${name}/autoscale`, policyForm({ max: "99" }));
    expect(overOperator.statusCode).toBe(400);
    expect(overOperator.body).toMatch(
      new RegExp(`data-error-for="max">99 is over the operator&#39;s maximum ${config.PIER_MAX_REPLICAS}`),
    );

    const notNumbers = await post(`/apps/${name}/autoscale`, policyForm({ min: "two", max: "", targetRps: "lots" }));
    expect(notNumbers.statusCode).toBe(400);
    expect(notNumbers.body).toMatch(/data-error-for="min">Enter a whole number\.</);
    expect(notNumbers.body).toMatch(/data-error-for="max">Enter the most replicas/);
    expect(notNumbers.body).toMatch(/data-error-for="targetRps">Enter a number/);

    const noCsrf = await api.inject({
      method: "POST",
      url: `/apps/${name}/autoscale`,
      cookies: { pier_session: session },
      payload: "min=1&max=9",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(noCsrf.statusCode).toBe(403);

    expect(await storedPolicy()).toEqual({
      min: 2,
      max: 4,
      targetConcurrency: 20,
      scaleDownDelaySeconds: 30,
      idleTimeoutSeconds: 300,
    });
  });

  it("a scale form posted from a stale page while autoscaled: the API's refusal as a message, no change", async () => {
    const res = await post(`/apps/${name}/scale`, { replicas: "3" });
    expect(res.statusCode).toBe(303);
    const page = (await getPage(`/apps/${name}`, { pier_flash: cookieOf(res, "pier_flash")! })).body;
    expect(page).toMatch(/data-flash="error">[^<]*is autoscaled \(min 2, max 4\)/);
  });

  it("marks each decision in the window on the replicas chart (from → to: reason), lists the last ones", async () => {
    const now = Date.now();
    const decision = (agoMs: number, from: number, to: number, reason: string, panic = false) => ({
      id: randomUUID(),
      appId,
      at: new Date(now - agoMs),
      fromReplicas: from,
      toReplicas: to,
      reason,
      panic,
      panicConcurrency: 1,
      stableConcurrency: 1,
      requestsPerSecond: 1,
    });
    await api.pier.prisma.scaleDecision.createMany({
      data: [
        decision(2 * 60 * 60_000, 2, 3, "two hours ago"),
        decision(20 * 60_000, 2, 4, "the load asked for 4 (<b>stable</b>)", true),
        decision(5 * 60_000, 4, 2, "for 30 s the load asked for at most 2"),
      ],
    });

    const page = (await getPage(`/apps/${name}`)).body;
    const replicasChart = from(page, 'data-chart="replicas"').split("</figure>")[0]!;
    const marks = [
      ...replicasChart.matchAll(/<g class="mark" data-mark="scale-decision"><title>([^<]*)<\/title>/g),
    ].map((m) => m[1]);
    // The last hour: two marks (the decision two hours ago is outside), newest first; reasons escaped.
    expect(marks).toHaveLength(2);
    expect(marks[0]).toMatch(/^4 → 2: for 30 s the load asked for at most 2 · \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(marks[1]).toMatch(/^2 → 4: the load asked for 4 \(&lt;b&gt;stable&lt;\/b&gt;\) \(panic mode\) · /);
    // Only the replicas chart has marks.
    expect(page.match(/data-mark="scale-decision"/g)).toHaveLength(2);
    const sixHours = (await getPage(`/apps/${name}?window=6h`)).body;
    expect(sixHours.match(/data-mark="scale-decision"/g)).toHaveLength(3);

    const list = from(page, 'data-table="scale-decisions"').split("</table>")[0]!;
    const rows = [...list.matchAll(/<tr data-decision="([^"]+)">/g)].map((m) => m[1]);
    expect(rows).toEqual(
      [new Date(now - 5 * 60_000), new Date(now - 20 * 60_000), new Date(now - 2 * 60 * 60_000)].map((d) =>
        d.toISOString(),
      ),
    );
    expect(list).toMatch(/2 <span class="faint">→<\/span> <b>4<\/b> <span class="tag">panic<\/span>/);
  });

  it("turning it off brings the scale form back and keeps the count", async () => {
    const res = await post(`/apps/${name}/autoscale/off`, { confirmed: "yes" });
    expect(res.statusCode).toBe(303);
    expect(await storedPolicy()).toBeNull();
    const page = (await getPage(`/apps/${name}`, { pier_flash: cookieOf(res, "pier_flash")! })).body;
    expect(page).toMatch(/data-flash="ok">Autoscale off for [^:]+: it keeps 1 replica; scale it by hand from now on\./);
    expect(page).toMatch(/id="autoscale" data-autoscale="off"/);
    expect(page).toContain('data-form="scale"');
    expect(page).not.toContain("data-autoscaled");
    // The history stays: the decisions are still marked and listed.
    expect(page).toContain('data-table="scale-decisions"');
  });
});
