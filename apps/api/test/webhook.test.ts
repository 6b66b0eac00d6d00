import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { cookieOf, postSignIn } from "../../../tests/support/dashboard-forms.ts";
import { deliveryHeaders, pingPayload, pushPayload, sign } from "../../../tests/support/github.ts";

const SHA = "a".repeat(40);

describe("GitHub webhook", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `hook-${randomBytes(3).toString("hex")}`;
  let secret = "";

  const deployments = async () =>
    (await app.inject({ method: "GET", url: `/api/apps/${name}/deployments`, headers: auth })).json()
      .deployments as Array<{ id: string; status: string; reason: string | null }>;
  const enqueued = async () => {
    const counts = await app.pier.queue.getJobCounts("waiting", "delayed", "active", "prioritized");
    return Object.values(counts).reduce((a, b) => a + b, 0);
  };
  const deliver = (event: string, body: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: { ...deliveryHeaders(event, secret, body), ...headers },
      payload: body,
    });

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    const res = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
    });
    secret = res.json().webhookSecret;
  });
  afterAll(async () => {
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await app.pier.queue.obliterate({ force: true });
    await app.close();
  });

  it("answers ping", async () => {
    const res = await deliver("ping", JSON.stringify(pingPayload()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
  });

  it("rejects a wrong or missing signature with 401 and stores nothing", async () => {
    const body = JSON.stringify(pushPayload({ branch: "main", sha: SHA }));
    const wrong = await deliver("push", body, { "x-hub-signature-256": sign("not-the-secret", body) });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: "invalid_signature" });
    const { "x-hub-signature-256": _omit, ...unsigned } = deliveryHeaders("push", secret, body);
    const missing = await app.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: unsigned,
      payload: body,
    });
    expect(missing.statusCode).toBe(401);
    // Signed over different bytes than sent (e.g. re-serialised JSON): refused too.
    const tampered = await deliver("push", `${body} `, { "x-hub-signature-256": sign(secret, body) });
    expect(tampered.statusCode).toBe(401);
    expect(await deployments()).toEqual([]);
    expect(await enqueued()).toBe(0);
  });

  it("malformed JSON (correctly signed) is a 400", async () => {
    const res = await deliver("push", "{nope");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "invalid_json" });
    expect(await deployments()).toEqual([]);
  });

  it("unknown app is a 404", async () => {
    const body = JSON.stringify(pushPayload({ branch: "main", sha: SHA }));
    const res = await app.inject({
      method: "POST",
      url: "/webhooks/github/no-such-app",
      headers: deliveryHeaders("push", secret, body),
      payload: body,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: "app_not_found" });
  });

  it.each([
    ["another branch", pushPayload({ branch: "feature/x", sha: SHA }), "push", /not the production branch/],
    ["a tag", pushPayload({ branch: "v1.0.0", sha: SHA, tag: true }), "push", /tag push/],
    ["a branch deletion", pushPayload({ branch: "main", sha: SHA, deleted: true }), "push", /was deleted/],
    ["another event", { action: "opened" }, "issues", /event issues is not handled/],
  ])("ignores %s with a 202 and a reason", async (_what, payload, event, reason) => {
    const res = await deliver(event, JSON.stringify(payload));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ ignored: true });
    expect(res.json().reason).toMatch(reason);
    expect(await deployments()).toEqual([]);
    expect(await enqueued()).toBe(0);
  });

  it("accepts a push: QUEUED deployment + job; a redelivery creates no second one", async () => {
    const body = JSON.stringify(pushPayload({ branch: "main", sha: SHA, message: "ship it" }));
    const deliveryId = `delivery-${randomBytes(4).toString("hex")}`;
    const started = performance.now();
    const first = await deliver("push", body, { "x-github-delivery": deliveryId });
    const elapsed = performance.now() - started;
    expect(first.statusCode).toBe(202);
    // Within GitHub's 10 s for a delivery; bench/api-answers.ts measures how soon.
    expect(elapsed).toBeLessThan(10_000);
    expect(first.json()).toMatchObject({ ok: true, status: "QUEUED" });
    const again = await deliver("push", body, { "x-github-delivery": deliveryId });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ deploymentId: first.json().deploymentId, duplicate: true });
    const list = await deployments();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: first.json().deploymentId, status: "QUEUED" });
    const job = await app.pier.queue.getJob(first.json().deploymentId);
    expect(job?.data).toEqual({ deploymentId: first.json().deploymentId, appId: expect.any(String) });
  });

  it("a push of a child commit supersedes the queued parent, which ends CANCELLED with the reason", async () => {
    const before = await deployments();
    const body = JSON.stringify(pushPayload({ branch: "main", sha: "b".repeat(40), before: "a".repeat(40) }));
    const newer = await deliver("push", body);
    expect(newer.statusCode).toBe(202);
    const list = await deployments();
    const older = list.find((d) => d.id === before[0]?.id);
    expect(older).toMatchObject({
      status: "CANCELLED",
      reason:
        `superseded by deployment ${newer.json().deploymentId} (commit bbbbbbbbbbbb), ` +
        "whose commit descends from aaaaaaaaaaaa",
    });
    expect(list.find((d) => d.id === newer.json().deploymentId)?.status).toBe("QUEUED");
  });

  it("supersedes by history, not arrival: a parent arriving after its child is recorded and skipped", async () => {
    // c → d → e: e arrives first, then c (not yet known to be e's ancestor: both queued), then d, which links them.
    const [c, d, e] = ["c", "d", "e"].map((x) => x.repeat(40));
    const send = (sha: string, parent: string) =>
      deliver("push", JSON.stringify(pushPayload({ branch: "main", sha, before: parent })));
    const head = await send(e!, d!);
    const old = await send(c!, "b".repeat(40));
    expect(old.json()).toMatchObject({ status: "QUEUED" });
    const link = await send(d!, c!);
    expect(link.statusCode).toBe(202);
    expect(link.json()).toMatchObject({ ignored: true, status: "CANCELLED" });
    expect(link.json().reason).toMatch(/^superseded by deployment .* whose commit descends from dddddddddddd/);
    const list = await deployments();
    expect(list.find((x) => x.id === head.json().deploymentId)?.status).toBe("QUEUED");
    expect(list.find((x) => x.id === old.json().deploymentId)).toMatchObject({
      status: "CANCELLED",
      reason: expect.stringMatching(/whose commit descends from cccccccccccc/),
    });
    // A forced push says nothing of history: it supersedes nothing and is not skipped.
    const forced = await deliver(
      "push",
      JSON.stringify(pushPayload({ branch: "main", sha: "f".repeat(40), before: e!, forced: true })),
    );
    expect(forced.json()).toMatchObject({ status: "QUEUED" });
    expect((await deployments()).find((x) => x.id === head.json().deploymentId)?.status).toBe("QUEUED");
  });

  it("a push resent with a new delivery id deploys nothing: not the same commit again, nor an older one", async () => {
    const before = await deployments();
    // The "b" push is the newest; the "a" push was superseded by it. Replaying either, freshly signed by
    // GitHub back then and captured since, with a delivery id never seen:
    for (const sha of ["a".repeat(40), "b".repeat(40)]) {
      const replay = await deliver("push", JSON.stringify(pushPayload({ branch: "main", sha })), {
        "x-github-delivery": `replay-${randomBytes(4).toString("hex")}`,
      });
      expect(replay.statusCode).toBe(202);
      expect(replay.json()).toMatchObject({ ignored: true, duplicate: true });
      expect(replay.json().reason).toMatch(
        /was pushed before .*: a push never deploys a commit again nor moves production back/,
      );
    }
    expect(await deployments()).toEqual(before);
  });

  it("lists every delivery, newest first, with its outcome and why", async () => {
    const res = await app.inject({ method: "GET", url: `/api/apps/${name}/deliveries?limit=200`, headers: auth });
    expect(res.statusCode).toBe(200);
    const list = res.json().deliveries as Array<{ outcome: string; reason: string | null; event: string }>;
    const times = list.map((d) => Date.parse((d as unknown as { receivedAt: string }).receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const outcomes = new Set(list.map((d) => d.outcome));
    expect(outcomes).toEqual(new Set(["deployed", "ignored", "rejected"]));
    expect(list.filter((d) => d.outcome === "rejected").map((d) => d.reason)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^401: X-Hub-Signature-256 is missing or does not match/),
        expect.stringMatching(/^400: body is not valid JSON/),
      ]),
    );
    expect(list.find((d) => d.event === "ping")).toMatchObject({ outcome: "ignored", reason: "pong" });
    expect(list.find((d) => d.reason?.startsWith("superseded"))).toMatchObject({
      outcome: "ignored",
      deployment: { status: "CANCELLED" },
    });
    const none = await app.inject({ method: "GET", url: "/api/apps/no-such-app/deliveries", headers: auth });
    expect(none.statusCode).toBe(404);
  });

  it("the dashboard lists the deliveries on the app's page and says GitHub can't reach a loopback URL", async () => {
    const signedIn = await postSignIn(app, config.PIER_ADMIN_TOKEN);
    const session = { pier_session: cookieOf(signedIn, "pier_session")! };
    const page = await app.inject({ method: "GET", url: `/apps/${name}`, cookies: session });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-table="deliveries"');
    // The last ten, newest first: the history pushes of the tests above.
    expect(page.body.match(/data-outcome="/g)).toHaveLength(10);
    for (const outcome of ["deployed", "ignored"]) expect(page.body).toContain(`data-outcome="${outcome}"`);
    expect(page.body).toMatch(/data-warning="webhook">GitHub can&#39;t reach this webhook URL: 127\.0\.0\.1/);
    const settings = await app.inject({ method: "GET", url: `/apps/${name}/settings`, cookies: session });
    expect(settings.body).toContain('data-warning="webhook"');
  });

  it("keeps a bounded number of deliveries per app, rejected ones apart", async () => {
    const small = await buildApp(testConfig({ PIER_WEBHOOK_DELIVERIES_KEPT: "3" }), { logger: false });
    try {
      for (let i = 0; i < 5; i++) {
        await small.inject({
          method: "POST",
          url: `/webhooks/github/${name}`,
          headers: { ...deliveryHeaders("issues", secret, "{}") },
          payload: "{}",
        });
        await small.inject({
          method: "POST",
          url: `/webhooks/github/${name}`,
          headers: { ...deliveryHeaders("issues", "wrong-secret", "{}") },
          payload: "{}",
        });
      }
      const res = await small.inject({ method: "GET", url: `/api/apps/${name}/deliveries?limit=100`, headers: auth });
      const list = res.json().deliveries as Array<{ outcome: string }>;
      expect(list.filter((d) => d.outcome === "rejected")).toHaveLength(3);
      expect(list.filter((d) => d.outcome !== "rejected")).toHaveLength(3);
    } finally {
      await small.close();
    }
  });
});
