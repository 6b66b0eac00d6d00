import type { ServedCertificate } from "@pier/certificates";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpsGet, selfSignedCertificate, type TestCertificate } from "../../../tests/support/certificates.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { freePorts } from "../../../tests/support/free-port.ts";
import { startHaproxy, type Haproxy } from "../src/haproxy/haproxy.ts";
import type { HttpsFlags, RouteEntries } from "../src/route-entries.ts";

// HTTPS on the data plane: a real HAProxy terminating TLS with certificates set through its runtime API.

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

/** Echoes what the router told it about the client's connection. */
const app = http.createServer((req, res) => {
  res.setHeader("content-type", "application/json");
  res.end(
    JSON.stringify({
      url: req.url,
      proto: req.headers["x-forwarded-proto"],
      port: req.headers["x-forwarded-port"],
      host: req.headers["x-forwarded-host"],
    }),
  );
});
/** Stands in for the router's challenge responder. */
const challenges = http.createServer((req, res) => res.end(`challenge for ${req.url}`));

function httpGet(port: number, host: string, path = "/") {
  return new Promise<{ status: number; body: string; location?: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, headers: { host }, agent: false }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, location: res.headers.location }));
    });
    req.on("error", reject);
    req.end();
  });
}

const served = (id: string, names: string[], cert: TestCertificate): ServedCertificate => ({
  id,
  pem: cert.pem,
  serial: cert.serial,
  notAfter: new Date(Date.now() + 86_400_000),
  names,
  source: "operator",
});

describe("router data plane over TLS", () => {
  let haproxy: Haproxy;
  let httpPort = 0;
  let tlsPort = 0;
  let shop: TestCertificate;
  let wildcard: TestCertificate;
  let entries: RouteEntries;
  let https: Map<string, HttpsFlags>;

  beforeAll(async () => {
    const appPort = await listen(app);
    const challengePort = await listen(challenges);
    [httpPort, tlsPort] = (await freePorts(2)) as [number, number];
    shop = await selfSignedCertificate(["shop.example", "www.shop.example"]);
    wildcard = await selfSignedCertificate(["*.eu.example"]);
    entries = new Map<string, RouteEntries extends Map<string, infer V> ? V : never>([
      ["shop.example", [`127.0.0.1:${appPort}`]],
      ["plain.example", [`127.0.0.1:${appPort}`]],
      ["*.eu.example", [`127.0.0.1:${appPort}`]],
      ["www.shop.example", { redirect: `https://shop.example:${tlsPort}`, status: 308 }],
      ["old.example", { redirect: "http://plain.example", status: 301 }],
    ]);
    https = new Map<string, HttpsFlags>([
      ["shop.example", "redirect+hsts"],
      ["www.shop.example", "redirect"],
      ["*.eu.example", "hsts"],
    ]);
    haproxy = await startHaproxy(
      "haproxy",
      {
        host: "127.0.0.1",
        port: httpPort,
        tlsPort,
        threads: 1,
        slots: 8,
        serversPerSlot: 2,
        activator: { port: 9, timeoutMs: 1_000 },
        acmeChallenges: { port: challengePort },
      },
      pino({ level: "silent" }),
      { entries, https, certificates: [served("operator-shop", ["shop.example", "www.shop.example"], shop)] },
    );
    await haproxy.applyCertificates([
      served("operator-shop", ["shop.example"], shop),
      served("operator-eu", ["*.eu.example"], wildcard),
    ]);
  });
  afterAll(async () => {
    await haproxy?.stop();
    await new Promise((r) => app.close(r));
    await new Promise((r) => challenges.close(r));
  });

  it("serves the certificate each SNI names, the default one to others, and tells the app the scheme", async () => {
    const res = await httpsGet(tlsPort, "shop.example", "/a?b=1");
    expect(res.status).toBe(200);
    expect(res.serial).toBe(shop.serial);
    expect(JSON.parse(res.body)).toEqual({
      url: "/a?b=1",
      proto: "https",
      port: String(tlsPort),
      host: "shop.example",
    });
    expect(res.headers["strict-transport-security"]).toBe("max-age=31536000");
    const eu = await httpsGet(tlsPort, "de.eu.example");
    expect(eu.serial).toBe(wildcard.serial);
    expect(eu.status).toBe(200);
    // The wildcard domain's HTTPS flags apply to the names it serves; a trailing dot finds the host's own.
    expect(eu.headers["strict-transport-security"]).toBe("max-age=31536000");
    expect((await httpGet(httpPort, "shop.example.", "/t")).location).toBe(`https://shop.example.:${tlsPort}/t`);
    const other = await httpsGet(tlsPort, "plain.example");
    expect(other.subject).toBe("pier-no-certificate");
    expect(other.headers["strict-transport-security"]).toBeUndefined();
  });

  it("redirects plain HTTP to HTTPS where the host has a certificate, except ACME challenges", async () => {
    const redirected = await httpGet(httpPort, "shop.example", "/cart?x=1");
    expect(redirected.status).toBe(308);
    expect(redirected.location).toBe(`https://shop.example:${tlsPort}/cart?x=1`);
    const plain = await httpGet(httpPort, "plain.example", "/p");
    expect(JSON.parse(plain.body)).toMatchObject({ proto: "http", port: String(httpPort) });
    const challenge = await httpGet(httpPort, "shop.example", "/.well-known/acme-challenge/tok");
    expect(challenge).toMatchObject({ status: 200, body: "challenge for /.well-known/acme-challenge/tok" });
    const unknownHost = await httpGet(httpPort, "not-routed.example", "/.well-known/acme-challenge/tok");
    expect(unknownHost.status).toBe(200);
    expect((await httpGet(httpPort, "not-routed.example", "/")).status).toBe(404);
  });

  it("redirects a domain to another, keeping the path, with the status asked for", async () => {
    const www = await httpsGet(tlsPort, "www.shop.example", "/x?y=2");
    expect(www.status).toBe(308);
    expect(www.headers.location).toBe(`https://shop.example:${tlsPort}/x?y=2`);
    const old = await httpGet(httpPort, "old.example", "/z");
    expect(old).toMatchObject({ status: 301, location: "http://plain.example/z" });
  });

  it("replaces a certificate without a reload while new connections keep arriving, and removes one", async () => {
    const renewed = await selfSignedCertificate(["shop.example"]);
    const failures: string[] = [];
    const serials = new Set<string>();
    let running = true;
    const load = Array.from({ length: 4 }, async () => {
      while (running) {
        await httpsGet(tlsPort, "shop.example").then(
          (res) => (res.status === 200 ? serials.add(res.serial) : failures.push(`HTTP ${res.status}`)),
          (error: Error) => failures.push(error.message),
        );
      }
    });
    try {
      await eventually(async () => serials.has(shop.serial), "HTTPS answered with the first certificate");
      await haproxy.applyCertificates([
        served("operator-shop", ["shop.example"], renewed),
        served("operator-eu", ["*.eu.example"], wildcard),
      ]);
      const after = await httpsGet(tlsPort, "shop.example");
      expect(after.serial).toBe(renewed.serial);
    } finally {
      running = false;
      await Promise.all(load);
    }
    expect(failures).toEqual([]);
    expect(serials).toEqual(new Set([shop.serial, renewed.serial]));
    await haproxy.applyCertificates([served("operator-shop", ["shop.example"], renewed)]);
    expect((await httpsGet(tlsPort, "de.eu.example")).subject).toBe("pier-no-certificate");
  });
});
