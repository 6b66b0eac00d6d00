import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "@pier/api";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { testConfig } from "../support/platform.ts";
import { cookieOf, dashboardClient, form as formBody, postSignIn } from "../support/dashboard-forms.ts";
import { operatorCertificateDir } from "../support/operator-certificate.ts";

/**
 * The app page's Domains card and the settings page's HTTPS card, through app.inject on the real API, database and
 * Redis. No build and no CA: certificate states are written as the controller writes them.
 */
describe("dashboard: domains with their certificates' states, add/remove/renew, HTTPS settings", () => {
  let api: FastifyInstance;
  let certDir = "";
  let session = "";
  const tld = `t${randomBytes(4).toString("hex")}.example`;
  const at = (label: string) => `${label}.${tld}`;
  const name = `dash-dom-${randomBytes(3).toString("hex")}`;
  const other = `dash-dom-${randomBytes(3).toString("hex")}`;
  const admin = { authorization: "Bearer test-admin-token-0123456789" };

  /** One element's HTML, from its opening tag to the end of the page (enough to look inside it). */
  const from = (page: string, marker: string) => page.slice(page.indexOf(marker));
  const row = (page: string, domain: string) => from(page, `<tr data-domain="${domain}"`).split("</tr>")[0]!;
  const { getPage, post, after } = dashboardClient(
    () => api,
    () => session,
    `/apps/${name}`,
  );
  const addForm = (fields: Record<string, string>) => ({
    domain: "",
    redirectTo: "",
    redirectStatus: "308",
    ...fields,
  });

  beforeAll(async () => {
    certDir = await operatorCertificateDir([at("covered")]);
    api = await buildApp(testConfig({ PIER_TLS_CERT_DIR: certDir }), { logger: false });
    const signedIn = await postSignIn(api, "test-admin-token-0123456789");
    session = cookieOf(signedIn, "pier_session")!;
    for (const appName of [name, other]) {
      const created = await api.inject({
        method: "POST",
        url: "/api/apps",
        headers: admin,
        payload: { name: appName, repoUrl: "https://github.com/owner/repo.git" },
      });
      expect(created.statusCode).toBe(201);
    }
    const taken = await api.inject({
      method: "POST",
      url: `/api/apps/${other}/domains`,
      headers: admin,
      payload: { domain: at("theirs") },
    });
    expect(taken.statusCode).toBe(201);
  });

  afterAll(async () => {
    for (const appName of [name, other])
      await api?.inject({ method: "DELETE", url: `/api/apps/${appName}`, headers: admin });
    await api?.pier.prisma.certificate.deleteMany({ where: { name: { endsWith: tld } } });
    await api?.close();
    await rm(certDir, { recursive: true, force: true });
  });

  it("an app without domains: the card says how to add one, with the form", async () => {
    const page = (await getPage(`/apps/${name}`)).body;
    const card = from(page, 'id="domains"');
    expect(card).toContain('data-empty="domains"');
    expect(card).toMatch(/<form method="post" action="\/apps\/[^"]+\/domains" novalidate data-form="domain">/);
    expect(card).toMatch(/<form [^>]*data-form="domain"><input type="hidden" name="_csrf" value="[^"]+">/);
  });

  it("adds a domain (stored in punycode, pending); a bad or taken name shows next to the field", async () => {
    const res = await post(`/apps/${name}/domains`, addForm({ domain: `Bücher.${tld}` }));
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/apps/${name}#domains`);
    const page = await after(res);
    const punycode = `xn--bcher-kva.${tld}`;
    expect(page).toMatch(new RegExp(`data-flash="ok">Added ${punycode.replaceAll(".", "\\.")}: served at once\\.`));
    expect(row(page, punycode)).toContain('data-cert-status="pending"');
    expect(row(page, punycode)).toMatch(
      /<span class="tag c-pending">pending<\/span> <span class="muted small">being issued/,
    );

    const bad = await post(`/apps/${name}/domains`, addForm({ domain: "not a domain" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/data-error-for="domain">&quot;not a domain&quot; is not a domain name/);
    expect(bad.body).toMatch(/id="f-domain" name="domain" type="text" value="not a domain"/);
    const theirs = await post(`/apps/${name}/domains`, addForm({ domain: at("theirs") }));
    expect(theirs.statusCode).toBe(409);
    expect(theirs.body).toContain(`data-error-for="domain">${at("theirs")} belongs to app ${other}`);
  });

  it("adds a redirect to one of the app's domains, chosen from a list of those that serve it", async () => {
    const page = (await getPage(`/apps/${name}`)).body;
    expect(from(page, 'id="f-redirectTo"').split("</select>")[0]).toContain(
      `<option value="xn--bcher-kva.${tld}" >xn--bcher-kva.${tld}</option>`,
    );
    const res = await post(
      `/apps/${name}/domains`,
      addForm({ domain: at("www"), redirectTo: `xn--bcher-kva.${tld}`, redirectStatus: "301" }),
    );
    expect(res.statusCode).toBe(303);
    const shown = row(await after(res), at("www"));
    expect(shown).toMatch(
      new RegExp(`→</span> <span class="mono">xn--bcher-kva\\.${tld}</span>\\s*<span class="muted small">\\(301\\)`),
    );
    const chained = await post(`/apps/${name}/domains`, addForm({ domain: at("x"), redirectTo: at("www") }));
    expect(chained.statusCode).toBe(400);
    expect(chained.body).toContain(`data-error-for="redirectTo">${at("www")} redirects to`);
  });

  it("shows certificate states: issued until, failed with the CA's error and the next attempt, operator", async () => {
    const { prisma } = api.pier;
    await prisma.certificate.update({
      where: { name: `xn--bcher-kva.${tld}` },
      data: { status: "ISSUED", notAfter: new Date("2027-03-04T05:06:07Z"), serial: "0a" },
    });
    await prisma.certificate.update({
      where: { name: at("www") },
      data: {
        status: "FAILED",
        error: "urn:ietf:params:acme:error:connection :: <refused>",
        nextAttemptAt: new Date(Date.now() + 3 * 3_600_000),
      },
    });
    const covered = await post(`/apps/${name}/domains`, addForm({ domain: at("covered") }));
    expect(covered.statusCode).toBe(303);
    const page = (await getPage(`/apps/${name}`)).body;
    expect(row(page, `xn--bcher-kva.${tld}`)).toMatch(
      /c-issued">issued<\/span> <span class="muted small">until 2027-03-04/,
    );
    expect(row(page, `xn--bcher-kva.${tld}`)).toContain(`href="https://xn--bcher-kva.${tld}"`);
    const failed = row(page, at("www"));
    expect(failed).toContain('data-cert-status="failed"');
    expect(failed).toMatch(/next attempt <time datetime="[^"]+" title="[^"]+ UTC">in 3 h<\/time>/);
    expect(failed).toContain("data-cert-error>urn:ietf:params:acme:error:connection :: &lt;refused&gt;</div>");
    const operator = row(page, at("covered"));
    expect(operator).toMatch(
      /c-operator">operator<\/span> <span class="muted small">covered by the operator's certificate, until \d{4}-/,
    );
    // An operator's certificate has nothing of Pier's to renew.
    expect(operator).not.toContain('data-action="renew"');
  });

  it("renew asks for a new certificate now; remove refuses a redirect's target, then stops serving it", async () => {
    const renewed = await post(`/apps/${name}/domains/renew`, { domain: at("www") });
    expect(renewed.statusCode).toBe(303);
    expect(await after(renewed)).toContain(`data-flash="ok">Asked for a new certificate for ${at("www")} now`);
    const stored = await api.pier.prisma.certificate.findUniqueOrThrow({ where: { name: at("www") } });
    expect(Date.now() - stored.nextAttemptAt!.getTime()).toBeLessThan(60_000);

    const refused = await post(`/apps/${name}/domains/remove`, { domain: `xn--bcher-kva.${tld}`, confirmed: "yes" });
    expect(await after(refused)).toMatch(
      new RegExp(`data-flash="error">${at("www").replaceAll(".", "\\.")} redirects to`),
    );
    // Unconfirmed, the removal only asks; the confirmation page posts the same domain again, confirmed.
    const asked = await post(`/apps/${name}/domains/remove`, { domain: at("www") });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toMatch(
      /data-confirmation[\s\S]*name="domain" value="[^"]+"[\s\S]*name="confirmed" value="yes"/,
    );
    expect(await api.pier.prisma.domain.count({ where: { name: at("www") } })).toBe(1);
    const removed = await post(`/apps/${name}/domains/remove`, { domain: at("www"), confirmed: "yes" });
    const page = await after(removed);
    expect(page).toContain(`data-flash="ok">Removed ${at("www")}: it is no longer served.`);
    expect(page).not.toContain(`data-domain="${at("www")}"`);

    const noCsrf = await api.inject({
      method: "POST",
      url: `/apps/${name}/domains/remove`,
      cookies: { pier_session: session },
      ...formBody({ domain: `xn--bcher-kva.${tld}` }),
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(await api.pier.prisma.domain.count({ where: { name: `xn--bcher-kva.${tld}` } })).toBe(1);
  });

  it("the settings page's HTTPS card switches the redirect and HSTS", async () => {
    const settings = (await getPage(`/apps/${name}/settings`)).body;
    const card = from(settings, 'id="https"').split("</form>")[0]!;
    expect(card).toMatch(/name="httpsRedirect" value="on" data-field="httpsRedirect" checked>/);
    expect(card).toMatch(/name="hsts" value="on" data-field="hsts" >/);
    // Redirect unchecked (sends nothing), HSTS checked.
    const res = await post(`/apps/${name}/https`, { hsts: "on" });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/apps/${name}/settings#https`);
    expect(await after(res)).toContain('data-flash="ok">Saved: HTTPS redirect off, HSTS on. It takes effect at once.');
    const app = (await api.inject({ method: "GET", url: `/api/apps/${name}`, headers: admin })).json();
    expect(app).toMatchObject({ httpsRedirect: false, hsts: true });
  });
});
