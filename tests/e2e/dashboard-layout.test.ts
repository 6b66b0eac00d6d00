import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { testApps } from "../support/apps.ts";
import { launchBrowser } from "../support/browser.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter } from "../support/http.ts";
import { nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const WIDTHS = [1300, 400] as const;
/** Where each page is kept as the test saw it at 400 px, for a person to look at. */
const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-artifacts/dashboard-layout");

/** A Node app that writes a line to stdout for every request: runtime logs to follow. */
const loggingApp = {
  ...nodeAppFiles("layout v1"),
  "server.js": `require("http").createServer((req, res) => {
  console.log("request " + req.url);
  res.end("layout v1\\n");
}).listen(Number(process.env.PORT), "0.0.0.0", () => console.log("listening on " + process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
};

/** What a page must fit, and the buttons on it that must be reachable without scrolling sideways. */
interface PageCheck {
  path: string;
  actions: string[];
}

/**
 * Every dashboard page of an app with history (two good deploys, the older one a rollback target, and a failed
 * one), a failing notification channel and a confirmation step, in headless Chromium at 1300 and 400 px wide:
 * no page scrolls sideways, and its main buttons lie within the viewport's width.
 */
describe("dashboard layout: every page fits 1300 and 400 px, its actions within reach", () => {
  let platform: Platform;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base = "";
  let name = "";
  let repo: TestRepo;
  const ids = { older: "", live: "", failed: "" };
  const apps = testApps(() => platform, "layout");
  let channelId = "";

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    platform = await startPlatform();
    await platform.api.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(platform.api.server.address() as AddressInfo).port}`;
    ({ name, repo } = await apps.create(loggingApp));
    ids.older = (await apps.deploy(name)).id;
    ids.live = (await apps.deploy(name)).id;
    // No package.json: nothing to build, so it fails fast and production stays on the live one.
    await repo.commit({ "package.json": null, "server.js": null, "README.md": "nothing to run" }, "break the build");
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    ids.failed = failed.id;
    await platform.api.inject({
      method: "PUT",
      url: `/api/apps/${name}/env`,
      headers: platform.auth,
      payload: { vars: { LAYOUT_KEY: "x".repeat(200) } },
    });
    channelId = await failingChannel();

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
    page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.fill("#f-token", platform.config.PIER_ADMIN_TOKEN);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${base}/`);
  }, 240_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (channelId) await platform.prisma.notificationChannel.deleteMany({ where: { id: channelId } });
    await apps.cleanup();
    await platform?.close();
  });

  /** A channel whose only delivery failed (written as the delivery worker records one): the page warns. */
  async function failingChannel(): Promise<string> {
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/notifications",
      headers: platform.auth,
      payload: { url: `http://127.0.0.1:9/${"long-path/".repeat(12)}`, format: "json", apps: [name] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await platform.prisma.notificationDelivery.create({
      data: {
        id: randomBytes(8).toString("hex"),
        channelId: id,
        event: "deploy.failed",
        payload: {},
        status: "FAILED",
        attempts: 5,
        lastError: "connect ECONNREFUSED 127.0.0.1:9",
      },
    });
    return id;
  }

  const pages = (): PageCheck[] => [
    { path: "/", actions: ['a[href="/apps/new"]'] },
    { path: "/apps/new", actions: ['form button[type="submit"]'] },
    { path: `/apps/${name}`, actions: ['button[data-action="deploy"]'] },
    { path: `/apps/${name}/logs`, actions: ['button[data-action="deploy"]', "[data-log=runtime]"] },
    { path: `/apps/${name}/settings`, actions: ['button[data-action="deploy"]'] },
    { path: `/deployments/${ids.older}`, actions: ['button[data-action="rollback"]'] },
    { path: `/deployments/${ids.live}`, actions: [] },
    { path: `/deployments/${ids.failed}`, actions: ['button[data-action="redeploy"]'] },
    { path: "/notifications", actions: ['button[data-action="test"]', '[data-warning="failing"]'] },
    { path: "/audit", actions: [] },
    { path: "/no-such-page", actions: ['[data-action="back"]'] },
  ];

  /** How far the page and each action stick out to the right (0: they fit). */
  async function overflow(check: PageCheck) {
    const res = await page.goto(`${base}${check.path}`);
    expect(res?.status(), check.path).toBeLessThan(check.path === "/no-such-page" ? 500 : 400);
    return measure(check);
  }

  /** The page as it is now: how far it and each of the check's actions stick out. */
  async function measure(check: PageCheck) {
    // A string: the test's TypeScript has no DOM types.
    const widths = (await page.evaluate(
      "({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })",
    )) as { scroll: number; client: number };
    const actions: Record<string, number> = {};
    for (const selector of check.actions) {
      const box = await page.locator(selector).first().boundingBox({ timeout: 2_000 });
      expect(box, `${selector} on ${check.path}`).not.toBeNull();
      actions[selector] = Math.max(0, Math.ceil(box!.x + box!.width - widths.client), Math.ceil(-box!.x));
    }
    return { page: Math.max(0, widths.scroll - widths.client), actions };
  }

  for (const width of WIDTHS) {
    it(`at ${width} px: no sideways scroll, every main action within the width`, async () => {
      await page.setViewportSize({ width, height: 900 });
      const problems: string[] = [];
      for (const check of pages()) {
        const found = await overflow(check).catch((error: Error) => {
          throw new Error(`${check.path} at ${width} px: ${error.message}`);
        });
        if (width < 1000) {
          const file = `${check.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "apps"}.png`;
          await page.screenshot({ path: path.join(ARTIFACTS, file), fullPage: true });
        }
        if (found.page) problems.push(`${check.path} scrolls ${found.page} px sideways`);
        for (const [selector, by] of Object.entries(found.actions))
          if (by) problems.push(`${check.path}: ${selector} is ${by} px off screen`);
      }
      expect(problems).toEqual([]);
    });
  }

  it("the measure itself sees a page that is too wide and a button off screen", async () => {
    await page.setViewportSize({ width: 400, height: 900 });
    await page.goto(`${base}/apps/${name}`);
    const deploy = 'button[data-action="deploy"]';
    expect(await measure({ path: "", actions: [deploy] })).toEqual({ page: 0, actions: { [deploy]: 0 } });
    // Styles set from a script (the page's CSP refuses inline style attributes).
    await page.evaluate(
      "var d=document.createElement('div');d.textContent='wide';d.style.width='900px';" +
        "document.querySelector('main').appendChild(d);" +
        "document.querySelector('button[data-action=deploy]').style.marginLeft='600px'",
    );
    const found = await measure({ path: "", actions: [deploy] });
    expect(found.page).toBeGreaterThan(400);
    expect(found.actions[deploy]).toBeGreaterThan(0);
  });

  it("the failing channel shows its failure, since when, the last error and a retry", async () => {
    await page.goto(`${base}/notifications`);
    const card = page.locator(`[data-channel="${channelId}"]`);
    expect(await card.locator('[data-warning="failing"]').textContent()).toMatch(
      /never reached this channel[\s\S]*ECONNREFUSED/,
    );
    expect(await card.locator('[data-col="failing-since"]').textContent()).toMatch(/1 delivery in a row/);
    expect(await card.locator('button[data-action="test"]').textContent()).toMatch(/Retry/);
    expect(await page.locator('[data-warning="channels-failing"]').count()).toBe(1);
    const listed = await platform.api.inject({ method: "GET", url: "/api/notifications", headers: platform.auth });
    const channel = listed.json().channels.find((c: { id: string }) => c.id === channelId);
    expect(channel.health).toMatchObject({ lastSuccessAt: null, failuresInRow: 1 });
    expect(channel.health.failingSince).toEqual(expect.any(String));
  });

  it("runtime logs: lines carry their time and replica, and new output arrives without a reload", async () => {
    await page.goto(`${base}/apps/${name}/logs`);
    const first = page.locator("[data-log=runtime] .ln").first();
    expect(await first.getAttribute("data-replica")).toBe("1");
    expect(await first.locator(".t").getAttribute("title")).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/);
    await page.locator('[data-live="open"]').waitFor({ timeout: 15_000 });
    const before = await page.locator("[data-log=runtime] .ln").count();
    const marker = `/streamed-${randomBytes(4).toString("hex")}`;
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`, marker)).status).toBe(200);
    await eventually(
      async () => (await page.locator("[data-log=runtime]").textContent())?.includes(`request ${marker}`),
      "the request's log line on the page",
      15_000,
    );
    expect(await page.locator("[data-log=runtime] .ln").count()).toBeGreaterThan(before);
  });

  it("a destructive action without JavaScript asks on a page first, and does it only when confirmed", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
    const plain = await noScript.newPage();
    await plain.goto(`${base}/apps/${name}/settings`);
    await plain.locator('form[action$="/env/unset"]:has(input[value="LAYOUT_KEY"]) button').click();
    await plain.locator("[data-confirmation]").waitFor();
    const stored = () => platform.prisma.envVar.count({ where: { app: { name }, key: "LAYOUT_KEY" } });
    expect(await stored()).toBeGreaterThan(0);
    await plain.click('button[data-action="confirm"]');
    await plain.locator('[data-flash="ok"]').waitFor();
    expect(await stored()).toBe(0);
    await noScript.close();
  });
});
