import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";

import { cookieOf, csrfOf, form, postSignIn } from "../../../tests/support/dashboard-forms.ts";
import { deliveryHeaders, pingPayload } from "../../../tests/support/github.ts";

interface AuditEventDto {
  actor: string;
  actorKind: string;
  tokenId: string | null;
  method: string;
  route: string;
  path: string;
  target: string | null;
  status: number;
  at: string;
}

describe("audit log: every change, who asked, what, when, the answer", () => {
  let app: FastifyInstance;
  const config = testConfig();
  const admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
  const name = `audit-${randomBytes(3).toString("hex")}`;
  const SECRET_VALUE = `s3cret-${randomBytes(6).toString("hex")}`;

  const events = async (query = `?app=${name}`) => {
    const res = await app.inject({ method: "GET", url: `/api/audit${query}`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().events as AuditEventDto[];
  };

  beforeAll(async () => {
    app = await buildApp(config, { logger: false });
  });
  afterAll(async () => {
    await app.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: admin });
    await app.close();
  });

  it("audits a named token's changes, refused too: name, method, route, target, status; no reads/bodies", async () => {
    const created = await app.inject({
      method: "POST",
      url: "/api/apps",
      headers: admin,
      payload: { name, repoUrl: "https://github.com/pier-dev/hello.git" },
    });
    expect(created.statusCode).toBe(201);
    const minted = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: admin,
      payload: { name: `ci-${name}`, scopes: ["deploy"] },
    });
    const ci = { authorization: `Bearer ${minted.json().token}` };

    expect((await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: ci })).statusCode).toBe(200);
    expect((await app.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: ci })).statusCode).toBe(202);
    expect(
      (
        await app.inject({
          method: "PUT",
          url: `/api/apps/${name}/env`,
          headers: ci,
          payload: { vars: { API_KEY: "nope" } },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: "PUT",
          url: `/api/apps/${name}/env`,
          headers: admin,
          payload: { vars: { API_KEY: SECRET_VALUE } },
        })
      ).statusCode,
    ).toBe(200);
    // Nobody signed it: not recorded.
    expect(
      (
        await app.inject({
          method: "DELETE",
          url: `/api/apps/${name}`,
          headers: { authorization: "Bearer pier_madeup" },
        })
      ).statusCode,
    ).toBe(401);

    // Recorded before the answer left: no waiting needed.
    const log = await events();
    expect(log.map((e) => [e.actor, e.method, e.route, e.status])).toEqual([
      ["admin token", "PUT", "/api/apps/:name/env", 200],
      [`ci-${name}`, "PUT", "/api/apps/:name/env", 403],
      [`ci-${name}`, "POST", "/api/apps/:name/deploy", 202],
      // Creating an app names it, though its route has no :name.
      ["admin token", "POST", "/api/apps", 201],
    ]);
    expect(log[2]).toMatchObject({
      actorKind: "token",
      tokenId: minted.json().id,
      target: name,
      path: `/api/apps/${name}/deploy`,
    });
    expect(log[0]).toMatchObject({ actorKind: "admin", tokenId: null, target: name });
    expect(Date.now() - Date.parse(log[0]!.at)).toBeLessThan(60_000);
    expect(JSON.stringify(await events(`?limit=1000`))).not.toContain(SECRET_VALUE);

    // The token's creation is the admin's change, without the token's value.
    const all = await events("?limit=1000");
    // Other files create tokens at the same time (some refused): this one's creation answered 201.
    const mint = all.find((e) => e.route === "/api/tokens" && e.method === "POST" && e.status === 201);
    expect(mint).toMatchObject({ actor: "admin token", status: 201, target: null });
    expect(JSON.stringify(all)).not.toContain(minted.json().token);

    // limit, and only admins read the log.
    expect(await events(`?app=${name}&limit=1`)).toHaveLength(1);
    expect((await app.inject({ method: "GET", url: "/api/audit?limit=0", headers: admin })).statusCode).toBe(400);
    const refused = await app.inject({ method: "GET", url: "/api/audit", headers: ci });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toContain("needs the admin scope");
  });

  it("records the dashboard's changes as the dashboard session, and lists them on the Audit page", async () => {
    const signedIn = await postSignIn(app, config.PIER_ADMIN_TOKEN);
    expect(signedIn.statusCode).toBe(303);
    const cookies = { pier_session: cookieOf(signedIn, "pier_session")! };
    const settings = await app.inject({ method: "GET", url: `/apps/${name}/settings`, cookies });
    expect(settings.statusCode).toBe(200);
    const set = await app.inject({
      method: "POST",
      url: `/apps/${name}/env`,
      cookies,
      ...form({ _csrf: csrfOf(settings.body), key: "FROM_DASHBOARD", value: SECRET_VALUE, target: "both" }),
    });
    expect(set.statusCode).toBe(303);

    const [newest] = await events();
    expect(newest).toMatchObject({
      actor: "dashboard session",
      actorKind: "session",
      method: "POST",
      route: "/apps/:name/env",
      target: name,
      status: 303,
    });

    const page = await app.inject({ method: "GET", url: `/audit?app=${name}`, cookies });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<a href="/audit" class="on">Audit</a>');
    expect(page.body).toContain('data-table="audit"');
    const rows = page.body.match(/<tr data-audit=/g) ?? [];
    expect(rows).toHaveLength((await events()).length);
    expect(page.body).toContain("POST /apps/:name/env");
    expect(page.body).toContain(`ci-${name}`);
    expect(page.body).toContain('data-status="403"');
    expect(page.body).not.toContain(SECRET_VALUE);
    // Reading the page is not a change.
    expect((await events()).filter((e) => e.route === "/audit")).toEqual([]);

    const signedOut = await app.inject({ method: "GET", url: "/audit" });
    expect(signedOut.statusCode).toBe(302);
  });

  it("records dashboard sign-ins (wrong tokens too) and GitHub's signed deliveries, not unsigned ones", async () => {
    // Its own address, so this test finds its own sign-ins among those of the files running beside it.
    const remoteAddress = `127.0.${1 + (randomBytes(1)[0]! % 250)}.${1 + (randomBytes(1)[0]! % 250)}`;
    const signIn = async (token: string) => {
      const login = await app.inject({ method: "GET", url: "/login", remoteAddress });
      return app.inject({
        method: "POST",
        url: "/login",
        remoteAddress,
        cookies: { pier_login: cookieOf(login, "pier_login")! },
        ...form({ _csrf: csrfOf(login.body), token, next: "/" }),
      });
    };
    expect((await signIn("not-the-admin-token-at-all")).statusCode).toBe(401);
    expect((await signIn(config.PIER_ADMIN_TOKEN)).statusCode).toBe(303);
    const signIns = (await events("?limit=1000")).filter(
      (e) => e.route === "/login" && (e as AuditEventDto & { ip: string }).ip === remoteAddress,
    );
    expect(signIns.map((e) => [e.actor, e.actorKind, e.method, e.status])).toEqual([
      ["dashboard session", "session", "POST", 303],
      ["sign-in with a wrong token", "anonymous", "POST", 401],
    ]);
    expect(JSON.stringify(signIns)).not.toContain("not-the-admin-token-at-all");

    const secret = (await app.inject({ method: "GET", url: `/api/apps/${name}`, headers: admin })).json()
      .webhookSecret as string;
    const body = JSON.stringify(pingPayload());
    const signed = await app.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("ping", secret, body),
      payload: body,
    });
    expect(signed.statusCode).toBe(200);
    const forged = await app.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("ping", "not-the-secret", body),
      payload: body,
    });
    expect(forged.statusCode).toBe(401);
    const deliveries = (await events()).filter((e) => e.route === "/webhooks/github/:name");
    expect(deliveries.map((e) => [e.actor, e.actorKind, e.target, e.status])).toEqual([
      ["GitHub webhook", "webhook", name, 200],
    ]);
  });
});
