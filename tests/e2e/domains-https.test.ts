import { X509Certificate } from "node:crypto";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRouter } from "@pier/router";
import { pino } from "pino";
import { startAlertReceiver, type AlertReceiver } from "../support/alert-receiver.ts";
import { httpsGet } from "../support/certificates.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { waitForStatus } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
import { freePorts } from "../support/free-port.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { getViaRouter, requestViaRouter } from "../support/http.ts";
import { operatorCertificateDir } from "../support/operator-certificate.ts";
import { startPebble, type Pebble } from "../support/pebble.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

/** A Node app that tells what the router told it about the client's connection. */
const echoAppFiles = (text: string): Record<string, string> => ({
  "package.json": JSON.stringify({ name: "echo", version: "1.0.0", scripts: { start: "node server.js" } }),
  "server.js": `const http = require("http");
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ text: ${JSON.stringify(text)}, proto: req.headers["x-forwarded-proto"],
    port: req.headers["x-forwarded-port"], url: req.url }));
}).listen(Number(process.env.PORT), "0.0.0.0");
process.on("SIGTERM", () => process.exit(0));
`,
});

// Custom domains end to end on real parts: the API, the router's HAProxy terminating TLS, a controller issuing
// certificates from a real ACME CA (Debian's pebble) that validates HTTP-01 through the router's own port.
describe("custom domains and HTTPS", () => {
  const prefix = `dom-${randomBytes(3).toString("hex")}`;
  const name = `${prefix}-shop`;
  const domain = `${prefix}.example.test`;
  const refused = `${prefix}-refused.example.test`;
  /** Covered by the operator's wildcard certificate: the API needs no ACME certificate of its own here. */
  const apiDomain = `${prefix}-pier.localhost`;
  let platform: Platform;
  let controller: TestController;
  let pebble: Pebble;
  let alerts: AlertReceiver;
  let repo: TestRepo & { sha: string };
  let operatorDir = "";
  let addedAt = 0;

  const api = (method: "GET" | "POST" | "DELETE" | "PATCH", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const domainView = async (host: string) =>
    (await api("GET", `/api/apps/${name}/domains`)).json().domains.find((d: { name: string }) => d.name === host);

  beforeAll(async () => {
    const [routerPort, routerTlsPort, apiPort] = (await freePorts(3)) as [number, number, number];
    pebble = await startPebble({ httpPort: routerPort });
    operatorDir = await operatorCertificateDir(["*.localhost"]);
    const config = testConfig({
      PIER_ACME_DIRECTORY_URL: pebble.directoryUrl,
      PIER_ACME_CA_FILE: pebble.caFile,
      PIER_TLS_CERT_DIR: operatorDir,
      PIER_API_DOMAIN: apiDomain,
      PIER_API_PORT: String(apiPort),
    });
    platform = await startPlatform(config, { routerPort, routerTlsPort });
    // The API listens as in production, so the router can serve it on its domain.
    await platform.api.listen({ host: "127.0.0.1", port: apiPort });
    controller = await startTestController(platform, prefix);
    alerts = await startAlertReceiver();
    await alerts.subscribe(platform, [name]);
    repo = await createTestRepo(echoAppFiles("shop v1"));
    expect((await api("POST", "/api/apps", { name, repoUrl: repo.url })).statusCode).toBe(201);
    const deployed = await api("POST", `/api/apps/${name}/deploy`);
    expect((await waitForStatus(platform.api, platform.auth, deployed.json().id)).status).toBe("READY");
  });
  afterAll(async () => {
    await api("DELETE", `/api/apps/${name}`);
    await alerts?.close();
    await controller?.close();
    await platform?.close();
    await pebble?.stop();
    await repo?.remove();
    if (operatorDir) await rm(operatorDir, { recursive: true, force: true });
  });

  it("issues an added domain's certificate through the router's HTTP-01 answer, and serves it over TLS", async () => {
    addedAt = Date.now();
    const added = await api("POST", `/api/apps/${name}/domains`, { domain });
    expect(added.statusCode).toBe(201);
    // Asked for at once: pending when the answer is read, or already issued by a quick CA (pebble can be).
    expect(added.json()).toMatchObject({
      name: domain,
      certificate: { status: expect.stringMatching(/^(pending|issued)$/) },
    });
    // Served at once over plain HTTP: the app itself while the certificate is pending, or (a quick CA having issued
    // it already) the redirect to HTTPS that an issued certificate brings.
    const plain = await requestViaRouter(platform.routerPort, domain, "/");
    const body = plain.body.toString("utf8");
    const seen = `${plain.status} ${String(plain.headers.location ?? "")} ${body.slice(0, 300)}`;
    if (plain.status === 308) expect(plain.headers.location, seen).toBe(`https://${domain}:${platform.routerTlsPort}/`);
    else {
      expect(plain.status, seen).toBe(200);
      expect(JSON.parse(body)).toMatchObject({ text: "shop v1", proto: "http" });
    }

    const root = new X509Certificate(await pebble.issuerRootPem());
    const answer = await eventually(
      async () => {
        const res = await httpsGet(platform.routerTlsPort, domain).catch(() => null);
        return res && res.subject !== "pier-no-certificate" && res.status === 200 ? res : null;
      },
      "HTTPS served with the issued certificate",
      60_000,
    );
    const firstHttpsMs = Date.now() - addedAt;
    console.log(`domain added → first HTTPS answer with its certificate: ${firstHttpsMs} ms`);
    expect(JSON.parse(answer.body)).toMatchObject({
      text: "shop v1",
      proto: "https",
      port: String(platform.routerTlsPort),
    });
    const view = await domainView(domain);
    expect(view.certificate).toMatchObject({ status: "issued", serial: answer.serial });
    expect(new Date(view.certificate.expiresAt).getTime()).toBeGreaterThan(Date.now());
    // The chain the router serves ends at pebble's root.
    const stored = await platform.prisma.certificate.findUniqueOrThrow({ where: { name: domain } });
    const chain = stored.certPem!.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)!;
    expect(new X509Certificate(chain.at(-1)!).checkIssued(root)).toBe(true);
    expect(stored.keyPem).toMatch(/^enc:v1:/);
    await alerts.waitFor("certificate.issued", name);
  });

  it("redirects plain HTTP to HTTPS once the certificate is issued, unless the app turns it off", async () => {
    const redirected = await requestViaRouter(platform.routerPort, domain, "/cart?x=1");
    expect(redirected.status).toBe(308);
    expect(redirected.headers.location).toBe(`https://${domain}:${platform.routerTlsPort}/cart?x=1`);
    expect((await api("PATCH", `/api/apps/${name}`, { httpsRedirect: false, hsts: true })).statusCode).toBe(200);
    await eventually(async () => (await getViaRouter(platform.routerPort, domain)).status === 200, "plain HTTP served");
    const tls = await httpsGet(platform.routerTlsPort, domain);
    expect(tls.headers["strict-transport-security"]).toBe("max-age=31536000");
    await api("PATCH", `/api/apps/${name}`, { httpsRedirect: true, hsts: false });
    await eventually(async () => (await getViaRouter(platform.routerPort, domain)).status === 308, "redirect back on");
  });

  it("renews on demand: the new certificate is served with no failed request under load", async () => {
    const before = (await domainView(domain)).certificate.serial as string;
    const serials = new Set<string>();
    const failures: string[] = [];
    let running = true;
    let requests = 0;
    const deadline = Date.now() + 90_000;
    const load = Array.from({ length: 2 }, async () => {
      while (running && Date.now() < deadline && requests < 20_000) {
        requests++;
        await httpsGet(platform.routerTlsPort, domain).then(
          (res) => (res.status === 200 ? serials.add(res.serial) : failures.push(`HTTP ${res.status}`)),
          (error: Error) => failures.push(error.message),
        );
      }
    });
    try {
      expect((await api("POST", `/api/apps/${name}/domains/${domain}/renew`)).statusCode).toBeLessThan(300);
      await eventually(
        async () => [...serials].some((serial) => serial !== before),
        "the renewed certificate served",
        60_000,
      );
    } finally {
      running = false;
      await Promise.all(load);
    }
    console.log(`certificate swap under load: ${requests} HTTPS requests, ${failures.length} failed`);
    expect(failures).toEqual([]);
    expect((await domainView(domain)).certificate.serial).not.toBe(before);
  });

  it("a domain the CA refuses ends failed with the CA's own error, the next attempt, and an alert", async () => {
    await pebble.failValidationOf(refused);
    expect((await api("POST", `/api/apps/${name}/domains`, { domain: refused })).statusCode).toBe(201);
    const failed = await eventually(
      async () => {
        const view = await domainView(refused);
        return view?.certificate.status === "failed" ? view : null;
      },
      "the refused issuance recorded",
      60_000,
    );
    expect(failed.certificate.error).toMatch(/urn:ietf:params:acme:error|DNS|SERVFAIL/i);
    expect(new Date(failed.certificate.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    const alert = await alerts.waitFor("certificate.failed", name);
    expect(alert.payload.summary).toContain(refused);
    // The refused domain still serves over plain HTTP (no certificate: no redirect).
    expect((await getViaRouter(platform.routerPort, refused)).status).toBe(200);
  });

  it("a domain another app holds is a 409 naming it; a redirect domain sends visitors to its target", async () => {
    const other = `${prefix}-other`;
    expect((await api("POST", "/api/apps", { name: other, repoUrl: repo.url })).statusCode).toBe(201);
    try {
      const claimed = await api("POST", `/api/apps/${other}/domains`, { domain });
      expect(claimed.statusCode).toBe(409);
      expect(JSON.stringify(claimed.json())).toContain(name);
    } finally {
      await api("DELETE", `/api/apps/${other}`);
    }
    const www = `www.${domain}`;
    expect((await api("POST", `/api/apps/${name}/domains`, { domain: www, redirectTo: domain })).statusCode).toBe(201);
    const res = await eventually(async () => {
      const answer = await requestViaRouter(platform.routerPort, www, "/p?q=1");
      return answer.status === 308 ? answer : null;
    }, "www redirects");
    expect(res.headers.location).toBe(`https://${domain}:${platform.routerTlsPort}/p?q=1`);
  });

  it("serves the API and dashboard on PIER_API_DOMAIN through the same TLS, telling it the scheme", async () => {
    const health = await httpsGet(platform.routerTlsPort, apiDomain, "/healthz");
    expect(health).toMatchObject({ status: 200, subject: "*.localhost" });
    const plain = await requestViaRouter(platform.routerPort, apiDomain, "/healthz");
    expect(plain.status).toBe(308);
    // Behind the router, the dashboard's cookies are Secure: the API believes the router's X-Forwarded-Proto.
    const login = await httpsGet(platform.routerTlsPort, apiDomain, "/login");
    expect(login.status).toBe(200);
    expect(String(login.headers["set-cookie"])).toMatch(/;\s*Secure/i);
  });

  it("a restarted router serves the issued certificate from its first HTTPS answer", async () => {
    const serial = (await domainView(domain)).certificate.serial as string;
    await platform.router.close();
    platform.router = await createRouter(platform.config, platform.prisma, platform.runtime, pino({ level: "warn" }), {
      host: "127.0.0.1",
      port: platform.routerPort,
      tlsPort: platform.routerTlsPort,
    });
    const res = await httpsGet(platform.routerTlsPort, domain);
    expect(res).toMatchObject({ status: 200, serial });
  });

  it("an operator's wildcard certificate serves the app's hosts; a deleted domain is no longer served", async () => {
    const own = await httpsGet(platform.routerTlsPort, `${name}.localhost`);
    expect(own.subject).toBe("*.localhost");
    expect(JSON.parse(own.body)).toMatchObject({ text: "shop v1", proto: "https" });
    expect((await api("DELETE", `/api/apps/${name}/domains/${refused}`)).statusCode).toBeLessThan(300);
    await eventually(async () => (await getViaRouter(platform.routerPort, refused)).status === 404, "domain gone");
  });
});
