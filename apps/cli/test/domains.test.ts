import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { certificateWords } from "../src/commands/domains.ts";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier domains against the real API", () => {
  let cli: CliApi;
  const name = `cli-dom-${randomBytes(4).toString("hex")}`;
  // Domains are unique across the database: this run's end in a suffix of their own.
  const tld = `t${randomBytes(4).toString("hex")}.example`;
  const at = (label: string) => `${label}.${tld}`;

  const pier = (args: string[]) => cli.pier(args);

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-domains-");
  });

  afterAll(async () => {
    await cli?.api.pier.prisma.certificate.deleteMany({ where: { name: { endsWith: tld } } });
    await cli?.close();
  });

  it("adds a domain and a redirect to it; the list shows each certificate's state", async () => {
    const added = await pier(["domains", "add", name, `Bücher.${tld}`]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`Added xn--bcher-kva.${tld} to ${name}.`);
    expect(added.stdout).toMatch(/certificate {2}pending, next attempt now/);

    const www = await pier([
      "domains",
      "add",
      name,
      at("www"),
      "--redirect-to",
      `xn--bcher-kva.${tld}`,
      "--status",
      "301",
      "--json",
    ]);
    expect(www.code).toBe(0);
    expect(JSON.parse(www.stdout)).toMatchObject({ name: at("www"), redirectTo: `xn--bcher-kva.${tld}` });

    // What the controller writes when the CA refuses one, and when it issues one.
    const expires = new Date(Date.now() + 45 * 86_400_000);
    await cli.api.pier.prisma.certificate.update({
      where: { name: at("www") },
      data: {
        status: "FAILED",
        error: "rateLimited :: too many certificates",
        nextAttemptAt: new Date(Date.now() + 7_200_000),
      },
    });
    await cli.api.pier.prisma.certificate.update({
      where: { name: `xn--bcher-kva.${tld}` },
      data: { status: "ISSUED", notAfter: expires, serial: "01" },
    });
    const listed = await pier(["domains", name]);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.split("\n");
    expect(lines[0]).toBe("HTTPS redirect on, HSTS off");
    expect(lines[1]).toMatch(/^DOMAIN +REDIRECT +SOURCE +CERTIFICATE$/);
    expect(lines[3]).toMatch(
      new RegExp(
        `^xn--bcher-kva\\.${tld} +- +api +issued, expires ${expires.toISOString().slice(0, 10)} \\(in 45d\\)$`,
      ),
    );
    expect(lines[2]).toMatch(
      new RegExp(
        `^www\\.${tld} +→ xn--bcher-kva\\.${tld} \\(301\\) +api +failed: rateLimited :: too many certificates; ` +
          "next attempt in 2h$",
      ),
    );
    const json = JSON.parse((await pier(["domains", name, "--json"])).stdout);
    expect(json.domains.map((d: { name: string }) => d.name)).toEqual([at("www"), `xn--bcher-kva.${tld}`]);
    expect((await pier(["apps", "show", name])).stdout).toMatch(
      new RegExp(`domains +www\\.${tld}, xn--bcher-kva\\.${tld}\\n +https +redirect on, HSTS off`),
    );
  });

  it("renews, removes, and says what the API refused (409 naming the redirect) with its exit code", async () => {
    const renewed = await pier(["domains", "renew", name, at("www")]);
    expect(renewed.code).toBe(0);
    expect(renewed.stdout).toContain(`Asked for a new certificate for ${at("www")} now`);

    const refused = await pier(["domains", "rm", name, `xn--bcher-kva.${tld}`]);
    expect(refused.code).toBe(6);
    expect(refused.stderr).toContain(`${at("www")} redirects to xn--bcher-kva.${tld}`);
    expect((await pier(["domains", "remove", name, at("www")])).stdout).toContain(
      `Removed ${at("www")} from ${name}: it is no longer served.`,
    );
    const missing = await pier(["domains", "rm", name, at("www")]);
    expect(missing.code).toBe(5);
    const taken = await pier(["domains", "add", name, `bücher.${tld}`]);
    expect(taken.code).toBe(6);
    expect(taken.stderr).toContain("already one of");
  });

  it("--https-redirect and --hsts switch the app's HTTPS settings", async () => {
    const res = await pier(["domains", name, "--https-redirect", "off", "--hsts", "on"]);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("HTTPS redirect off, HSTS on");
    const app = (await cli.apiCall("GET", `/api/apps/${name}`)).body;
    expect(app).toMatchObject({ httpsRedirect: false, hsts: true });
  });

  it.each([
    [["domains", "add", "web"], /missing <domain>/],
    [["domains", "add", "web", "x.example.com", "--status", "302", "--redirect-to", "y.example.com"], /301 or 308/],
    [["domains", "add", "web", "x.example.com", "--status", "301"], /--status goes with --redirect-to/],
    [["domains", "web", "--hsts", "yes"], /--hsts must be on or off/],
  ])("exits 2 on bad usage: %j", async (args, message) => {
    const res = await pier(args);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr).toMatch(/usage: pier domains/);
  });

  it("help lists the commands", async () => {
    const help = await pier(["help"]);
    expect(help.stdout).toMatch(/^ {2}domains add +Add a domain/m);
    expect((await pier(["help", "domains"])).stdout).toContain("Usage: pier domains renew <app> <domain>");
  });

  it("certificate words: operator, none, a failed renewal still serving", () => {
    const now = Date.parse("2027-01-01T00:00:00Z");
    const base = { expiresAt: null, error: null, nextAttemptAt: null, serial: null };
    expect(certificateWords({ ...base, status: "operator", expiresAt: "2027-03-02T00:00:00Z" }, now)).toBe(
      "operator's certificate, expires 2027-03-02 (in 60d)",
    );
    expect(certificateWords({ ...base, status: "none" }, now)).toBe("none: served over plain HTTP only");
    expect(
      certificateWords(
        {
          ...base,
          status: "failed",
          error: "connection refused",
          nextAttemptAt: "2027-01-01T00:30:00Z",
          expiresAt: "2027-01-11T00:00:00Z",
        },
        now,
      ),
    ).toBe("failed: connection refused; next attempt in 30m; current one expires 2027-01-11 (in 10d)");
  });
});
