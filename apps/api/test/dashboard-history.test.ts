import type { DeploymentStatus } from "@pier/db";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/build-app.ts";
import { cookieOf, postSignIn } from "../../../tests/support/dashboard-forms.ts";
import { testConfig } from "../../../tests/support/platform.ts";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");
const ESC = "\u001b";
const FAILED_REASON =
  'image build failed: The command \'sh -c npm run build && for d in "out"; do test -d "$d"; done\' ' +
  "returned a non-zero code: 1";

/** The rows of a rendered deployments table, by deployment id. */
const rowsOf = (page: string) => [...page.matchAll(/<tr data-deployment="([a-z0-9]+)"/g)].map((m) => m[1]!);
/** The HTML of one element with `data-…="value"` up to its closing tag `tag`. */
function elementOf(page: string, attribute: string, tag: string): string {
  const start = page.indexOf(attribute);
  expect(start, attribute).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf(`</${tag}>`, start));
}

describe("dashboard as a deploy history: failures explained, one state, what is live, filters, pages, 404s", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `hist-${hex(3)}`;
  let session: string;
  const ids = { live: "", failed: "", latest: "" };
  const mains: Array<{ id: string; sha: string }> = [];
  const liveSince = new Date("2026-11-20T08:00:00.000Z");

  const get = (url: string, signedIn = true) =>
    app.inject({ method: "GET", url, cookies: signedIn ? { pier_session: session } : {} });
  const page = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    session = cookieOf(await postSignIn(app, config.PIER_ADMIN_TOKEN), "pier_session")!;
    const created = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
    });
    expect(created.statusCode, created.body).toBe(201);
    const appId = created.json().id as string;
    const { prisma } = app.pier;
    const base = Date.parse("2026-11-20T00:00:00.000Z");
    const deployment = (i: number, status: DeploymentStatus, extra: Record<string, unknown> = {}) => ({
      id: hex(8),
      shortId: hex(4),
      appId,
      status,
      trigger: "API" as const,
      branch: "main",
      commitSha: hex(20),
      commitMessage: `commit number ${i}`,
      createdAt: new Date(base + i * 60_000),
      finishedAt: new Date(base + i * 60_000 + 30_000),
      ...extra,
    });
    // 24 on main (the 11th is live), one failed on a feature branch, and a newer failed push on main.
    const rows = Array.from({ length: 24 }, (_, i) => deployment(i, "READY"));
    rows[10] = { ...rows[10]!, commitMessage: "the live commit\n\nwith a body" };
    const failed = deployment(30, "FAILED", { branch: "feature/x", failureReason: FAILED_REASON });
    const latest = deployment(40, "FAILED", { commitMessage: "broken push", failureReason: "health check failed" });
    await prisma.deployment.createMany({ data: [...rows, failed, latest] });
    mains.push(...rows.map((r) => ({ id: r.id, sha: r.commitSha })));
    ids.live = rows[10]!.id;
    ids.failed = failed.id;
    ids.latest = latest.id;
    await prisma.app.update({ where: { id: appId }, data: { productionDeploymentId: ids.live } });
    await prisma.release.create({
      data: { appId, version: 1, kind: "DEPLOY", cause: "API", toDeploymentId: ids.live, createdAt: liveSince },
    });
    // Production's one replica keeps dying: no container, its record in CRASH_LOOP.
    await prisma.replicaState.create({
      data: { deploymentId: ids.live, index: 1, appId, phase: "CRASH_LOOP", restarts: 6, lastReason: "exit 1" },
    });
    await prisma.buildLog.createMany({
      data: [
        'Step 9/14 : RUN ["sh", "-c", "npm run build"]',
        "> site@1.0.0 build",
        `${ESC}[91mError: boom${ESC}[0m`,
        "The command 'sh -c npm run build' returned a non-zero code: 1",
      ].map((line, i) => ({
        deploymentId: ids.failed,
        line,
        stream: "build",
        createdAt: new Date(Date.parse("2026-11-20T12:34:50.000Z") + i * 1000),
      })),
    });
  });

  afterAll(async () => {
    await app?.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await app?.close();
  });

  it("a failed deployment: a sentence with the next step, the command behind Details, no escape codes", async () => {
    const body = await page(`/deployments/${ids.failed}`);
    const reason = elementOf(body, "data-reason", "div");
    expect(/<span data-sentence>([^<]*)<\/span>/.exec(reason)?.[1]).toBe(
      "The build command exited with code 1: the log&#39;s last lines say “Error: boom”; fix the build and push again.",
    );
    const details = elementOf(reason, "<details data-reason-details>", "details");
    expect(details).toContain("returned a non-zero code: 1");
    expect(details).toContain("sh -c npm run build &amp;&amp; for d in");
    expect(reason.slice(0, reason.indexOf("<details"))).not.toContain("sh -c");
    // The log: colours as spans, no escape code anywhere, clock times in UTC.
    expect(body).toContain('<span class="c-red">Error: boom</span>');
    expect(body).not.toContain(ESC);
    expect(body).not.toContain("[91m");
    expect(body).toContain('<span class="t">12:34:52</span>');
    expect(body).toContain("times in UTC");
  });

  it("the build log's live script strips escape codes from streamed lines too", async () => {
    const body = await page(`/deployments/${ids.failed}`);
    const source = /var ESC=(\/.*\/g);/.exec(body)?.[1];
    expect(source).toBeDefined();
    const pattern = new Function(`return ${source}`)() as RegExp;
    expect(`${ESC}[1;31mred${ESC}[0m ${ESC}[2Kok ${ESC}]0;t${ESC}\\x`.replace(pattern, "")).toBe("red ok x");
    expect(body).toContain("getUTCHours()");
  });

  it("one state everywhere: production in a crash loop is no row's 'Ready'", async () => {
    const list = await page("/");
    const card = elementOf(list, `<tr class="rowlink" data-app="${name}"`, "tr");
    expect(elementOf(card, 'data-col="production"', "td")).toContain("Crash loop 0/1");
    const overview = await page(`/apps/${name}?page=1`);
    const liveRow = elementOf(overview, `<tr data-deployment="${ids.live}"`, "tr");
    expect(liveRow).toContain("Crash loop 0/1");
    expect(liveRow).toContain("Production");
    expect(liveRow).not.toContain("b-READY");
    expect(elementOf(overview, 'id="replicas"', "h2")).toContain("Crash loop 0/1");
    const livePage = await page(`/deployments/${ids.live}`);
    expect(elementOf(livePage, "<h1>", "h1")).toContain("Crash loop 0/1");
    expect(elementOf(livePage, "<h1>", "h1")).not.toContain("b-READY");
    // Any other READY deployment keeps its own status.
    const older = elementOf(overview, `<tr data-deployment="${mains[12]!.id}"`, "tr");
    expect(older).toContain('data-status="READY"');
    expect(older).not.toContain("Crash loop");
  });

  it("the apps list shows what is live (deployment, commit, since when), not the last deploy's commit", async () => {
    const list = await page("/");
    const card = elementOf(list, `<tr class="rowlink" data-app="${name}"`, "tr");
    const live = elementOf(card, 'data-col="live"', "td");
    expect(live).toContain(`href="/deployments/${ids.live}"`);
    expect(live).toContain(mains[10]!.sha.slice(0, 7));
    // The subject is shown; the whole message is the title.
    expect(live).toContain("</span> the live commit</span>");
    expect(live).toContain(`datetime="${liveSince.toISOString()}"`);
    expect(live).toContain('title="2026-11-20 08:00:00 UTC"');
    expect(card).not.toContain("broken push");
    expect(elementOf(card, 'data-col="last-deploy"', "td")).toContain('data-status="FAILED"');
  });

  it("pages of 20, newest first, with links to the next and previous pages", async () => {
    const first = await page(`/apps/${name}`);
    const all = [ids.latest, ids.failed, ...mains.map((m) => m.id).reverse()];
    expect(rowsOf(first)).toEqual(all.slice(0, 20));
    expect(elementOf(first, "data-pager", "div")).toContain(`href="/apps/${name}?page=2#deployments"`);
    expect(first).toContain('data-page="1" data-pages="2"');
    const second = await page(`/apps/${name}?page=2`);
    expect(rowsOf(second)).toEqual(all.slice(20));
    expect(elementOf(second, "data-pager", "div")).toContain(`href="/apps/${name}#deployments"`);
    // A page past the end, or nonsense, is an empty page or the first one, never an error.
    expect(rowsOf(await page(`/apps/${name}?page=9`))).toEqual([]);
    expect(rowsOf(await page(`/apps/${name}?page=abc&status=NOPE`))).toEqual(all.slice(0, 20));
  });

  it("filters by status and branch, searches message and sha, and keeps the filters in links", async () => {
    expect(rowsOf(await page(`/apps/${name}?status=FAILED`))).toEqual([ids.latest, ids.failed]);
    expect(rowsOf(await page(`/apps/${name}?branch=feature%2Fx`))).toEqual([ids.failed]);
    expect(rowsOf(await page(`/apps/${name}?q=LIVE+COMMIT`))).toEqual([ids.live]);
    expect(rowsOf(await page(`/apps/${name}?q=${mains[3]!.sha.slice(0, 9).toUpperCase()}`))).toEqual([mains[3]!.id]);
    const ready = await page(`/apps/${name}?status=READY&branch=main&q=commit`);
    expect(rowsOf(ready)).toHaveLength(20);
    expect(ready).toContain('data-page="1" data-pages="2"');
    const next = `href="/apps/${name}?status=READY&amp;branch=main&amp;q=commit&amp;page=2#deployments"`;
    expect(elementOf(ready, "data-pager", "div")).toContain(next);
    const form = elementOf(ready, 'data-form="history"', "form");
    expect(form).toContain('<option value="READY" selected>');
    expect(form).toContain('<option value="main" selected>');
    expect(form).toContain('<option value="feature/x" >');
    expect(form).toContain('name="q" value="commit"');
    const none = await page(`/apps/${name}?q=nothing-like-this`);
    expect(none).toContain('data-empty="history"');
    expect(none).not.toContain('data-empty="deployments"');
  });

  it("a failed row in the list says why in a sentence", async () => {
    const row = elementOf(await page(`/apps/${name}?status=FAILED`), `<tr data-deployment="${ids.failed}"`, "tr");
    expect(row).toContain("The build command exited with code 1; fix the build and push again.");
    expect(row).not.toContain("The command &#39;sh -c");
  });

  it("a mistyped dashboard address, an unknown app or deployment: an HTML page with a link back", async () => {
    for (const url of ["/no-such-page", `/apps/${name}/no-such-tab`, "/apps/no-such-app-here", "/deployments/zz9"]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('data-error="404"');
      expect(res.body, url).toContain('<a class="btn" href="/" data-action="back">Back to apps</a>');
    }
    // The page knows the session (the sign-out button) and carries the dashboard's security headers.
    const signedIn = await get("/no-such-page");
    expect(signedIn.body).toContain('action="/logout"');
    expect(signedIn.headers["content-security-policy"]).toMatch(/script-src 'nonce-/);
    const signedOut = await get("/no-such-page", false);
    expect(signedOut.statusCode).toBe(404);
    expect(signedOut.headers["content-type"]).toMatch(/^text\/html/);
    expect(signedOut.body).not.toContain('action="/logout"');
    // The API's and the webhooks' unknown paths keep answering JSON.
    for (const url of ["/api/no-such-thing", `/api/apps/${name}/no-such-thing`, "/webhooks/nope/x"]) {
      const res = await app.inject({ method: "GET", url, headers: auth });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).toMatch(/^application\/json/);
      expect(res.json().error, url).toBe("not_found");
    }
    // The catch-all takes only what nothing else answers.
    expect((await app.inject({ method: "GET", url: "/docs/json" })).statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/schemas/pier.json" })).statusCode).toBe(200);
  });
});
