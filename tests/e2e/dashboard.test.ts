import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdir } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-artifacts/dashboard");

describe("dashboard: sign in, create, deploy with a live log, roll back — in a real browser", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const name = `dash-${randomBytes(3).toString("hex")}`;
  const ids: Record<string, string> = {};
  let shot = 0;

  const screenshot = async (label: string) => {
    shot++;
    await page.screenshot({ path: path.join(ARTIFACTS, `${String(shot).padStart(2, "0")}-${label}.png`), fullPage: true });
  };

  /** Presses Deploy/Redeploy on the app page and follows the live log until the badge says READY. */
  async function deployFromDashboard(label: string): Promise<string> {
    await page.goto(`${base}/apps/${name}`);
    await page.locator('button[data-action="deploy"]').first().click();
    await page.waitForURL(/\/deployments\/[a-z0-9]+$/);
    const id = page.url().split("/").pop()!;
    // While it builds the page is live: a pulsing badge, and log lines arrive without a reload.
    await expect.poll(() => page.locator("#status").getAttribute("data-status")).toMatch(/QUEUED|BUILDING|DEPLOYING|READY/);
    await page.locator("#log .ln").first().waitFor({ timeout: 60_000 });
    await screenshot(`${label}-building`);
    await page.locator('#status[data-status="READY"]').waitFor({ timeout: 150_000 });
    // The page reloads itself once the stream ends, so duration and URL show; the log is kept.
    await page.locator("#log:not([data-live])").waitFor({ timeout: 10_000 });
    await page.locator('#status[data-status="READY"]').waitFor();
    expect(await page.locator("#log .ln").count()).toBeGreaterThan(3);
    await screenshot(`${label}-ready`);
    return id;
  }

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    platform = await startPlatform();
    await platform.api.listen({ host: "127.0.0.1", port: 0 });
    base = `http://127.0.0.1:${(platform.api.server.address() as AddressInfo).port}`;
    repo = await createTestRepo(nodeAppFiles("dashboard v1"), "dashboard v1");
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    page = await context.newPage();
    page.on("dialog", (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    if (platform) {
      await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
      await platform.close();
    }
    await repo?.remove();
  });

  it("refuses a wrong token, signs in with the admin token, and keeps the session in an HttpOnly SameSite=Strict cookie", async () => {
    const first = await page.goto(`${base}/apps/${name}`);
    expect(page.url()).toBe(`${base}/login?next=${encodeURIComponent(`/apps/${name}`)}`);
    const headers = first!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'nonce-[^']+'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    await screenshot("login");

    await page.fill("#f-token", "not-the-token-at-all");
    const [refused] = await Promise.all([page.waitForResponse((r) => r.url() === `${base}/login` && r.request().method() === "POST"), page.click('button[type="submit"]')]);
    expect(refused.status()).toBe(401);
    await expect.poll(() => page.locator('[data-error-for="token"]').textContent()).toMatch(/isn't right/);
    expect((await context.cookies()).some((c) => c.name === "pier_session")).toBe(false);
    await screenshot("login-refused");

    await page.fill("#f-token", platform.config.PIER_ADMIN_TOKEN);
    await page.click('button[type="submit"]');
    // Back where we were going (the app doesn't exist yet: a friendly 404 page).
    await page.waitForURL(`${base}/apps/${name}`);
    expect(await page.locator('[data-error="404"]').count()).toBe(1);
    const session = (await context.cookies()).find((c) => c.name === "pier_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/" });
    expect(session!.expires).toBeGreaterThan(Date.now() / 1000);
    await page.goto(base);
    await page.locator("h1", { hasText: "Apps" }).waitFor();
    await screenshot("apps");
  });

  it("creates an app; validation errors show next to the field and keep what was typed", async () => {
    await page.goto(`${base}/apps/new`);
    await page.fill("#f-name", "Not A Valid Name");
    await page.fill("#f-repoUrl", repo.url);
    await page.click('form[data-form="new-app"] button[type="submit"]');
    await page.locator('[data-error-for="name"]').waitFor();
    expect(await page.inputValue("#f-repoUrl")).toBe(repo.url);
    expect(await page.inputValue("#f-name")).toBe("Not A Valid Name");
    await screenshot("new-app-invalid");

    await page.fill("#f-name", name);
    await page.click('form[data-form="new-app"] button[type="submit"]');
    await page.waitForURL(`${base}/apps/${name}`);
    expect(await page.locator('.flash[data-flash="ok"]').textContent()).toContain(`Created ${name}`);
    expect(await page.locator('[data-empty="deployments"]').count()).toBe(1);
    await screenshot("app-empty");
  });

  it("deploys v1 from the dashboard and follows the live log to READY", async () => {
    ids.v1 = await deployFromDashboard("v1");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("dashboard v1\n");
  });

  it("deploys a new commit (v2) the same way", async () => {
    await repo.commit(nodeAppFiles("dashboard v2"), "dashboard v2: new greeting");
    ids.v2 = await deployFromDashboard("v2");
    expect(await page.locator(".sub").first().textContent()).toContain("dashboard v2: new greeting");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("dashboard v2\n");
  });

  it("rolls back to v1 from the app page and shows the ROLLBACK release v3", async () => {
    await page.goto(`${base}/apps/${name}`);
    await screenshot("app-history");
    await page.click(`button[data-action="rollback"][data-deployment="${ids.v1}"]`);
    await page.waitForURL(`${base}/apps/${name}`);
    expect(await page.locator(".flash").getAttribute("data-flash")).toBe("ok");
    const v3 = page.locator('tr[data-release="v3"]');
    await v3.waitFor();
    expect(await v3.getAttribute("data-kind")).toBe("ROLLBACK");
    expect(await v3.textContent()).toMatch(/rollback[\s\S]*dashboard/i);
    expect(await page.locator(`tr[data-deployment="${ids.v1}"] .tag.prod`).count()).toBe(1);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("dashboard v1\n");
    await screenshot("rolled-back");

    // Rolling back onto what is already live is refused with a message, not a crash.
    const res = await page.request.get(`${base}/apps/${name}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())![1]!;
    const again = await page.request.post(`${base}/apps/${name}/promote`, { form: { _csrf: csrf, deploymentId: ids.v1! }, maxRedirects: 0 });
    expect(again.status()).toBe(303);
    await page.goto(`${base}/apps/${name}`);
    expect(await page.locator('.flash[data-flash="error"]').textContent()).toMatch(/already production/);
  });

  it("settings: env vars are masked, webhook URL and secret are shown with the GitHub how-to", async () => {
    await page.goto(`${base}/apps/${name}/settings`);
    await page.fill("#f-key", "GREETING_SECRET");
    await page.fill("#f-value", "super-secret-value");
    await page.click('form[data-form="env"] button[type="submit"]');
    await page.waitForURL(`${base}/apps/${name}/settings#env`);
    expect(await page.locator('tr[data-env="GREETING_SECRET"]').textContent()).not.toContain("super-secret-value");
    expect(await page.content()).not.toContain("super-secret-value");
    expect(await page.inputValue("#wh-url")).toContain(`/webhooks/github/${name}`);
    expect(await page.locator("#webhook").textContent()).toMatch(/Settings → Webhooks → Add webhook/);
    await page.evaluate("window.scrollTo(0, 0)");
    await screenshot("settings");

    // Previews are switched on from the settings form, and the API sees it.
    await page.check('input[data-field="previews"]');
    await page.click('form[data-form="settings"] button[type="submit"]');
    await page.waitForURL(`${base}/apps/${name}/settings`);
    expect(await page.isChecked('input[data-field="previews"]')).toBe(true);
    const apiView = await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth });
    expect(apiView.json().previews).toBe(true);

    // The Logs tab shows the running app's own output.
    await page.click('nav.tabs a[href$="/logs"]');
    await page.waitForURL(`${base}/apps/${name}/logs`);
    expect(await page.locator('pre[data-log="runtime"]').textContent()).toContain("listening on");
    await screenshot("runtime-logs");

    // The apps list shows the app with its production URL, latest status, commit and a relative time.
    await page.goto(base);
    const row = page.locator(`tr[data-app="${name}"]`);
    expect(await row.locator(".badge").getAttribute("data-status")).toBe("READY");
    expect(await row.textContent()).toMatch(/dashboard v2: new greeting/);
    expect(await row.locator("time").getAttribute("title")).toMatch(/UTC$/);
    expect(await row.locator(".pill-url").getAttribute("href")).toContain(`${name}.`);
    await screenshot("apps-list");
  });

  it("rejects a form POST without (or with a wrong) CSRF token with 403", async () => {
    const before = await platform.prisma.deployment.count({ where: { app: { name } } });
    const none = await page.request.post(`${base}/apps/${name}/deploy`, { form: {}, maxRedirects: 0 });
    expect(none.status()).toBe(403);
    const wrong = await page.request.post(`${base}/apps/${name}/deploy`, { form: { _csrf: "forged" }, maxRedirects: 0 });
    expect(wrong.status()).toBe(403);
    const del = await page.request.post(`${base}/apps/${name}/delete`, { form: { confirm: name }, maxRedirects: 0 });
    expect(del.status()).toBe(403);
    expect(await platform.prisma.deployment.count({ where: { app: { name } } })).toBe(before);
    // Signed out, pages send you to the sign-in form.
    const anonymous = await browser.newContext();
    const res = await anonymous.request.get(`${base}/apps/${name}`, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers().location).toMatch(/^\/login/);
    await anonymous.close();
  });

  it("signs out: the session cookie is cleared and pages ask to sign in again", async () => {
    await page.goto(base);
    await page.click('form[action="/logout"] button');
    await page.waitForURL(`${base}/login`);
    expect((await context.cookies()).some((c) => c.name === "pier_session")).toBe(false);
    await page.goto(`${base}/apps/${name}`);
    expect(page.url()).toMatch(/\/login\?next=/);
  });
});
