import { describe, expect, it } from "vitest";
import { parseVercelJson, SITE_CONFIG_ENV } from "../src/build/static-server/site-config.ts";

const parse = (vercel: unknown) => parseVercelJson(JSON.stringify(vercel));

describe("parseVercelJson", () => {
  it("normalises redirects, rewrites, headers, cleanUrls and trailingSlash", () => {
    const { config, notes } = parse({
      $schema: "https://openapi.vercel.sh/vercel.json",
      cleanUrls: true,
      trailingSlash: false,
      redirects: [
        { source: "/blog/:slug", destination: "/posts/:slug" },
        { source: "/temp", destination: "/about", permanent: false },
        { source: "/moved", destination: "https://example.com/", statusCode: 301 },
        { source: "/both", destination: "/x", permanent: true, statusCode: 302 },
      ],
      rewrites: [{ source: "/app/(.*)", destination: "/index.html" }],
      headers: [{ source: "/assets/(.*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] }],
    });
    expect(notes).toEqual([]);
    expect(config).toEqual({
      cleanUrls: true,
      trailingSlash: false,
      redirects: [
        { source: "/blog/:slug", destination: "/posts/:slug", statusCode: 308 },
        { source: "/temp", destination: "/about", statusCode: 307 },
        { source: "/moved", destination: "https://example.com/", statusCode: 301 },
        { source: "/both", destination: "/x", statusCode: 308 }, // as on Vercel, `permanent` wins
      ],
      rewrites: [{ source: "/app/(.*)", destination: "/index.html" }],
      headers: [{ source: "/assets/(.*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] }],
    });
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(SITE_CONFIG_ENV).toBe("PIER_SITE_CONFIG");
  });

  it("gives empty rules, no trailingSlash and no notes for an empty file", () => {
    const { config, notes } = parseVercelJson("\uFEFF{}");
    expect(config).toEqual({ redirects: [], rewrites: [], headers: [], cleanUrls: false });
    expect("trailingSlash" in config).toBe(false);
    expect(notes).toEqual([]);
  });

  it("percent-encodes spaces and non-ASCII characters in destinations", () => {
    const { config } = parse({ redirects: [{ source: "/cafe", destination: "/café menu" }] });
    expect(config.redirects[0]?.destination).toBe("/caf%C3%A9%20menu");
  });

  it("notes, and leaves out, what the static server can't do", () => {
    const { config, notes } = parse({
      routes: [{ src: "/(.*)", dest: "/index.html" }],
      functions: { "api/*.js": { memory: 1024 } },
      buildCommand: "npm run build",
      outputDirectory: "dist",
      redirects: [
        { source: "/a", destination: "/b", has: [{ type: "host", value: "example.com" }] },
        { source: "/c", destination: "/d", locale: false },
      ],
      rewrites: [
        { source: "/api/(.*)", destination: "https://api.example.com/$1" },
        { source: "/gone", destination: "/404.html", statusCode: 404 },
        { source: "/e", destination: "/f", missing: [{ type: "cookie", key: "session" }] },
      ],
      headers: [
        {
          source: "/(.*)",
          headers: [
            { key: "Content-Length", value: "1" },
            { key: "X-A", value: "1" },
          ],
        },
      ],
    });
    expect(notes).toEqual([
      'vercel.json: "routes" (the legacy routing format) is not supported by Pier\'s static server; ignored ' +
        "(use redirects, rewrites and headers)",
      'vercel.json: "functions" is not supported by Pier\'s static server; ignored',
      'vercel.json: redirects[0] has "has"/"missing" conditions, which Pier\'s static server does not support; ' +
        "skipped",
      "vercel.json: redirects[1].locale is not supported by Pier's static server; ignored",
      "vercel.json: rewrites[0] to an external URL is not supported by Pier's static server; skipped",
      "vercel.json: rewrites[1].statusCode is not supported by Pier's static server; served with 200",
      'vercel.json: rewrites[2] has "has"/"missing" conditions, which Pier\'s static server does not support; ' +
        "skipped",
      "vercel.json: headers[0].headers[0] sets Content-Length, which Pier's static server sets itself; skipped",
    ]);
    expect(config.redirects).toEqual([{ source: "/c", destination: "/d", statusCode: 308 }]);
    expect(config.rewrites).toEqual([{ source: "/gone", destination: "/404.html" }]);
    expect(config.headers).toEqual([{ source: "/(.*)", headers: [{ key: "X-A", value: "1" }] }]);
  });

  it.each([
    ["{ redirects: [] }", "vercel.json: not valid JSON ("],
    ["[]", "vercel.json: must be a JSON object"],
    ['{ "redirects": {} }', "vercel.json: redirects must be an array"],
    ['{ "redirects": ["/a"] }', "vercel.json: redirects[0] must be an object"],
    [
      '{ "redirects": [{ "source": "a", "destination": "/b" }] }',
      'vercel.json: redirects[0].source must be a string starting with "/"',
    ],
    [
      '{ "redirects": [{ "source": 1, "destination": "/b" }] }',
      'vercel.json: redirects[0].source must be a string starting with "/"',
    ],
    [
      '{ "redirects": [{ "source": "/(a", "destination": "/b" }] }',
      'vercel.json: redirects[0].source "/(a" is not a valid path pattern (',
    ],
    [
      '{ "redirects": [{ "source": "/a" }] }',
      'vercel.json: redirects[0].destination must be a path starting with "/" or an http(s) URL',
    ],
    [
      '{ "redirects": [{ "source": "/a", "destination": "ftp://x" }] }',
      "vercel.json: redirects[0].destination must be",
    ],
    [
      '{ "redirects": [{ "source": "/a", "destination": "/b", "permanent": "yes" }] }',
      "vercel.json: redirects[0].permanent must be true or false",
    ],
    [
      '{ "redirects": [{ "source": "/a", "destination": "/b", "statusCode": 200 }] }',
      "vercel.json: redirects[0].statusCode must be 301, 302, 303, 307 or 308",
    ],
    ['{ "rewrites": [{ "source": "/a", "destination": "b" }] }', "vercel.json: rewrites[0].destination must be"],
    [
      '{ "rewrites": [{ "source": "/a", "destination": "/b", "has": 1 }, { "source": "x" }] }',
      "vercel.json: rewrites[1].source must be",
    ],
    ['{ "rewrites": [{ "source": "(", "destination": "/b", "has": [] }] }', "vercel.json: rewrites[0].source must be"],
    ['{ "headers": [{ "source": "/a" }] }', "vercel.json: headers[0].headers must be an array of"],
    [
      '{ "headers": [{ "source": "/a", "headers": [{ "key": "X A", "value": "1" }] }] }',
      'vercel.json: headers[0].headers[0].key "X A" is not a valid header name',
    ],
    [
      '{ "headers": [{ "source": "/a", "headers": [{ "key": "X-A", "value": "1\\r\\nSet-Cookie: a=b" }] }] }',
      "vercel.json: headers[0].headers[0].value must not contain line breaks",
    ],
    [
      '{ "headers": [{ "source": "/a", "headers": [{ "key": "X-A", "value": 1 }] }] }',
      "vercel.json: headers[0].headers[0].value must be a string",
    ],
    ['{ "cleanUrls": "true" }', "vercel.json: cleanUrls must be true or false"],
    ['{ "trailingSlash": 1 }', "vercel.json: trailingSlash must be true or false"],
  ])("rejects %s", (json, message) => {
    expect(() => parseVercelJson(json)).toThrow(message);
  });

  it("caps the number of rules, the length of a string and the size of the whole config", () => {
    const rule = (i: number) => ({ source: `/r${i}`, destination: "/" });
    expect(() => parse({ redirects: Array.from({ length: 1001 }, (_, i) => rule(i)) })).toThrow(
      "vercel.json: redirects has 1001 rules; Pier's static server takes at most 1000",
    );
    expect(() => parse({ redirects: [{ source: `/${"a".repeat(5000)}`, destination: "/" }] })).toThrow(
      "vercel.json: redirects[0].source is longer than 4096 characters",
    );
    const long = (i: number) => ({ source: `/r${i}`, destination: `/${"d".repeat(200)}` });
    expect(() => parse({ redirects: Array.from({ length: 1000 }, (_, i) => long(i)) })).toThrow(
      /^vercel\.json: its redirects, rewrites and headers take \d+ bytes; Pier's static server takes at most 100000/,
    );
  });
});
