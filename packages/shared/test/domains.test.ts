import { describe, expect, it } from "vitest";
import { normalizeDomainName, resolveDomainList } from "../src/domains.ts";
import { parsePierJson, pierJsonJsonSchema } from "../src/pier-json.ts";

const own = { PIER_DOMAIN: "pier.example.net", PIER_API_DOMAIN: "deploy.example.org" };

describe("domain names", () => {
  it.each([
    ["example.com", "example.com"],
    ["WWW.Example.COM", "www.example.com"],
    ["shop.example.com.", "shop.example.com"],
    ["  api.example.com ", "api.example.com"],
    ["Bücher.Example", "xn--bcher-kva.example"],
    ["münchen.de", "xn--mnchen-3ya.de"],
    ["xn--bcher-kva.example", "xn--bcher-kva.example"],
    ["*.example.com", "*.example.com"],
    ["*.Bücher.example", "*.xn--bcher-kva.example"],
    ["a-b.c-d.io", "a-b.c-d.io"],
    [`${"a".repeat(63)}.com`, `${"a".repeat(63)}.com`],
    ["1password.com", "1password.com"],
  ])("%j is %s", (input, name) => expect(normalizeDomainName(input, own)).toEqual({ ok: true, name }));

  it.each([
    ["", /must be a domain name/],
    ["localhost", /at least two labels/],
    ["com.", /at least two labels/],
    ["*.com", /at least two labels/],
    ["-shop.example.com", /label "-shop"/],
    ["shop-.example.com", /label "shop-"/],
    ["a..example.com", /empty label/],
    [".example.com", /empty label/],
    [`${"a".repeat(64)}.com`, /1-63 characters/],
    [`${"abcdefghi.".repeat(26)}com`, /at most 253 characters/],
    ["a_b.example.com", /not a domain name/],
    ["example.com/path", /not a domain name/],
    ["user@example.com", /not a domain name/],
    ["example.com:443", /not a domain name/],
    ["%41.example.com", /not a domain name/],
    ["https://example.com", /not a domain name/],
    ["127.0.0.1", /not an IP address/],
    ["0x7f.1", /not an IP address/],
    ["[::1]", /not a domain name/],
    ["www.*.example.com", /whole first label/],
    ["*example.com", /whole first label/],
    ["**.example.com", /whole first label/],
    ["xn--zz.example", /not a valid internationalized name/],
    ["pier.example.net", /Pier's own host names/],
    ["web.pier.example.net", /Pier's own host names \(<app>\.pier\.example\.net\)/],
    ["*.pier.example.net", /Pier's own host names/],
    ["Deploy.Example.org", /PIER_API_DOMAIN/],
  ])("%j is refused: %s", (input, error) => {
    const result = normalizeDomainName(input, own);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it("without Pier's own hosts, only the syntax is checked (pier.json before a deploy knows the platform)", () => {
    expect(normalizeDomainName("web.pier.example.net")).toEqual({ ok: true, name: "web.pier.example.net" });
    // A name that merely ends like PIER_DOMAIN, without the dot, is someone else's.
    expect(normalizeDomainName("notpier.example.net", own)).toEqual({ ok: true, name: "notpier.example.net" });
  });
});

describe("a list of domains (pier.json)", () => {
  it("normalizes names and redirects; redirectStatus defaults to 308", () => {
    const result = resolveDomainList(
      ["Bücher.Example", { domain: "www.bücher.example", redirectTo: "BÜCHER.example", redirectStatus: 301 }],
      own,
    );
    expect(result).toEqual({
      problems: [],
      domains: [
        { name: "xn--bcher-kva.example", redirectTo: null, redirectStatus: 308 },
        { name: "www.xn--bcher-kva.example", redirectTo: "xn--bcher-kva.example", redirectStatus: 301 },
      ],
    });
  });

  it("names each problem where it is", () => {
    const { problems } = resolveDomainList(
      [
        "example.com",
        "EXAMPLE.com.",
        { domain: "a.example.com", redirectTo: "b.example.com" },
        { domain: "c.example.com", redirectTo: "c.example.com" },
        { domain: "d.example.com", redirectTo: "e.example.com" },
        { domain: "e.example.com", redirectTo: "example.com" },
        { domain: "f.example.com", redirectTo: "*.example.com" },
        "*.example.com",
        { domain: "g.example.com", redirectTo: "not a name" },
        "web.pier.example.net",
      ],
      own,
    );
    expect(problems).toEqual([
      { at: [1], message: "example.com is listed twice" },
      { at: [8, "redirectTo"], message: expect.stringContaining("not a domain name") },
      { at: [9], message: expect.stringContaining("Pier's own host names") },
      { at: [2, "redirectTo"], message: expect.stringContaining("b.example.com is not one of this app's domains") },
      { at: [3, "redirectTo"], message: "c.example.com can't redirect to itself" },
      { at: [4, "redirectTo"], message: expect.stringContaining("e.example.com redirects to example.com itself") },
      { at: [6, "redirectTo"], message: expect.stringContaining("can't redirect to a wildcard") },
    ]);
  });

  it("pier.json's domains: the same checks, each naming its field", () => {
    const ok = parsePierJson(
      JSON.stringify({ domains: ["example.com", { domain: "www.example.com", redirectTo: "example.com" }] }),
    );
    expect(ok.ok).toBe(true);
    const bad = parsePierJson(
      JSON.stringify({ domains: ["example", { domain: "x.example.com", redirectTo: "y.example.com" }] }),
    );
    expect(bad).toEqual({
      ok: false,
      errors: [
        'field "domains.0": must have at least two labels, as in example.com',
        expect.stringContaining('field "domains.1.redirectTo": y.example.com is not one of'),
      ],
    });
    const wrongShape = parsePierJson(JSON.stringify({ domains: [{ domain: "x.example.com", redirectStatus: 302 }] }));
    expect(wrongShape.ok).toBe(false);
    if (!wrongShape.ok) expect(wrongShape.errors[0]).toMatch(/^field "domains.0": must be a domain name, or/);
  });

  it("pier.json's JSON Schema documents domains", () => {
    const properties = pierJsonJsonSchema().properties as Record<string, { description?: string }>;
    expect(properties.domains?.description).toContain("redirectTo");
  });
});
