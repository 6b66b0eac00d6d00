import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { brotliDecompressSync } from "node:zlib";
import { eventually } from "../../../tests/support/eventually.ts";
import { staticServerFiles } from "../src/build/static-server/files.ts";
import { parseVercelJson, SITE_CONFIG_ENV } from "../src/build/static-server/site-config.ts";

// The server runs from a copy of staticServerFiles() under the OS temp dir, out of reach of the repo's
// node_modules, so these tests also prove the file set is complete.
let tmp: string;
let installDir: string;
let siteDir: string;

const HASHED_JS = "assets/app-3f2a9c1b.js";
const hashedJs = Buffer.from("export const greeting = 'hello from a hashed asset';\n".repeat(60));
const video = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
const site: Record<string, string | Buffer> = {
  "index.html": "<!doctype html><title>home</title>",
  "404.html": "<!doctype html><title>custom not found</title>",
  [HASHED_JS]: hashedJs,
  "assets/index-BkX9_2aQ.css": "body{}",
  "assets/jquery-datepicker.js": "",
  "assets/baseline-add_24px.svg": "<svg/>",
  "style.css": "body { color: red }",
  "icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
  "font.woff2": "",
  "site.webmanifest": "{}",
  "favicon.ico": "",
  "video.bin": video,
  ".env": "SECRET=do-not-serve",
};

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request to 127.0.0.1: no path normalization, no automatic decompression. */
function request(port: number, pathname: string, headers: Record<string, string> = {}, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: pathname, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", resolve);
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve, reject) => probe.close((error) => (error ? reject(error) : resolve())));
  return port;
}

interface Server {
  port: number;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}
const servers: Server[] = [];

/** Only PATH from this process: no NODE_OPTIONS or loaders from vitest leak into the server. */
function spawnServer(site: string, env: Record<string, string>): Server {
  const port = Number(env.PORT ?? 0);
  const child = spawn(process.execPath, [path.join(installDir, "server.mjs"), site], {
    env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr?.on("data", (data: Buffer) => (output += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server = { port, child, exited, output: () => output };
  servers.push(server);
  return server;
}

async function startServer(env: Record<string, string> = {}, site = siteDir): Promise<Server> {
  const server = spawnServer(site, { PORT: String(await freePort()), ...env });
  // Until it answers, or at once if it exited.
  const outcome = await eventually(
    async () => (server.child.exitCode !== null ? "exited" : (await request(server.port, "/")) && "answered"),
    "the static server answering",
    30_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}:\n${server.output()}`);
  });
  if (outcome === "exited") throw new Error(`static server exited with ${server.child.exitCode}:\n${server.output()}`);
  return server;
}

async function writeTree(root: string, files: Iterable<[string, string | Buffer]>) {
  for (const [rel, content] of files) {
    await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
    await writeFile(path.join(root, rel), content);
  }
}

const runNode = promisify(execFile);

let plain: Server;
let spa: Server;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "pier-static-server-"));
  installDir = path.join(tmp, "install");
  siteDir = path.join(tmp, "site");
  await writeTree(installDir, await staticServerFiles());
  await writeTree(siteDir, Object.entries(site));
  await writeFile(path.join(tmp, "secret.txt"), "outside the site");
  await runNode(process.execPath, [path.join(installDir, "precompress.mjs"), siteDir], {
    env: { PATH: process.env.PATH ?? "" },
  });
  [plain, spa] = await Promise.all([startServer(), startServer({ PIER_SPA: "1" })]);
});

afterAll(async () => {
  for (const server of servers)
    if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await Promise.all(servers.map((server) => server.exited));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe("staticServerFiles", () => {
  it("has the server, its helpers, and sirv with its dependencies, without type declarations", async () => {
    const files = await staticServerFiles();
    for (const name of [
      "server.mjs",
      "precompress.mjs",
      "node_modules/sirv/package.json",
      "node_modules/sirv/build.mjs",
      "node_modules/totalist/sync/index.mjs",
      "node_modules/mrmime/index.mjs",
      "node_modules/@polka/url/build.mjs",
    ]) {
      expect(files.has(name), name).toBe(true);
    }
    const forVercelJson = ["site-rules.mjs", "node_modules/path-to-regexp/package.json"];
    forVercelJson.push("node_modules/path-to-regexp/dist/index.js");
    for (const name of forVercelJson) {
      expect(files.has(name), name).toBe(true);
    }
    expect([...files.keys()].filter((name) => name.endsWith(".d.ts"))).toEqual([]);
  });
});

describe("precompress", () => {
  it("writes .br and .gz next to big compressible files only", () => {
    expect(existsSync(path.join(siteDir, `${HASHED_JS}.br`))).toBe(true);
    expect(existsSync(path.join(siteDir, `${HASHED_JS}.gz`))).toBe(true);
    expect(existsSync(path.join(siteDir, "index.html.br"))).toBe(false); // under 1 KiB
    expect(existsSync(path.join(siteDir, "video.bin.gz"))).toBe(false); // not a text type
  });
});

describe("static server", () => {
  it.each([
    [HASHED_JS, /^text\/javascript/],
    ["style.css", /^text\/css/],
    ["icon.svg", /^image\/svg\+xml/],
    ["font.woff2", /^font\/woff2/],
    ["site.webmanifest", /^application\/manifest\+json/],
    ["favicon.ico", /^image\/x-icon/],
    ["", /^text\/html/],
  ])("serves /%s with its content type", async (file, type) => {
    const reply = await request(plain.port, `/${file}`);
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(type);
  });

  it.each([
    [HASHED_JS, "public, max-age=31536000, immutable"],
    ["assets/index-BkX9_2aQ.css", "public, max-age=31536000, immutable"],
    ["", "no-cache"],
    ["index.html", "no-cache"],
    ["style.css", "public, max-age=0, must-revalidate"],
    ["assets/jquery-datepicker.js", "public, max-age=0, must-revalidate"],
    ["assets/baseline-add_24px.svg", "public, max-age=0, must-revalidate"],
  ])("caches /%s as %s", async (file, cacheControl) => {
    expect((await request(plain.port, `/${file}`)).headers["cache-control"]).toBe(cacheControl);
  });

  it("answers a matching If-None-Match with 304", async () => {
    const first = await request(plain.port, "/style.css");
    const etag = first.headers.etag;
    expect(etag).toBeTruthy();
    const again = await request(plain.port, "/style.css", { "if-none-match": etag ?? "" });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("serves the precompressed file to clients that accept it", async () => {
    const reply = await request(plain.port, `/${HASHED_JS}`, { "accept-encoding": "br, gzip" });
    expect(reply.headers["content-encoding"]).toBe("br");
    expect(reply.headers.vary).toMatch(/accept-encoding/i);
    expect(reply.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(reply.body).equals(hashedJs)).toBe(true);
    expect((await request(plain.port, `/${HASHED_JS}`)).headers["content-encoding"]).toBeUndefined();
  });

  it("answers Range requests with the right bytes", async () => {
    const reply = await request(plain.port, "/video.bin", { range: "bytes=100-199" });
    expect(reply.status).toBe(206);
    expect(reply.headers["content-range"]).toBe("bytes 100-199/4096");
    expect(reply.body.equals(video.subarray(100, 200))).toBe(true);
    const suffix = await request(plain.port, "/video.bin", { range: "bytes=-10" });
    expect(suffix.status).toBe(206);
    expect(suffix.body.equals(video.subarray(4086))).toBe(true);
    expect((await request(plain.port, "/video.bin", { range: "bytes=5000-" })).status).toBe(416);
  });

  it("ignores a backwards range, which crashes plain sirv", async () => {
    const reply = await request(plain.port, "/video.bin", { range: "bytes=5-2" });
    expect(reply.status).toBe(200);
    expect(reply.body.equals(video)).toBe(true);
    expect((await request(plain.port, "/style.css")).status).toBe(200);
  });

  it("answers HEAD without a body, and other methods with 405", async () => {
    const head = await request(plain.port, "/style.css", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(site["style.css"]!.length));
    expect(head.body.length).toBe(0);
    expect((await request(plain.port, "/style.css", {}, "POST")).status).toBe(405);
  });

  it.each(["/.env", "/nope", "/nope.js", "/../secret.txt", "/%2e%2e/secret.txt", "/assets/../../secret.txt"])(
    "answers %s with 404 and 404.html",
    async (pathname) => {
      const reply = await request(plain.port, pathname);
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).toBe(site["404.html"]);
    },
  );

  it("in SPA mode, serves index.html for routes but still 404s missing files", async () => {
    const route = await request(spa.port, "/some/route");
    expect(route.status).toBe(200);
    expect(route.body.toString()).toBe(site["index.html"]);
    expect(route.headers["cache-control"]).toBe("no-cache");
    expect((await request(spa.port, "/missing.js")).status).toBe(404);
    expect((await request(spa.port, "/.env")).status).toBe(404);
    expect((await request(spa.port, "/style.css")).status).toBe(200);
  });

  it("exits 0 promptly on SIGTERM", async () => {
    const started = Date.now();
    spa.child.kill("SIGTERM");
    expect(await spa.exited).toBe(0);
    // Promptly: well before the engine's 10 s stop timeout would kill it (the server gives open requests
    // 3 s at most). bench/static-server.ts measures how soon.
    expect(Date.now() - started).toBeLessThan(8_000);
  });
});

describe("symlinks in the site", () => {
  it.each([
    ["a broken symlink", "missing.html", /broken symlink/],
    ["a symlink out of the site", "../secret.txt", /outside the site/],
    ["a symlink to a directory", ".", /symlink to a directory/],
  ])("%s stops the server and precompress with the path", async (_, target, message) => {
    const dir = await mkdtemp(path.join(tmp, "symlink-site-"));
    await writeFile(path.join(dir, "index.html"), "<p>");
    await symlink(target, path.join(dir, "link"));
    const server = spawnServer(dir, { PORT: String(await freePort()) });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(message);
    await expect(
      runNode(process.execPath, [path.join(installDir, "precompress.mjs"), dir], {
        env: { PATH: process.env.PATH ?? "" },
      }),
    ).rejects.toThrow(message);
  });
});

describe("vercel.json rules", () => {
  const vercelJson = {
    redirects: [
      { source: "/old-blog/:slug", destination: "/blog/:slug" },
      { source: "/temporary", destination: "/about", permanent: false },
    ],
    rewrites: [
      { source: "/app/(.*)", destination: "/index.html" },
      { source: "/style.css", destination: "/index.html" },
      { source: "/files/:name*", destination: "/public/:name*" },
      { source: "/passwd", destination: "/../../etc/passwd" },
      { source: "/config", destination: "/vercel.json" },
    ],
    headers: [
      {
        source: "/assets/(.*)",
        headers: [
          { key: "X-Asset", value: "yes" },
          { key: "Cache-Control", value: "public, max-age=60" },
        ],
      },
      { source: "/(.*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ],
  };
  const vercelSite: Record<string, string> = {
    "index.html": "<!doctype html><title>home</title>",
    "about.html": "<!doctype html><title>about</title>",
    "blog/index.html": "<!doctype html><title>blog</title>",
    "blog/hello.html": "<!doctype html><title>hello</title>",
    "assets/app.js": "console.log('app');",
    "style.css": "body { color: blue }",
    "404.html": "<!doctype html><title>vercel site not found</title>",
    ".well-known/security.txt": "Contact: mailto:security@example.com",
    "vercel.json": JSON.stringify(vercelJson),
  };
  let rules: Server;
  let clean: Server;
  let slash: Server;

  /** A server for the site with the config parseVercelJson makes of this vercel.json, as the build will set it. */
  const startWith = (vercel: unknown) => {
    const { config } = parseVercelJson(JSON.stringify(vercel));
    return startServer({ [SITE_CONFIG_ENV]: JSON.stringify(config) }, path.join(tmp, "vercel-site"));
  };

  beforeAll(async () => {
    // The site is <tmp>/vercel-site, so <tmp>/secret.txt is one `..` out of it.
    await writeTree(path.join(tmp, "vercel-site"), Object.entries(vercelSite));
    [rules, clean, slash] = await Promise.all([
      startWith(vercelJson),
      startWith({ cleanUrls: true, trailingSlash: false }),
      startWith({ trailingSlash: true }),
    ]);
  });

  it("logs the rules it applies", () => {
    expect(rules.output()).toMatch(/vercel\.json: 2 redirects, 2 header rules, 5 rewrites/);
  });

  it("redirects with the source's params and the query string, 308 by default", async () => {
    const reply = await request(rules.port, "/old-blog/hello?ref=home");
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe("/blog/hello?ref=home");
  });

  it("redirects with 307 when permanent is false", async () => {
    const reply = await request(rules.port, "/temporary");
    expect(reply.status).toBe(307);
    expect(reply.headers.location).toBe("/about");
  });

  it("serves a rewrite's target with 200 at the URL asked for", async () => {
    for (const pathname of ["/app/x", "/app/deep/route"]) {
      const reply = await request(rules.port, pathname);
      expect(reply.status, pathname).toBe(200);
      expect(reply.body.toString()).toBe(vercelSite["index.html"]);
      expect(reply.headers["cache-control"]).toBe("no-cache");
    }
    expect((await request(rules.port, "/app/x", {}, "POST")).status).toBe(405);
  });

  it("serves a file before a rewrite of its path", async () => {
    const reply = await request(rules.port, "/style.css");
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe(vercelSite["style.css"]);
  });

  it("adds every matching rule's headers, over Pier's own, 404s included", async () => {
    const asset = await request(rules.port, "/assets/app.js");
    expect(asset.headers["x-asset"]).toBe("yes");
    expect(asset.headers["cache-control"]).toBe("public, max-age=60");
    expect(asset.headers["x-frame-options"]).toBe("DENY");
    const css = await request(rules.port, "/style.css");
    expect(css.headers["x-asset"]).toBeUndefined();
    expect(css.headers["x-frame-options"]).toBe("DENY");
    expect(css.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    const missing = await request(rules.port, "/assets/missing.js");
    expect(missing.status).toBe(404);
    expect(missing.headers["x-asset"]).toBe("yes");
    expect(missing.headers["x-frame-options"]).toBe("DENY");
    const notModified = await request(rules.port, "/assets/app.js", { "if-none-match": asset.headers.etag ?? "" });
    expect(notModified.status).toBe(304);
    expect(notModified.headers["x-asset"]).toBe("yes");
  });

  it.each(["/vercel.json", "/vercel.json/", "/%76ercel.json", "/config"])("never serves vercel.json: %s", async (p) => {
    const reply = await request(rules.port, p);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).toBe(vercelSite["404.html"]);
  });

  it.each(["/passwd", "/files/../../secret.txt", "/files/%2e%2e/%2e%2e/secret.txt"])(
    "keeps the rewrite of %s inside the site",
    async (pathname) => {
      const reply = await request(rules.port, pathname);
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).toBe(vercelSite["404.html"]);
    },
  );

  it("with cleanUrls, redirects .html and index paths to the clean URL, which serves the file", async () => {
    for (const [from, to] of [
      ["/about.html", "/about"],
      ["/about.html?x=1", "/about?x=1"],
      ["/blog/index.html", "/blog"],
      ["/blog/hello.html", "/blog/hello"],
      ["/index.html", "/"],
    ]) {
      const reply = await request(clean.port, from!);
      expect(reply.status, from).toBe(308);
      expect(reply.headers.location, from).toBe(to);
    }
    for (const [pathname, file] of [
      ["/about", "about.html"],
      ["/blog", "blog/index.html"],
      ["/blog/hello", "blog/hello.html"],
      ["/", "index.html"],
    ]) {
      const reply = await request(clean.port, pathname!);
      expect(reply.status, pathname).toBe(200);
      expect(reply.body.toString(), pathname).toBe(vercelSite[file!]);
    }
  });

  it("with trailingSlash false, redirects to the path without the slash", async () => {
    for (const [from, to] of [
      ["/about/", "/about"],
      ["/blog/?page=2", "/blog?page=2"],
      ["/style.css/", "/style.css"],
    ]) {
      const reply = await request(clean.port, from!);
      expect(reply.status, from).toBe(308);
      expect(reply.headers.location, from).toBe(to);
    }
    expect((await request(clean.port, "/style.css")).status).toBe(200);
  });

  it("with trailingSlash true, redirects pages to the path with the slash, never files", async () => {
    for (const [from, to] of [
      ["/about", "/about/"],
      ["/blog?page=2", "/blog/?page=2"],
      ["/style.css/", "/style.css"],
    ]) {
      const reply = await request(slash.port, from!);
      expect(reply.status, from).toBe(308);
      expect(reply.headers.location, from).toBe(to);
    }
    for (const [pathname, file] of [
      ["/about/", "about.html"],
      ["/blog/", "blog/index.html"],
      ["/style.css", "style.css"],
      ["/.well-known/security.txt", ".well-known/security.txt"],
      ["/", "index.html"],
    ]) {
      const reply = await request(slash.port, pathname!);
      expect(reply.status, pathname).toBe(200);
      expect(reply.body.toString(), pathname).toBe(vercelSite[file!]);
    }
  });

  it("stops at startup on a config it can't apply", async () => {
    const server = spawnServer(siteDir, { PORT: String(await freePort()), [SITE_CONFIG_ENV]: "{" });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/PIER_SITE_CONFIG: .*JSON/);
  });
});
