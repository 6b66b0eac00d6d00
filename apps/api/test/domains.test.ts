import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { CERTIFICATES_CHANNEL, ROUTES_GENERATION_KEY } from "@pier/shared";
import { buildApp } from "../src/build-app.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { operatorCertificateDir } from "../../../tests/support/operator-certificate.ts";

/**
 * Custom domains through the JSON API, on the real database and Redis: every name of this run ends in its own
 * suffix (domains are unique across the database), and an operator certificate directory of its own covers
 * `*.wild.<suffix>` and `covered.<suffix>`.
 */
describe("domains API: add, list, remove, renew; one app per domain; certificate states", () => {
  let app: FastifyInstance;
  let certDir = "";
  const tld = `t${randomBytes(4).toString("hex")}.example`;
  const at = (label: string) => `${label}.${tld}`;
  const name = `dom-${randomBytes(3).toString("hex")}`;
  const other = `dom-${randomBytes(3).toString("hex")}`;
  const config = () =>
    testConfig({ PIER_DOMAIN: `apps.${tld}`, PIER_API_DOMAIN: at("deploy"), PIER_TLS_CERT_DIR: certDir });
  const admin = { authorization: "Bearer test-admin-token-0123456789" };
  const subscriber = new Redis(process.env.REDIS_URL!);
  const announced: string[] = [];

  const ask = (method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) });
  const add = (appName: string, payload: object) => ask("POST", `/api/apps/${appName}/domains`, payload);
  const list = async (appName = name) => {
    const res = await ask("GET", `/api/apps/${appName}/domains`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().domains as Array<
      { name: string; certificate: Record<string, unknown> } & Record<string, unknown>
    >;
  };
  const generation = async () => Number((await app.pier.redis.get(ROUTES_GENERATION_KEY)) ?? 0);

  beforeAll(async () => {
    certDir = await operatorCertificateDir([`*.wild.${tld}`, at("covered")]);
    app = await buildApp(config(), { logger: false });
    for (const appName of [name, other])
      expect(
        (await ask("POST", "/api/apps", { name: appName, repoUrl: "https://github.com/pier-dev/hello.git" }))
          .statusCode,
      ).toBe(201);
    await subscriber.subscribe(CERTIFICATES_CHANNEL);
    subscriber.on("message", (_channel, domain: string) => {
      if (domain.endsWith(tld)) announced.push(domain);
    });
  });
  afterAll(async () => {
    for (const appName of [name, other]) await ask("DELETE", `/api/apps/${appName}`);
    await app.pier.prisma.certificate.deleteMany({ where: { name: { endsWith: tld } } });
    await app.close();
    subscriber.disconnect();
    await rm(certDir, { recursive: true, force: true });
  });

  it("adds a domain: in punycode, a certificate asked for now, the controller and the routers told", async () => {
    const before = await generation();
    const res = await add(name, { domain: `Bücher.${tld.toUpperCase()}.` });
    expect(res.statusCode, res.body).toBe(201);
    const punycode = `xn--bcher-kva.${tld}`;
    expect(res.json()).toEqual({
      name: punycode,
      redirectTo: null,
      redirectStatus: 308,
      source: "API",
      url: `http://${punycode}`,
      certificate: { status: "pending", expiresAt: null, error: null, nextAttemptAt: expect.any(String), serial: null },
    });
    expect(Date.now() - Date.parse(res.json().certificate.nextAttemptAt)).toBeLessThan(60_000);
    expect(await app.pier.prisma.certificate.findUnique({ where: { name: punycode } })).toMatchObject({
      status: "PENDING",
    });
    await expect.poll(() => announced).toContain(punycode);
    expect(await generation()).toBeGreaterThan(before);
    // The same name typed another way is the same domain.
    expect((await list()).map((d) => d.name)).toEqual([punycode]);
  });

  it("a domain belongs to one app: a second claim is a 409 naming the owner, the same app's too", async () => {
    expect((await add(name, { domain: at("shop") })).statusCode).toBe(201);
    const theirs = await add(other, { domain: `SHOP.${tld}` });
    expect(theirs.statusCode).toBe(409);
    expect(theirs.json()).toMatchObject({ error: "conflict", fields: [{ field: "domain" }] });
    expect(theirs.json().message).toContain(`${at("shop")} belongs to app ${name}`);
    const again = await add(name, { domain: at("shop") });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toContain(`already one of ${name}'s domains`);
    expect(await list(other)).toEqual([]);
  });

  it.each([
    ["localhost", /at least two labels/],
    ["127.0.0.1", /not an IP address/],
    ["shop_1.example.com", /not a domain name/],
    ["https://shop.example.com/", /not a domain name/],
    ["-shop.example.com", /label "-shop"/],
    ["www.*.example.com", /whole first label/],
    ["apps.{tld}", /Pier's own host names/],
    ["web.apps.{tld}", /Pier's own host names/],
    ["deploy.{tld}", /PIER_API_DOMAIN/],
    ["*.other.{tld}", /no operator certificate \(PIER_TLS_CERT_DIR\) covers it/],
  ])("refuses %s with a 400 naming the field domain", async (domain, message) => {
    const res = await add(name, { domain: domain.replace("{tld}", tld) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "validation_failed", fields: [{ field: "domain" }] });
    expect(res.json().message).toMatch(message);
  });

  it("refuses a body that isn't one: no domain, a status other than 301/308, unknown fields", async () => {
    for (const [payload, field] of [
      [{}, "domain"],
      [{ domain: at("x"), redirectStatus: 302 }, "redirectStatus"],
      [{ domain: at("x"), redirect: at("shop") }, "redirect"],
    ] as const) {
      const res = await add(name, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().fields.map((f: { field: string }) => f.field)).toContain(field);
    }
  });

  it("a wildcard only where an operator certificate covers it; names it covers need no ACME certificate", async () => {
    const wildcard = await add(name, { domain: `*.wild.${tld}` });
    expect(wildcard.statusCode, wildcard.body).toBe(201);
    expect(wildcard.json()).toMatchObject({
      name: `*.wild.${tld}`,
      url: `https://*.wild.${tld}`,
      certificate: { status: "operator", expiresAt: expect.any(String), error: null, nextAttemptAt: null },
    });
    const covered = await add(name, { domain: at("covered") });
    expect(covered.json()).toMatchObject({ url: `https://${at("covered")}`, certificate: { status: "operator" } });
    expect(Date.parse(covered.json().certificate.expiresAt)).toBeGreaterThan(Date.now() + 20 * 86_400_000);
    expect(await app.pier.prisma.certificate.count({ where: { name: { in: [at("covered"), `*.wild.${tld}`] } } })).toBe(
      0,
    );
    expect(announced).not.toContain(at("covered"));
  });

  it("redirectTo: another domain of the same app that serves it; 301 or 308", async () => {
    const www = await add(name, { domain: at("www"), redirectTo: at("shop"), redirectStatus: 301 });
    expect(www.statusCode, www.body).toBe(201);
    expect(www.json()).toMatchObject({ name: at("www"), redirectTo: at("shop"), redirectStatus: 301 });
    expect((await add(other, { domain: at("their-apex") })).statusCode).toBe(201);
    for (const [redirectTo, message] of [
      [at("nowhere"), `${at("nowhere")} is not one of this app's domains`],
      [at("their-apex"), `${at("their-apex")} is not one of this app's domains`],
      [at("www"), `${at("www")} redirects to ${at("shop")} itself`],
      [at("loop"), `${at("loop")} can't redirect to itself`],
      [`*.wild.${tld}`, "can't redirect to a wildcard"],
      ["not a name", "not a domain name"],
    ]) {
      const res = await add(name, { domain: at("loop"), redirectTo });
      expect(res.statusCode, redirectTo).toBe(400);
      expect(res.json()).toMatchObject({ error: "validation_failed", fields: [{ field: "redirectTo" }] });
      expect(res.json().message).toContain(message);
    }
  });

  it("lists certificate states: pending, issued until its expiry (https), failed with the CA's error", async () => {
    const { prisma } = app.pier;
    const expires = new Date(Date.now() + 60 * 86_400_000);
    const nextAttempt = new Date(Date.now() + 3_600_000);
    await prisma.certificate.update({
      where: { name: at("shop") },
      data: { status: "ISSUED", serial: "0abc", notBefore: new Date(), notAfter: expires, nextAttemptAt: null },
    });
    await prisma.certificate.update({
      where: { name: at("www") },
      data: {
        status: "FAILED",
        error: "urn:ietf:params:acme:error:dns :: NXDOMAIN",
        failures: 2,
        nextAttemptAt: nextAttempt,
      },
    });
    const byName = Object.fromEntries((await list()).map((d) => [d.name, d]));
    expect(Object.keys(byName)).toEqual([
      `*.wild.${tld}`,
      at("covered"),
      at("shop"),
      at("www"),
      `xn--bcher-kva.${tld}`,
    ]);
    expect(byName[at("shop")]).toMatchObject({
      url: `https://${at("shop")}`,
      certificate: { status: "issued", expiresAt: expires.toISOString(), serial: "0abc", error: null },
    });
    expect(byName[at("www")]).toMatchObject({
      url: `http://${at("www")}`,
      certificate: {
        status: "failed",
        error: "urn:ietf:params:acme:error:dns :: NXDOMAIN",
        nextAttemptAt: nextAttempt.toISOString(),
      },
    });
    expect(byName[`xn--bcher-kva.${tld}`]?.certificate).toMatchObject({ status: "pending" });

    // The app itself shows them, with its HTTPS settings.
    const shown = (await ask("GET", `/api/apps/${name}`)).json();
    expect(shown).toMatchObject({ httpsRedirect: true, hsts: false });
    expect(shown.domains.map((d: { name: string }) => d.name)).toEqual(Object.keys(byName));
    const listed = (await ask("GET", "/api/apps")).json().apps.find((a: { name: string }) => a.name === name);
    expect(listed.domains).toEqual(shown.domains);
  });

  it("renew: a new issuance due now (renewal too), the controller told; none for an operator's", async () => {
    const count = announced.length;
    const res = await ask("POST", `/api/apps/${name}/domains/${encodeURIComponent(at("SHOP"))}/renew`);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ name: at("shop"), certificate: { status: "issued" } });
    const stored = await app.pier.prisma.certificate.findUniqueOrThrow({ where: { name: at("shop") } });
    // An issued certificate is renewed now (a failed or pending one would be tried again now: nextAttemptAt).
    expect(Date.now() - stored.renewAt!.getTime()).toBeLessThan(60_000);
    await expect.poll(() => announced.slice(count)).toEqual([at("shop")]);

    const operator = await ask("POST", `/api/apps/${name}/domains/${at("covered")}/renew`);
    expect(operator.statusCode).toBe(409);
    expect(operator.json()).toMatchObject({ error: "conflict", fields: [{ field: "domain" }] });
    expect(operator.json().message).toContain(
      "served by the operator's certificate (operator.crt in PIER_TLS_CERT_DIR)",
    );
    const unknown = await ask("POST", `/api/apps/${name}/domains/${at("nope")}/renew`);
    expect(unknown.statusCode).toBe(404);
    const elsewhere = await ask("POST", `/api/apps/${other}/domains/${at("shop")}/renew`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it("removing: refused while another domain redirects to it; then served no more, its certificate kept", async () => {
    const refused = await ask("DELETE", `/api/apps/${name}/domains/${at("shop")}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: "conflict", fields: [{ field: "domain" }] });
    expect(refused.json().message).toContain(`${at("www")} redirects to ${at("shop")}`);

    expect((await ask("DELETE", `/api/apps/${name}/domains/${at("www")}`)).json()).toEqual({ deleted: at("www") });
    const before = await generation();
    const res = await ask("DELETE", `/api/apps/${name}/domains/${encodeURIComponent(`Bücher.${tld}`)}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ deleted: `xn--bcher-kva.${tld}` });
    expect(await generation()).toBeGreaterThan(before);
    expect((await list()).map((d) => d.name)).not.toContain(`xn--bcher-kva.${tld}`);
    expect(await app.pier.prisma.certificate.findUnique({ where: { name: `xn--bcher-kva.${tld}` } })).not.toBeNull();
    const gone = await ask("DELETE", `/api/apps/${name}/domains/${at("www")}`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json()).toMatchObject({ error: "not_found", fields: [{ field: "domain" }] });
  });

  it("PATCH switches the HTTPS redirect and HSTS, and tells the routers", async () => {
    const before = await generation();
    const res = await ask("PATCH", `/api/apps/${name}`, { httpsRedirect: false, hsts: true });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ httpsRedirect: false, hsts: true });
    expect(await generation()).toBeGreaterThan(before);
    const bad = await ask("PATCH", `/api/apps/${name}`, { hsts: "yes" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { field: string }) => f.field)).toEqual(["hsts"]);
  });

  it("changes are audited with the app; a read token may list domains but not add one", async () => {
    const events = (await ask("GET", `/api/audit?app=${name}`)).json().events as Array<{
      route: string;
      status: number;
    }>;
    expect(events.map((e) => `${e.route} ${e.status}`)).toEqual(
      expect.arrayContaining([
        "/api/apps/:name/domains 201",
        "/api/apps/:name/domains 409",
        "/api/apps/:name/domains/:domain 200",
        "/api/apps/:name/domains/:domain/renew 202",
      ]),
    );
    const minted = await ask("POST", "/api/tokens", { name: `read-${name}`, scopes: ["read"] });
    const reader = { authorization: `Bearer ${minted.json().token}` };
    expect((await app.inject({ method: "GET", url: `/api/apps/${name}/domains`, headers: reader })).statusCode).toBe(
      200,
    );
    const refused = await app.inject({
      method: "POST",
      url: `/api/apps/${name}/domains`,
      headers: reader,
      payload: { domain: at("sneaky") },
    });
    expect(refused.statusCode).toBe(403);
    await ask("DELETE", `/api/tokens/${minted.json().id}`);
  });

  it("deleting the app deletes its domains, and the name is free for another app", async () => {
    expect((await ask("DELETE", `/api/apps/${name}`)).statusCode).toBe(200);
    expect(await app.pier.prisma.domain.count({ where: { name: { in: [at("shop"), at("covered")] } } })).toBe(0);
    expect((await add(other, { domain: at("shop") })).statusCode).toBe(201);
  });
});
