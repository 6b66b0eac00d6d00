import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "../support/browser.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { waitForStatus } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
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
    await page.screenshot({
      path: path.join(ARTIFACTS, `${String(shot).padStart(2, "0")}-${label}.png`),
      fullPage: true,
    });
  };

  /** Presses Deploy/Redeploy on the app page and follows the live log until the badge says READY. */
  async function deployFromDashboard(label: string): Promise<string> {
    await page.goto(`${base}/apps/${name}`);
    await page.locator('button[data-action="deploy"]').first().click();
    await page.waitForURL(/\/deployments\/[a-z0-9]+$/);
    const id = page.url().split("/").pop()!;
    // While it builds the page is live: a pulsing badge, and log lines arrive without a reload.
    await expect
      .poll(() => page.locator("#status").getAttribute("data-status"))
      .toMatch(/QUEUED|BUILDING|DEPLOYING|READY/);
    await page.locator("#log .ln").first().waitFor({ timeout: 60_000 });
    await screenshot(`${label}-building`);
    await page.locator('#status[data-status="READY"]').waitFor({ timeout: 150_000 });
    // The page reloads itself once the stream ends, so duration and URL show; the log is kept.
    await page.locator("#log:not([data-live])").waitFor({ timeout: 30_000 });
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

  it("refuses a wrong token, accepts the admin token; session in an HttpOnly SameSite=Strict cookie", async () => {
    const first = await page.goto(`${base}/apps/${name}`);
    expect(page.url()).toBe(`${base}/login?next=${encodeURIComponent(`/apps/${name}`)}`);
    const headers = first!.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'nonce-[^']+'/);
    expect(headers["x-frame-options"]).toBe("DENY");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    await screenshot("login");

    await page.fill("#f-token", "not-the-token-at-all");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url() === `${base}/login` && r.request().method() === "POST"),
      page.click('button[type="submit"]'),
    ]);
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
    const again = await page.request.post(`${base}/apps/${name}/promote`, {
      form: { _csrf: csrf, deploymentId: ids.v1!, confirmed: "yes" },
      maxRedirects: 0,
    });
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
    expect(await page.locator('[data-log="runtime"]').textContent()).toContain("listening on");
    await screenshot("runtime-logs");

    // The apps list shows the app with its production URL, what is live (v1 since the rollback, not the last
    // deploy's v2), the latest status and relative times.
    await page.goto(base);
    const row = page.locator(`tr[data-app="${name}"]`);
    expect(await row.locator(".badge").getAttribute("data-status")).toBe("READY");
    const live = row.locator('[data-col="live"]');
    expect(await live.textContent()).toMatch(/dashboard v1[\s\S]*live since/);
    expect(await live.textContent()).not.toMatch(/dashboard v2/);
    expect(await row.locator('[data-col="last-deploy"] time').getAttribute("title")).toMatch(/UTC$/);
    expect(await row.locator(".pill-url").getAttribute("href")).toContain(`${name}.`);
    await screenshot("apps-list");
  });

  it("app page: production's replicas stay live, a chart per metric, the form scales 1 → 2 for real", async () => {
    // Ten minutes of samples as routers and the controller write them, with a gap of a minute.
    const target = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    const now = Date.now();
    const ago = Array.from({ length: 60 }, (_, i) => i + 1).filter((i) => i < 20 || i > 25);
    const buckets = [0, 0, 10, 20, 10, 5, 3, 1, 1, 0, 0, 0, 0, 0, 0];
    await platform.prisma.metricSample.createMany({
      data: ago.flatMap((i) => [
        {
          appId: target.id,
          deploymentId: ids.v1!,
          at: new Date(now - i * 10_000),
          intervalMs: 10_000,
          source: "router",
          requests: 50,
          status2xx: 48,
          status5xx: 2,
          latencyBuckets: buckets,
        },
        {
          appId: target.id,
          deploymentId: ids.v1!,
          at: new Date(now - i * 10_000),
          intervalMs: 10_000,
          source: "controller",
          cpuPercent: 10 + (i % 7),
          memoryBytes: BigInt(48 * 1024 * 1024),
          replicas: 1,
        },
      ]),
    });

    await page.goto(`${base}/apps/${name}`);
    await page.locator('#replicas[data-state="RUNNING"][data-running="1"][data-desired="1"]').waitFor();
    expect(await page.locator('#replicas tr[data-replica="1"]').getAttribute("data-phase")).toBe("RUNNING");
    const charts = ["requests", "error-rate", "p95", "cpu", "memory", "replicas"];
    for (const chart of charts)
      expect(await page.locator(`[data-chart="${chart}"]:not([data-empty]) svg path.line`).count(), chart).toBe(1);
    expect(await page.locator("#metrics svg").count()).toBe(charts.length);
    expect(await page.locator('[data-chart="memory"] figcaption b').textContent()).toBe("48 MB");
    await page.click('a[data-window-link="15m"]');
    await page.locator('#metrics[data-window="15m"]').waitFor();
    await screenshot("app-production");

    // Over the operator's maximum: the message shows next to the field, and nothing changes.
    await page.fill("#f-replicas", "99");
    await page.click('button[data-action="scale"]');
    await expect.poll(() => page.locator('[data-error-for="replicas"]').textContent()).toMatch(/maximum 10/);
    expect(await page.inputValue("#f-replicas")).toBe("99");

    // A channel for this app hears of a scale made in the dashboard, as of one made through the API.
    const channel = await platform.api.inject({
      method: "POST",
      url: "/api/notifications",
      headers: platform.auth,
      payload: { url: "http://127.0.0.1:9/hook", format: "json", apps: [name], events: ["app.scaled"] },
    });
    expect(channel.statusCode, channel.body).toBe(201);
    await page.fill("#f-replicas", "2");
    await page.click('button[data-action="scale"]');
    await page.waitForURL(`${base}/apps/${name}#production`);
    expect(await page.locator('.flash[data-flash="ok"]').textContent()).toContain("2 running");
    const told = await platform.prisma.notificationDelivery.findMany({ where: { channelId: channel.json().id } });
    expect(told.map((d) => [d.event, (d.payload as { details: { by: string; desired: number } }).details])).toEqual([
      ["app.scaled", expect.objectContaining({ by: "dashboard", desired: 2 })],
    ]);
    await platform.api.inject({
      method: "DELETE",
      url: `/api/notifications/${channel.json().id}`,
      headers: platform.auth,
    });
    await page.locator('#replicas[data-state="RUNNING"][data-running="2"][data-desired="2"]').waitFor();
    expect(await page.locator("#replicas tr[data-replica]").count()).toBe(2);
    expect(await platform.runtime.listContainers({ "pier.deployment": ids.v1! })).toHaveLength(2);
    await screenshot("app-scaled");

    // Live: a change made elsewhere (the JSON API) shows without reloading the page.
    await page.evaluate("window.stillHere = true");
    const down = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas: 1 },
    });
    expect(down.statusCode).toBe(200);
    await page.locator('#replicas[data-running="1"][data-desired="1"]').waitFor({ timeout: 30_000 });
    expect(await page.evaluate("window.stillHere")).toBe(true);
  });

  it("apps list: production health apart from the last deploy, so a failed deploy isn't an outage", async () => {
    await repo.commit({ "pier.json": JSON.stringify({ port: "eighty" }) }, "broken config");
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect((await waitForStatus(platform.api, platform.auth, res.json().id)).status).toBe("FAILED");
    await page.goto(base);
    const row = page.locator(`tr[data-app="${name}"]`);
    expect(await row.locator('[data-col="last-deploy"] .badge').getAttribute("data-status")).toBe("FAILED");
    const health = row.locator('[data-col="production"] .health');
    expect(await health.getAttribute("data-state")).toBe("RUNNING");
    expect(await health.textContent()).toBe("Running 1/1");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("dashboard v1\n");
    await screenshot("apps-list-health");
  });

  it("notifications: adds a channel (secret shown once), sends it a test, shows it DELIVERED, deletes it", async () => {
    // A receiver on this machine; the channel only wants events of an app no other test file has.
    const received: Array<{ path: string; headers: http.IncomingHttpHeaders; raw: Buffer }> = [];
    const receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ path: req.url ?? "/", headers: req.headers, raw: Buffer.concat(chunks) });
        res.writeHead(200).end("ok");
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook-${name}`;
    const onlyApp = `${name}-alerts`;
    try {
      await page.goto(base);
      await page.click('nav.nav a[href="/notifications"]');
      await page.waitForURL(`${base}/notifications`);
      expect(await page.locator('nav.nav a[href="/notifications"]').getAttribute("class")).toBe("on");

      // A bad URL: the message is next to the field, and everything typed or ticked is kept.
      const form = page.locator('form[data-form="new-channel"]');
      await page.fill("#f-url", "ftp://example.com/hook");
      await page.selectOption("#f-format", "slack");
      await form.locator('input[name="events"][value="deployment.failed"]').check();
      await page.fill("#f-apps", onlyApp);
      await form.locator('button[type="submit"]').click();
      await expect.poll(() => page.locator('[data-error-for="url"]').textContent()).toMatch(/http\(s\) URL/);
      expect(await page.inputValue("#f-url")).toBe("ftp://example.com/hook");
      expect(await page.inputValue("#f-format")).toBe("slack");
      expect(await page.inputValue("#f-apps")).toBe(onlyApp);
      expect(await form.locator('input[name="events"][value="deployment.failed"]').isChecked()).toBe(true);
      expect(await form.locator('input[name="events"][value="app.down"]').isChecked()).toBe(false);
      await screenshot("notifications-invalid");

      await page.fill("#f-url", hookUrl);
      await page.selectOption("#f-format", "json");
      await form.locator('input[name="events"][value="app.down"]').check();
      await form.locator('button[type="submit"]').click();
      const notice = page.locator(".flash[data-created]");
      await notice.waitFor();
      const id = (await notice.getAttribute("data-created"))!;
      const secret = await notice.locator("input[data-secret]").inputValue();
      expect(secret).toMatch(/^[0-9a-f]{64}$/);
      expect(await notice.textContent()).toMatch(/only this once/);
      const card = page.locator(`[data-channel="${id}"]`);
      expect(await card.locator('[data-col="events"]').textContent()).toBe("deployment.failed, app.down");
      expect(await card.locator('[data-col="apps"]').textContent()).toBe(onlyApp);
      expect(await card.locator("[data-format]").getAttribute("data-format")).toBe("json");
      await screenshot("notifications-created");

      // Once: a reload lists the channel without its secret (and doesn't post the form again).
      await page.reload();
      await card.waitFor();
      expect(await page.locator(".flash[data-created]").count()).toBe(0);
      expect(await page.content()).not.toContain(secret);
      expect(await platform.prisma.notificationChannel.count({ where: { url: hookUrl } })).toBe(1);

      await card.locator('button[data-action="test"]').click();
      await page.waitForURL(`${base}/notifications#channel-${id}`);
      expect(await page.locator('.flash[data-flash="ok"]').textContent()).toContain("channel.test");
      const test = await eventually(
        async () => received.find((r) => r.headers["x-pier-event"] === "channel.test"),
        "a channel.test delivery at the receiver",
        30_000,
        25,
      );
      expect(test.path).toBe(`/hook-${name}`);
      expect(JSON.parse(test.raw.toString("utf8"))).toMatchObject({ event: "channel.test", channelId: id });
      // Signed with the secret the page showed.
      const signature = Buffer.from(String(test.headers["x-pier-signature-256"]).replace(/^sha256=/, ""), "hex");
      const expected = createHmac("sha256", secret).update(test.raw).digest();
      expect(signature.length === expected.length && timingSafeEqual(signature, expected)).toBe(true);

      // The worker records the answer right after the receiver sends it; then the page's history says so.
      await expect
        .poll(
          async () =>
            (await platform.prisma.notificationDelivery.findFirst({ where: { channelId: id, event: "channel.test" } }))
              ?.status,
          { timeout: 30_000 },
        )
        .toBe("DELIVERED");
      await page.reload();
      const row = card.locator('tr[data-event="channel.test"]');
      expect(await row.locator(".badge").getAttribute("data-status")).toBe("DELIVERED");
      expect(await row.textContent()).toMatch(/200/);
      await page.evaluate("window.scrollTo(0, 0)");
      await screenshot("notifications-delivered");

      // Its buttons are forms like the others: without the CSRF token nothing happens.
      expect(
        (await page.request.post(`${base}/notifications/${id}/delete`, { form: {}, maxRedirects: 0 })).status(),
      ).toBe(403);

      await card.locator('button[data-action="delete"]').click();
      await page.waitForURL(`${base}/notifications`);
      expect(await page.locator('.flash[data-flash="ok"]').textContent()).toContain(
        `Deleted the channel to ${hookUrl}`,
      );
      expect(await card.count()).toBe(0);
      expect(await platform.prisma.notificationChannel.count({ where: { url: hookUrl } })).toBe(0);
    } finally {
      await platform.prisma.notificationChannel.deleteMany({ where: { url: hookUrl } });
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it("rejects a form POST without (or with a wrong) CSRF token with 403", async () => {
    const before = await platform.prisma.deployment.count({ where: { app: { name } } });
    const none = await page.request.post(`${base}/apps/${name}/deploy`, { form: {}, maxRedirects: 0 });
    expect(none.status()).toBe(403);
    const wrong = await page.request.post(`${base}/apps/${name}/deploy`, {
      form: { _csrf: "forged" },
      maxRedirects: 0,
    });
    expect(wrong.status()).toBe(403);
    const del = await page.request.post(`${base}/apps/${name}/delete`, { form: { confirm: name }, maxRedirects: 0 });
    expect(del.status()).toBe(403);
    const scale = await page.request.post(`${base}/apps/${name}/scale`, { form: { replicas: "3" }, maxRedirects: 0 });
    expect(scale.status()).toBe(403);
    expect(await platform.prisma.deployment.count({ where: { app: { name } } })).toBe(before);
    // Signed out, pages send you to the sign-in form.
    const anonymous = await browser.newContext();
    const res = await anonymous.request.get(`${base}/apps/${name}`, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
    expect(res.headers().location).toMatch(/^\/login/);
    // The live replicas fragment answers 401 (its script then reloads into the sign-in form).
    expect((await anonymous.request.get(`${base}/apps/${name}/replicas`, { maxRedirects: 0 })).status()).toBe(401);
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
