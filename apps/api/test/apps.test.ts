import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";

describe("apps API: validation, auth, nothing lost on bad input", () => {
  let app: FastifyInstance;
  const config = testConfig({ PIER_ALLOW_FILE_REPOS: "0" });
  const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `api-${randomBytes(3).toString("hex")}`;
  const repoUrl = "https://github.com/pier-dev/hello.git";

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: auth });
    await app.inject({ method: "DELETE", url: "/api/apps/ok-name", headers: auth });
    await app.close();
  });

  it("GET /healthz reports database, Redis and Docker", async () => {
    const res = await app.inject({ method: "GET", url: "/healthz" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, database: { ok: true }, redis: { ok: true }, docker: { ok: true } });
  });

  it("refuses requests without the admin token", async () => {
    expect((await app.inject({ method: "GET", url: "/api/apps" })).statusCode).toBe(401);
    const wrong = await app.inject({ method: "GET", url: "/api/apps", headers: { authorization: "Bearer nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: "unauthorized" });
  });

  it("creates, reads, lists and updates an app", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl, port: 8080, rootDir: "./web/" },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name,
      repoUrl,
      branch: "main",
      port: 8080,
      rootDir: "web",
      url: `http://${name}.localhost:8080`,
    });
    expect((await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: auth })).json().name).toBe(name);
    const list = await app.inject({ method: "GET", url: "/api/apps", headers: auth });
    expect(list.json().apps.map((a: { name: string }) => a.name)).toContain(name);
    const patched = await app.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: auth,
      payload: { branch: "release/v2", healthCheckPath: "/healthz", port: null },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ branch: "release/v2", healthCheckPath: "/healthz", port: null });
  });

  it.each([
    [{ name: "Bad_Name", repoUrl }, "name"],
    [{ name: "-leading", repoUrl }, "name"],
    [{ name: "a".repeat(41), repoUrl }, "name"],
    [{ repoUrl }, "name"],
    [{ name: "ok-name", repoUrl, port: 70000 }, "port"],
    [{ name: "ok-name", repoUrl, branch: "--upload-pack=evil" }, "branch"],
    [{ name: "ok-name", repoUrl, rootDir: "../etc" }, "rootDir"],
  ])("rejects %j naming the field %s", async (payload, field) => {
    const res = await app.inject({ method: "POST", url: "/api/apps", headers: auth, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe("validation_failed");
    expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it.each([
    ["ext::git-remote-evil%20arg", /scheme ext is not allowed/],
    ["--upload-pack=touch /tmp/pwned", /not an option/],
    ["file:///tmp/repo", /file:\/\/ repositories are disabled/],
    ["https://evil.example.com/owner/repo.git", /host evil.example.com is not allowed/],
    ["ssh://git@github.com/owner/repo.git", /scheme ssh is not allowed/],
    ["https://user:pw@github.com/owner/repo.git", /credentials/],
    ["http://github.com/owner/repo.git", /scheme http is not allowed/],
  ])("rejects the repo URL %s", async (badUrl, reason) => {
    const res = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name: `x-${randomBytes(3).toString("hex")}`, repoUrl: badUrl },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "validation_failed", fields: [{ field: "repoUrl" }] });
    expect(res.json().message).toMatch(reason);
  });

  it("a bad update changes nothing", async () => {
    const before = (await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: auth })).json();
    const res = await app.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: auth,
      payload: { repoUrl: "https://gitlab.com/x/y.git" },
    });
    expect(res.statusCode).toBe(400);
    const unknownField = await app.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: auth,
      payload: { webhookSecret: "mine" },
    });
    expect(unknownField.statusCode).toBe(400);
    const after = (await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: auth })).json();
    expect(after).toEqual(before);
  });

  it("a duplicate name is a 409 and the first app is kept", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: auth,
      payload: { name, repoUrl: "https://github.com/other/repo.git" },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: "app_exists", fields: [{ field: "name" }] });
    expect((await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: auth })).json().repoUrl).toBe(repoUrl);
  });

  it("unknown apps and deployments are 404s with a JSON body", async () => {
    const noApp = await app.inject({ method: "GET", url: "/api/apps/does-not-exist", headers: auth });
    expect(noApp.statusCode).toBe(404);
    expect(noApp.json()).toMatchObject({ error: "app_not_found" });
    const noDeployment = await app.inject({ method: "GET", url: "/api/deployments/abc123", headers: auth });
    expect(noDeployment.statusCode).toBe(404);
    expect(
      (await app.inject({ method: "POST", url: "/api/apps/does-not-exist/deploy", headers: auth })).statusCode,
    ).toBe(404);
  });

  it("malformed JSON is a 400", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: { ...auth, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBeTruthy();
  });

  it("env vars: set, list masked, reveal, unset", async () => {
    const set = await app.inject({
      method: "PUT",
      url: `/api/apps/${name}/env`,
      headers: auth,
      payload: { vars: { DATABASE_URL: "postgres://secret", MODE: "prod" } },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().vars.map((v: { value: string }) => v.value)).not.toContain("postgres://secret");
    const revealed = await app.inject({ method: "GET", url: `/api/apps/${name}/env?reveal=true`, headers: auth });
    expect(revealed.json().vars).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: "DATABASE_URL", value: "postgres://secret" })]),
    );
    const bad = await app.inject({
      method: "PUT",
      url: `/api/apps/${name}/env`,
      headers: auth,
      payload: { vars: { "1BAD": "x" } },
    });
    expect(bad.statusCode).toBe(400);
    const unset = await app.inject({ method: "DELETE", url: `/api/apps/${name}/env/MODE`, headers: auth });
    expect(unset.json().vars.map((v: { key: string }) => v.key)).toEqual(["DATABASE_URL"]);
    expect((await app.inject({ method: "DELETE", url: `/api/apps/${name}/env/MODE`, headers: auth })).statusCode).toBe(
      404,
    );
  });
});
