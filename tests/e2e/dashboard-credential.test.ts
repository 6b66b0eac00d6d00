import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "@pier/api";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../support/platform.ts";
import { cookieOf, dashboardClient, postSignIn } from "../support/dashboard-forms.ts";

/**
 * The Settings tab's repository credential card, through app.inject on the real API and database: a token or a
 * deploy key is set, shown only by its hint, replaced and removed; bad input says which field and keeps nothing.
 */
describe("dashboard: an app's repository credential", () => {
  let api: FastifyInstance;
  let session = "";
  let scratch = "";
  const name = `dash-cred-${randomBytes(3).toString("hex")}`;
  const token = `ghp_${randomBytes(16).toString("hex")}`;
  const admin = { authorization: "Bearer test-admin-token-0123456789" };
  const settings = `/apps/${name}/settings`;

  const { getPage, post, after } = dashboardClient(
    () => api,
    () => session,
    settings,
  );
  const card = (page: string) => page.slice(page.indexOf('id="credential"')).split('id="webhook"')[0]!;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "pier-dash-cred-"));
    api = await buildApp(testConfig(), { logger: false });
    session = cookieOf(await postSignIn(api, "test-admin-token-0123456789"), "pier_session")!;
    const created = await api.inject({
      method: "POST",
      url: "/api/apps",
      headers: admin,
      payload: { name, repoUrl: "https://github.com/owner/private.git" },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await api?.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: admin });
    await api?.close();
    await rm(scratch, { recursive: true, force: true });
  });

  it("sets a token shown only by its hint, replaces it with a deploy key, and removes it", async () => {
    expect(card((await getPage(settings)).body)).toContain('data-credential="none"');
    const saved = await post(`/apps/${name}/credential`, { token, deployKey: "" });
    expect(saved.statusCode).toBe(303);
    const page = await after(saved);
    expect(page).toContain(`Saved ${name}&#39;s token`);
    expect(card(page)).toContain(`…${token.slice(-4)}`);
    expect(page).not.toContain(token);
    expect(
      (await api.inject({ method: "GET", url: `/api/apps/${name}/credentials`, headers: admin })).json(),
    ).toMatchObject({ credential: { kind: "TOKEN" } });

    const keyFile = path.join(scratch, "key");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keyFile]);
    const key = await after(
      await post(`/apps/${name}/credential`, { token: "", deployKey: await readFile(keyFile, "utf8") }),
    );
    expect(card(key)).toMatch(/data-credential="DEPLOY_KEY"[\s\S]*SHA256:/);

    const removed = await after(await post(`/apps/${name}/credential/remove`, { confirmed: "yes" }));
    expect(removed).toContain(`Removed ${name}&#39;s repository credential`);
    expect(card(removed)).toContain('data-credential="none"');
  });

  it("refuses neither, both, and a key that is no key, naming the field and keeping what was there", async () => {
    await after(await post(`/apps/${name}/credential`, { token, deployKey: "" }));
    const neither = await post(`/apps/${name}/credential`, { token: "", deployKey: "" });
    expect(neither.statusCode).toBe(400);
    expect(neither.body).toMatch(/data-error-for="token">Fill in a token or a deploy key/);
    const both = await post(`/apps/${name}/credential`, { token, deployKey: "x" });
    expect(both.statusCode).toBe(400);
    expect(both.body).toMatch(/data-error-for="deployKey">Fill in a token or a deploy key/);
    const notKey = await post(`/apps/${name}/credential`, { token: "", deployKey: "not a key" });
    expect(notKey.statusCode).toBe(400);
    expect(notKey.body).toMatch(/data-error-for="deployKey">must be an SSH private key/);
    // The token set before is still the app's credential.
    expect(card(notKey.body)).toContain(`…${token.slice(-4)}`);
  });
});
