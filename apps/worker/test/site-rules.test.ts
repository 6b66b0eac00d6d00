import { describe, expect, it } from "vitest";
import { parseVercelJson } from "../src/build/static-server/site-config.ts";
import { loadSiteRules, toSitePath, toUrlPath } from "../src/build/static-server/site-rules.mjs";

/** The rules server.mjs would load from a repo with this vercel.json. */
const rulesFor = (vercel: unknown) => loadSiteRules(JSON.stringify(parseVercelJson(JSON.stringify(vercel)).config));

describe("site paths", () => {
  it("are the URL's path, decodeURI'd as sirv does", () => {
    expect(toSitePath("/a%20b/caf%C3%A9?x=1#top")).toBe("/a b/café");
    expect(toSitePath("/a%2Fb")).toBe("/a%2Fb"); // decodeURI keeps reserved characters encoded
    expect(toSitePath("/bad%E0%A4%A")).toBe("/bad%E0%A4%A");
  });

  it.each(["/a b/café", "/100%", "/a%2Fb", "/semi;colon:@&=+$,", "/😀"])("round-trip %s through toUrlPath", (p) => {
    expect(toSitePath(toUrlPath(p))).toBe(p);
  });
});

describe("loadSiteRules", () => {
  it("has no rules without a config", () => {
    const rules = loadSiteRules(undefined);
    expect(rules.summary).toBe("");
    expect(rules.redirect("/a/", "")).toBeUndefined();
    expect(rules.headersFor("/a")).toEqual([]);
    expect([...rules.rewriteTargets("/a")]).toEqual([]);
  });

  it("stops on a config the server can't apply", () => {
    expect(() => loadSiteRules(JSON.stringify({ rewrites: [{ source: "/(", destination: "/" }] }))).toThrow(
      /^rewrites\[0\]\.source "\/\(": /,
    );
    expect(() => loadSiteRules("{")).toThrow(SyntaxError);
  });

  it("substitutes params, encoded, and keeps the query string", () => {
    const rules = rulesFor({
      redirects: [
        { source: "/blog/:slug", destination: "/posts/:slug" },
        { source: "/docs/:path*", destination: "https://docs.example.com/:path*" },
        { source: "/old/(.*)", destination: "/new/$1?from=old#top" },
        { source: "/port", destination: "http://localhost:8080/$9" },
      ],
    });
    expect(rules.redirect("/blog/hello world", "?a=1")).toEqual({ status: 308, location: "/posts/hello%20world?a=1" });
    expect(rules.redirect("/blog/a%2Fb", "")?.location).toBe("/posts/a%2Fb");
    expect(rules.redirect("/docs/a/b", "")?.location).toBe("https://docs.example.com/a/b");
    expect(rules.redirect("/docs", "")?.location).toBe("https://docs.example.com/");
    expect(rules.redirect("/old/x/y", "?q=1")?.location).toBe("/new/x/y?from=old&q=1#top");
    expect(rules.redirect("/port", "")?.location).toBe("http://localhost:8080/$9");
    expect(rules.redirect("/blog/a/b", "")).toBeUndefined();
  });

  it("never redirects to another host from a path", () => {
    const rules = rulesFor({ trailingSlash: false, redirects: [{ source: "/(.*)/old", destination: "/$1" }] });
    expect(rules.redirect("//evil.example/old", "")?.location).toBe("/evil.example");
    expect(rules.redirect("//evil.example/", "")?.location).toBe("/evil.example");
    expect(rules.redirect("/\\evil.example/", "")?.location).toBe("/%5Cevil.example");
  });

  it("redirects the root index to / with cleanUrls and trailingSlash", () => {
    const rules = rulesFor({ cleanUrls: true, trailingSlash: true });
    expect(rules.redirect("/index.html", "")?.location).toBe("/");
    expect(rules.redirect("/blog/index.html", "")?.location).toBe("/blog/");
    expect(rules.redirect("/about.html", "")?.location).toBe("/about/");
    expect(rules.redirect("/.well-known/thing", "")).toBeUndefined();
    expect(rules.summary).toBe("cleanUrls, trailingSlash: true");
  });

  it("adds every matching rule's headers, with named params in values", () => {
    const rules = rulesFor({
      headers: [
        {
          source: "/:lang/(.*)",
          headers: [
            { key: "Content-Language", value: ":lang" },
            { key: "X-Price", value: "$1" },
          ],
        },
        { source: "/(.*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
      ],
    });
    expect(rules.headersFor("/fr/page")).toEqual([
      ["Content-Language", "fr"],
      ["X-Price", "$1"],
      ["X-Frame-Options", "DENY"],
    ]);
    expect(rules.headersFor("/page")).toEqual([["X-Frame-Options", "DENY"]]);
  });

  it("points rewrites inside the site, in order", () => {
    const rules = rulesFor({
      rewrites: [
        { source: "/files/:name*", destination: "/public/:name*" },
        { source: "/(.*)", destination: "/../../etc/passwd" },
        { source: "/(.*)", destination: "/index.html?from=rewrite" },
      ],
    });
    expect([...rules.rewriteTargets("/files/../../secret.txt")]).toEqual(["/secret.txt", "/etc/passwd", "/index.html"]);
    expect([...rules.rewriteTargets("/files/100%")][0]).toBe("/public/100%");
  });
});
