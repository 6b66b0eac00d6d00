import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { hashToken } from "../src/plugins/app/auth.ts";
import { testConfig } from "../../../tests/support/platform.ts";

describe("API token scopes (read < deploy < admin) and expiry", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `scopes-${randomBytes(3).toString("hex")}`;
  const SECRET_VALUE = `s3cret-${randomBytes(6).toString("hex")}`;

  const createToken = async (payload: Record<string, unknown>) => {
    const res = await app.inject({ method: "POST", url: "/api/tokens", headers: admin, payload });
    expect(res.statusCode, res.body).toBe(201);
    return { ...res.json(), headers: { authorization: `Bearer ${res.json().token}` } } as {
      id: string;
      token: string;
      scopes: string[];
      expiresAt: string | null;
      headers: { authorization: string };
    };
  };
  const ask = (
    headers: { authorization: string },
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload?: object,
  ) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
    expect(
      (await ask(admin, "POST", "/api/apps", { name, repoUrl: "https://github.com/pier-dev/hello.git" })).statusCode,
    ).toBe(201);
    expect((await ask(admin, "PUT", `/api/apps/${name}/env`, { vars: { API_KEY: SECRET_VALUE } })).statusCode).toBe(
      200,
    );
  });
  afterAll(async () => {
    await ask(admin, "DELETE", `/api/apps/${name}`);
    await app.close();
  });

  it("a read token reads all but secrets; every change is a 403 naming the scope, changing nothing", async () => {
    const read = await createToken({ name: `dashboards-${name}`, scopes: ["read"] });
    expect(read.scopes).toEqual(["read"]);

    const list = await ask(read.headers, "GET", "/api/apps");
    expect(list.statusCode).toBe(200);
    const listed = list.json().apps.find((a: { name: string }) => a.name === name);
    expect(listed).toMatchObject({ name, webhookSecret: null });
    const one = await ask(read.headers, "GET", `/api/apps/${name}`);
    expect(one.statusCode).toBe(200);
    expect(one.json().webhookSecret).toBeNull();
    const env = await ask(read.headers, "GET", `/api/apps/${name}/env`);
    expect(env.statusCode).toBe(200);
    expect(env.body).not.toContain(SECRET_VALUE);
    for (const url of [
      `/api/apps/${name}/deployments`,
      `/api/apps/${name}/releases`,
      `/api/apps/${name}/autoscale`,
      "/api/notifications",
    ]) {
      expect((await ask(read.headers, "GET", url)).statusCode, url).toBe(200);
    }

    // Secrets and the audit log: admin only.
    for (const url of [`/api/apps/${name}/env?reveal=true`, `/api/apps/${name}/export`, "/api/audit"]) {
      const res = await ask(read.headers, "GET", url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().message, url).toMatch(/needs the admin scope/);
      expect(res.body).not.toContain(SECRET_VALUE);
    }

    const changes: Array<[Parameters<typeof ask>[1], string, object | undefined, string]> = [
      ["PATCH", `/api/apps/${name}`, { branch: "other" }, "admin"],
      ["PUT", `/api/apps/${name}/env`, { vars: { API_KEY: "overwritten" } }, "admin"],
      ["DELETE", `/api/apps/${name}/env/API_KEY`, undefined, "admin"],
      ["POST", `/api/apps/${name}/deploy`, undefined, "deploy"],
      ["POST", `/api/apps/${name}/rollback`, {}, "deploy"],
      ["POST", `/api/apps/${name}/scale`, { replicas: 0 }, "deploy"],
      ["POST", `/api/apps/${name}/run`, { command: ["env"] }, "admin"],
      ["DELETE", `/api/apps/${name}`, undefined, "admin"],
      ["POST", "/api/apps", { name: `${name}-x`, repoUrl: "https://github.com/pier-dev/hello.git" }, "admin"],
      ["POST", "/api/notifications", { url: "https://example.com/hook", format: "json" }, "admin"],
    ];
    for (const [method, url, payload, scope] of changes) {
      const res = await ask(read.headers, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json()).toMatchObject({ error: "forbidden" });
      expect(res.json().message, `${method} ${url}`).toContain(`needs the ${scope} scope`);
      expect(res.json().message).toContain(`token "dashboards-${name}" has read`);
    }
    const mint = await ask(read.headers, "POST", "/api/tokens", { name: "escalate", scopes: ["admin"] });
    expect(mint.statusCode).toBe(403);
    expect(mint.json().message).toMatch(/needs the admin token \(PIER_ADMIN_TOKEN\)/);

    // Nothing changed.
    const after = await ask(admin, "GET", `/api/apps/${name}`);
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({ branch: "main" });
    expect((await ask(admin, "GET", `/api/apps/${name}/env?reveal=true`)).json().vars).toEqual([
      expect.objectContaining({ key: "API_KEY", value: SECRET_VALUE }),
    ]);
    expect((await ask(admin, "GET", `/api/apps/${name}/deployments`)).json().deployments).toEqual([]);
  });

  it("a deploy token deploys but can't change env or see secrets", async () => {
    const deploy = await createToken({ name: `ci-${name}`, scopes: ["deploy"] });
    const deployed = await ask(deploy.headers, "POST", `/api/apps/${name}/deploy`);
    expect(deployed.statusCode, deployed.body).toBe(202);
    expect(deployed.json()).toMatchObject({ app: name, status: "QUEUED" });

    const setEnv = await ask(deploy.headers, "PUT", `/api/apps/${name}/env`, { vars: { API_KEY: "overwritten" } });
    expect(setEnv.statusCode).toBe(403);
    expect(setEnv.json().message).toContain(
      `PUT /api/apps/:name/env needs the admin scope; token "ci-${name}" has deploy`,
    );
    expect((await ask(deploy.headers, "GET", `/api/apps/${name}/env?reveal=true`)).statusCode).toBe(403);
    expect((await ask(deploy.headers, "GET", `/api/apps/${name}`)).json().webhookSecret).toBeNull();
    expect((await ask(deploy.headers, "DELETE", `/api/apps/${name}`)).statusCode).toBe(403);
  });

  it("an admin token changes anything and sees secrets, but can't manage tokens", async () => {
    const full = await createToken({ name: `ops-${name}`, scopes: ["read", "admin"] });
    const shown = await ask(full.headers, "GET", `/api/apps/${name}`);
    expect(shown.json().webhookSecret).toMatch(/^[0-9a-f]{48}$/);
    expect((await ask(full.headers, "GET", `/api/apps/${name}/env?reveal=true`)).body).toContain(SECRET_VALUE);
    expect((await ask(full.headers, "PATCH", `/api/apps/${name}`, { previews: false })).statusCode).toBe(200);
    expect((await ask(full.headers, "GET", "/api/tokens")).statusCode).toBe(403);
    expect((await ask(full.headers, "DELETE", `/api/tokens/${full.id}`)).statusCode).toBe(403);
  });

  it("tokens made before scopes existed are admin (the migration's default)", async () => {
    const token = `pier_${randomBytes(20).toString("hex")}`;
    const id = randomBytes(8).toString("hex");
    await app.pier.prisma.$executeRaw`INSERT INTO "ApiToken" ("id", "name", "tokenHash", "prefix")
      VALUES (${id}, ${`from before ${name}`}, ${hashToken(token)}, ${token.slice(0, 12)})`;
    const headers = { authorization: `Bearer ${token}` };
    expect((await ask(headers, "GET", `/api/apps/${name}`)).json().webhookSecret).not.toBeNull();
    expect((await ask(headers, "PATCH", `/api/apps/${name}`, { previews: false })).statusCode).toBe(200);
    const listed = (await ask(admin, "GET", "/api/tokens")).json().tokens.find((t: { id: string }) => t.id === id);
    expect(listed).toMatchObject({ scopes: ["admin"], expiresAt: null });
  });

  it("expiresInDays sets expiresAt; an expired token gets a 401 saying so", async () => {
    const before = Date.now();
    const brief = await createToken({ name: `one day ${name}`, scopes: ["read"], expiresInDays: 1 });
    const expiresAt = Date.parse(brief.expiresAt!);
    expect(expiresAt - before).toBeGreaterThanOrEqual(86_400_000 - 1_000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(86_400_000);
    expect((await ask(brief.headers, "GET", "/api/apps")).statusCode).toBe(200);

    await app.pier.prisma.apiToken.update({
      where: { id: brief.id },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const refused = await ask(brief.headers, "GET", "/api/apps");
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: "unauthorized" });
    expect(refused.json().message).toMatch(new RegExp(`token "one day ${name}" expired at \\d{4}-\\d\\d-\\d\\dT`));
  });

  it.each([
    [{ name: "x" }, "scopes"],
    [{ name: "x", scopes: [] }, "scopes"],
    [{ name: "x", scopes: ["write"] }, "scopes"],
    [{ name: "x", scopes: "admin" }, "scopes"],
    [{ name: "x", scopes: ["read"], expiresInDays: 0 }, "expiresInDays"],
    [{ name: "x", scopes: ["read"], expiresInDays: 3651 }, "expiresInDays"],
    [{ name: "x", scopes: ["read"], expiresInDays: 1.5 }, "expiresInDays"],
    [{ name: "x", scopes: ["read"], expiresInDays: "7" }, "expiresInDays"],
  ])("refuses %j naming %s", async (payload, field) => {
    const res = await ask(admin, "POST", "/api/tokens", payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe("validation_failed");
    expect(new Set(res.json().fields.map((f: { field: string }) => f.field.split(".")[0]))).toEqual(new Set([field]));
    expect(res.json().message).toContain(field);
  });
});
