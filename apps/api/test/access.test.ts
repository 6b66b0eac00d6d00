import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { randomBytes } from "node:crypto";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";

describe("API tokens, docs, security headers, rate limits", () => {
  let app: FastifyInstance;
  // Token names are unique, revoked ones included: each run names its own.
  const tokenName = `ci deploys ${randomBytes(3).toString("hex")}`;
  const config = testConfig({ PIER_API_RATE_LIMIT_PER_MINUTE: "1000" });
  const admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it("the admin creates a named token, shown once and stored hashed; it works until revoked", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: admin,
      payload: { name: tokenName, scopes: ["deploy"] },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^pier_[a-z0-9]{40}$/);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await app.pier.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token.slice(5));
    expect(JSON.stringify(stored)).not.toContain(token);

    const withToken = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: "GET", url: "/api/apps", headers: withToken })).statusCode).toBe(200);
    const list = await app.inject({ method: "GET", url: "/api/tokens", headers: admin });
    const listed = list.json().tokens.find((t: { id: string }) => t.id === id);
    expect(listed).toMatchObject({ name: tokenName, prefix, scopes: ["deploy"], expiresAt: null, revokedAt: null });
    expect(listed.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list.json())).not.toContain(token);

    // A token can't manage tokens: only the admin can.
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/tokens",
          headers: withToken,
          payload: { name: "more", scopes: ["read"] },
        })
      ).statusCode,
    ).toBe(403);

    const revoked = await app.inject({ method: "DELETE", url: `/api/tokens/${id}`, headers: admin });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const refused = await app.inject({ method: "GET", url: "/api/apps", headers: withToken });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toMatchObject({ error: "unauthorized" });
  });

  it("token bad input: empty name, unknown id", async () => {
    const empty = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: admin,
      payload: { name: " ", scopes: ["read"] },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe("name");
    expect((await app.inject({ method: "DELETE", url: "/api/tokens/doesnotexist", headers: admin })).statusCode).toBe(
      404,
    );
    expect(
      (await app.inject({ method: "GET", url: "/api/tokens", headers: { authorization: "Bearer pier_madeup" } }))
        .statusCode,
    ).toBe(401);
  });

  it("serves the OpenAPI document generated from the route schemas, and its browser at /docs", async () => {
    const json = await app.inject({ method: "GET", url: "/docs/json" });
    expect(json.statusCode).toBe(200);
    const doc = json.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/apps",
        "/api/apps/{name}/rollback",
        "/api/deployments/{id}/logs",
        "/webhooks/github/{name}",
        "/api/tokens",
      ]),
    );
    expect(doc.paths["/api/apps"].post.requestBody.content["application/json"].schema.properties).toHaveProperty(
      "repoUrl",
    );
    const ui = await app.inject({ method: "GET", url: "/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain("swagger");
  });

  it("sets security headers on every answer", async () => {
    for (const url of ["/healthz", "/api/apps", "/docs/json"]) {
      const res = await app.inject({ method: "GET", url, headers: admin });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBeDefined();
      expect(res.headers["content-security-policy"]).toBeDefined();
    }
  });

  it("rate-limits the API per credential, with a JSON 429", async () => {
    const limited = await buildApp(
      testConfig({ PIER_API_RATE_LIMIT_PER_MINUTE: "3", PIER_WEBHOOK_RATE_LIMIT_PER_MINUTE: "2" }),
      { logger: false },
    );
    try {
      const token = `Bearer ${config.PIER_ADMIN_TOKEN}`;
      // A fresh key for this run: the counters live in Redis and outlive the process.
      const statuses: number[] = [];
      const headers = { authorization: `${token}  ` };
      for (let i = 0; i < 4; i++)
        statuses.push(
          (
            await limited.inject({
              method: "GET",
              url: "/api/apps",
              headers: { ...headers, "x-run": String(Date.now()) },
            })
          ).statusCode,
        );
      expect(statuses.slice(0, 3).every((s) => s === 200 || s === 429)).toBe(true);
      expect(statuses[3]).toBe(429);
      const last = await limited.inject({ method: "GET", url: "/api/apps", headers });
      expect(last.json()).toMatchObject({ error: "rate_limited" });
      // Deliveries to an app that doesn't exist are 404s that count against nobody (webhook-limits.test.ts has
      // the rest).
      const hook = `/webhooks/github/rl-${Date.now()}`;
      const hookStatuses: number[] = [];
      for (let i = 0; i < 3; i++)
        hookStatuses.push((await limited.inject({ method: "POST", url: hook, payload: {} })).statusCode);
      expect(hookStatuses).toEqual([404, 404, 404]);
    } finally {
      await limited.close();
    }
  });
});
