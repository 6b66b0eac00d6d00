// Pier's static file server: sirv, plus Pier's cache rules, 404 page, SPA fallback, and the site's vercel.json
// rules (redirects, headers, rewrites, cleanUrls, trailingSlash; see site-rules.mjs).
// Runs in the app's container as `node server.mjs <siteDir>` with env PORT, HOST, PIER_SPA and PIER_SITE_CONFIG;
// the container has only Node, so sirv, path-to-regexp and their dependencies are copied next to this file
// (see files.ts).
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import sirv from "sirv";
import { listSiteFiles } from "./site-files.mjs";
import { loadSiteRules, toSitePath, toUrlPath } from "./site-rules.mjs";

const root = path.resolve(process.argv[2] ?? ".");
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || "0.0.0.0";

// Fails here, with the offending path, on symlinks that would crash or escape sirv's indexer.
const siteFiles = await listSiteFiles(root);

// PIER_SPA: "1" on, "0" off, "auto" (Pier's detection had no say): a site whose only page is index.html
// is a single-page app that routes in the browser, so unknown page paths get index.html.
const pages = siteFiles.filter((f) => f.endsWith(".html") && f !== "404.html");
const spa =
  process.env.PIER_SPA === "1" || (process.env.PIER_SPA === "auto" && pages.length === 1 && pages[0] === "index.html");

// PIER_SITE_CONFIG: the SiteConfig built from the repo's vercel.json at build time (site-config.ts), as JSON.
const rules = (() => {
  try {
    return loadSiteRules(process.env.PIER_SITE_CONFIG);
  } catch (error) {
    throw new Error(`PIER_SITE_CONFIG: ${error.message}`, { cause: error });
  }
})();

// Never served, even when present or a rewrite points at them: the site's vercel.json (and compressed copies).
const REFUSED = /^\/vercel\.json(?:\.br|\.gz)?\/?$/;

// Paths the SPA fallback leaves as 404s, as sirv's `single` mode does: file names with an extension, dotfiles.
const NOT_SPA_ROUTES = [/[/]([A-Za-z\s\d~$._-]+\.\w+){1,}$/, /\/\./];

const notFoundFile = path.join(root, "404.html");
const notFoundPage = existsSync(notFoundFile) ? readFileSync(notFoundFile) : null;

/*
 * Cache rule, by request path:
 * - A name with a content hash is never revalidated (`immutable`, a year): its bytes can't change without its
 *   name changing. A hash is a "."/"-"-separated part of the name (not the extension) that is 8+ hex chars
 *   with a digit and a letter (webpack, CRA, Parcel: main.3f2a9c1b.js), or, under /assets/ or /static/,
 *   8+ base64url chars with a digit, an upper- and a lowercase letter (Vite: index-BkX9_2aQ.css). Everything
 *   under /_next/static/ is content-addressed too. Names that look like words ("datepicker", "home_24px")
 *   don't count: a wrong `immutable` pins a stale file for a year, a missed hash only costs a 304.
 * - HTML, and extensionless paths (they resolve to HTML, or to index.html in SPA mode): `no-cache`, so a
 *   deploy shows on the next page load.
 * - Everything else: cacheable, but revalidated on every use (the ETag makes that a cheap 304).
 */
const IMMUTABLE = "public, max-age=31536000, immutable";
const isHexHash = (part) => /^[0-9a-f]{8,}$/.test(part) && /\d/.test(part) && /[a-f]/.test(part);
const isBase64Hash = (part) => /^\w{8,}$/.test(part) && /\d/.test(part) && /[A-Z]/.test(part) && /[a-z]/.test(part);

function cacheControl(pathname) {
  const name = pathname.slice(pathname.lastIndexOf("/") + 1);
  const parts = name.split(/[.-]/).slice(0, -1);
  if (pathname.startsWith("/_next/static/") || parts.some(isHexHash)) return IMMUTABLE;
  if (/\/(assets|static)\//.test(pathname) && parts.some(isBase64Hash)) return IMMUTABLE;
  if (!name.includes(".") || /\.html?$/.test(name)) return "no-cache";
  return "public, max-age=0, must-revalidate";
}

// Types mrmime lacks or sends without a charset.
const EXTRA_TYPES = new Map([
  ["ico", "image/x-icon"],
  ["eot", "application/vnd.ms-fontobject"],
  ["txt", "text/plain; charset=utf-8"],
]);

/**
 * sirv's Range parsing reads "bytes=-500" as 0-500, "bytes=0-0" as the whole file, and throws (crashing the
 * process) on "bytes=5-2". So a valid single range is rewritten as an explicit "start-end" sirv gets right,
 * and anything else is dropped, which RFC 9110 allows: the client gets the whole file with 200.
 */
function normalizeRange(req, stats) {
  const header = req.headers.range;
  if (header === undefined) return;
  delete req.headers.range;
  // sirv's ETags are weak, which If-Range never matches; a date must be this file's Last-Modified.
  const ifRange = req.headers["if-range"];
  if (ifRange !== undefined && ifRange !== stats.mtime.toUTCString()) return;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return;
  const size = stats.size;
  let start, end;
  if (match[1] === "") {
    start = Math.max(0, size - Number(match[2]));
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
    if (match[2] !== "" && Number(match[2]) < start) return;
  }
  if (start >= size)
    end = start; // unsatisfiable: sirv answers 416
  else if (end === 0 && size > 1) return; // sirv would read this end of 0 as "to the end"
  req.headers.range = `bytes=${start}-${end}`;
}

/**
 * Per response: the path the client asked for, whose cache rule applies even when a rewrite or the SPA
 * fallback serves another file, and the headers vercel.json adds.
 */
const answers = new WeakMap();

/** vercel.json's headers win over Pier's own (a site may set its own Cache-Control). */
function addSiteHeaders(res) {
  for (const [key, value] of answers.get(res)?.headers ?? []) res.setHeader(key, value);
}

function notFound(res) {
  res.statusCode = 404;
  res.setHeader("Cache-Control", "no-cache");
  res.setHeader("Content-Type", notFoundPage ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
  addSiteHeaders(res);
  res.end(notFoundPage ?? "Not found\n");
}

const serve = sirv(root, {
  etag: true,
  brotli: true,
  gzip: true,
  dotfiles: false,
  // No `single`: the SPA fallback comes after vercel.json's rewrites, so it is done in `handle`.
  setHeaders(res, pathname, stats) {
    res.setHeader("Cache-Control", cacheControl(answers.get(res)?.cachePath ?? pathname));
    const type = EXTRA_TYPES.get(pathname.slice(pathname.lastIndexOf(".") + 1).toLowerCase());
    if (type) res.setHeader("Content-Type", type);
    normalizeRange(res.req, stats);
    addSiteHeaders(res);
  },
});

/** Serves the file at `sitePath` if there is one (sirv also tries .html and /index.html), else calls `next`. */
function serveFile(req, res, sitePath, next) {
  if (REFUSED.test(sitePath)) return next();
  req.url = toUrlPath(sitePath);
  serve(req, res, next);
}

/**
 * Vercel's order: redirects (cleanUrls, trailingSlash, then vercel.json's), headers, the files, rewrites (the
 * first whose target is a file), then Pier's SPA fallback (extensionless paths get index.html) or the 404.
 */
function handle(req, res) {
  const sitePath = toSitePath(req.url);
  const redirect = rules.redirect(sitePath, /^[^?#]*(\?[^#]*)/.exec(req.url)?.[1] ?? "");
  if (redirect) {
    res.writeHead(redirect.status, { Location: redirect.location }).end();
    return;
  }
  answers.set(res, { cachePath: sitePath, headers: rules.headersFor(sitePath) });
  addSiteHeaders(res); // on 304s and 416s too, which skip setHeaders
  const rewrites = rules.rewriteTargets(sitePath);
  const fallBack = () => {
    const rewrite = rewrites.next();
    if (!rewrite.done) serveFile(req, res, rewrite.value, fallBack);
    else if (spa && !NOT_SPA_ROUTES.some((pattern) => pattern.test(sitePath))) {
      serveFile(req, res, "/index.html", () => notFound(res));
    } else notFound(res);
  };
  serveFile(req, res, sitePath, fallBack);
}

const server = createServer((req, res) => {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const url = req.url;
  // sirv pipes a file stream without an error listener, so an unreadable file would crash the whole server.
  res.once("pipe", (source) =>
    source.once("error", (error) => {
      console.error(`static server: ${url}: ${error.message}`);
      res.destroy();
    }),
  );
  try {
    handle(req, res);
  } catch (error) {
    console.error(`static server: ${url}: ${error.stack ?? error}`);
    if (res.headersSent) res.destroy();
    else res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("Internal server error\n");
  }
});

const listening = `${host}:${port}${spa ? " (SPA)" : ""}${rules.summary ? `; vercel.json: ${rules.summary}` : ""}`;
server.listen(port, host, () => console.log(`static server: serving ${root} on ${listening}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  // An in-flight download must not hold the container past its stop grace period.
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
