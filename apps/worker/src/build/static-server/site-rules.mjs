// The vercel.json rules a static site can carry (validated at build time by site-config.ts, which reads the
// repo's vercel.json), compiled once at startup and applied per request by server.mjs, in Vercel's order:
// cleanUrls, trailingSlash, redirects, headers, [the files], rewrites.
//
// Rules match "site paths": the request path as sirv sees it (decodeURI'd), so a header rule covers every
// spelling of a URL that reaches the same file, and a rewrite target is looked up the way a request is.
import path from "node:path";
import { pathToRegexp } from "path-to-regexp";

/** A vercel.json `source`, compiled as Vercel compiles it; throws on a pattern path-to-regexp rejects. */
export function compileSource(source) {
  const keys = [];
  const regexp = pathToRegexp(source, keys, { strict: true, sensitive: true, delimiter: "/" });
  // Unnamed groups, `(.*)`, get numeric names; only named ones are `:name` in a destination.
  return { regexp, names: keys.map((key) => (typeof key.name === "string" ? key.name : undefined)) };
}

/** The request path sirv looks a file up by: the URL's path, decodeURI'd when that is possible. */
export function toSitePath(url) {
  let end = url.length;
  for (const mark of ["?", "#"]) {
    const at = url.indexOf(mark, 1);
    if (at !== -1 && at < end) end = at;
  }
  const pathname = url.slice(0, end);
  try {
    return decodeURI(pathname);
  } catch {
    return pathname;
  }
}

// Characters a URL path may carry as they are; everything else is percent-encoded.
const URL_PATH_CHARS = String.raw`\w\-.~!$&'()*+,;=:@/`;
const NEEDS_ENCODING = new RegExp(`[^${URL_PATH_CHARS}]`, "gu");
const NEEDS_ENCODING_KEEP_ESCAPES = new RegExp(`%(?![0-9A-Fa-f]{2})|[^${URL_PATH_CHARS}%]`, "gu");

/** The URL path whose decodeURI is exactly `sitePath` (so "%" itself is encoded). */
export function toUrlPath(sitePath) {
  return sitePath.replace(NEEDS_ENCODING, (char) => encodeURIComponent(char));
}

/** For a Location: like toUrlPath, but the escapes decodeURI leaves in a site path (%2F, %3F) stay as sent. */
function toLocationPart(sitePath) {
  return sitePath.replace(NEEDS_ENCODING_KEEP_ESCAPES, (char) => encodeURIComponent(char));
}

/**
 * `template` with `:name` (and, unless `namedOnly`, `$n`) replaced by what the source's params matched, each
 * value run through `encode`. Tokens naming no param stay as written (":8080" in a URL, "$5" in a header).
 */
function substitute(template, { names }, match, encode, namedOnly = false) {
  const tokens = namedOnly ? /:(\w+)[*+?]?/g : /:(\w+)[*+?]?|\$(\d+)/g;
  return template.replace(tokens, (token, name, number) => {
    const index = name !== undefined ? names.indexOf(name) : Number(number) - 1;
    if (index < 0 || index >= names.length) return token;
    return encode(match[index + 1] ?? "");
  });
}

// A Location built from a request path must stay on this site: "//evil.example" is another host to a browser.
const sameSite = (location) => location.replace(/^[/\\]+/, "/");

function withQuery(location, search) {
  if (search === "" || search === "?") return location;
  const hashAt = location.indexOf("#");
  const [base, hash] = hashAt === -1 ? [location, ""] : [location.slice(0, hashAt), location.slice(hashAt)];
  return `${base}${base.includes("?") ? "&" : "?"}${search.slice(1)}${hash}`;
}

/** cleanUrls and trailingSlash as Vercel's routing-utils spell them: [pattern, Location from its match]. */
function normalisingRedirects({ cleanUrls, trailingSlash }) {
  const slash = trailingSlash === true ? "/" : "";
  const redirects = [];
  if (cleanUrls) {
    // /index, /index.html, /blog/index.html → / and /blog; /about.html → /about.
    redirects.push([/^\/(?:(.+)\/)?index(?:\.html)?\/?$/, (m) => (m[1] === undefined ? "/" : `/${m[1]}${slash}`)]);
    redirects.push([/^\/(.*)\.html\/?$/, (m) => (m[1] === "" ? "/" : `/${m[1]}${slash}`)]);
  }
  if (trailingSlash === true) {
    // A last segment without a dot gets its slash; a file name (with an extension) loses one. Not /.well-known.
    redirects.push([/^\/\.well-known(?:\/.*)?$/, () => undefined]);
    redirects.push([/^\/((?:[^/]+\/)*[^/.]+)$/, (m) => `/${m[1]}/`]);
    redirects.push([/^\/((?:[^/]+\/)*[^/]+\.\w+)\/$/, (m) => `/${m[1]}`]);
  } else if (trailingSlash === false) {
    redirects.push([/^\/(.*)\/$/, (m) => `/${m[1]}`]);
  }
  return redirects;
}

const count = (n, noun) => (n === 0 ? "" : `${n} ${noun}${n === 1 ? "" : "s"}`);

function compileRules(list, field) {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`${field} must be an array`);
  return list.map((rule, i) => {
    try {
      return { ...rule, ...compileSource(rule.source) };
    } catch (error) {
      throw new Error(`${field}[${i}].source ${JSON.stringify(rule?.source)}: ${error.message}`, { cause: error });
    }
  });
}

/**
 * The rules from a SiteConfig (site-config.ts), as the JSON text of PIER_SITE_CONFIG; none when it is empty
 * or absent. Throws on a config the server can't apply, so a bad one stops the container at startup.
 */
export function loadSiteRules(json) {
  const config = (json ? JSON.parse(json) : null) ?? {};
  const normalising = normalisingRedirects(config);
  const redirects = compileRules(config.redirects, "redirects");
  const headers = compileRules(config.headers, "headers");
  const rewrites = compileRules(config.rewrites, "rewrites");

  return {
    summary: [
      config.cleanUrls ? "cleanUrls" : "",
      config.trailingSlash !== undefined ? `trailingSlash: ${config.trailingSlash}` : "",
      count(redirects.length, "redirect"),
      count(headers.length, "header rule"),
      count(rewrites.length, "rewrite"),
    ]
      .filter(Boolean)
      .join(", "),

    /** Where to send the client, as { status, location }, or undefined to serve the request. */
    redirect(sitePath, search) {
      for (const [pattern, target] of normalising) {
        const match = pattern.exec(sitePath);
        if (!match) continue;
        const location = target(match.map((part) => (part === undefined ? undefined : toLocationPart(part))));
        if (location === undefined) break;
        return { status: 308, location: withQuery(sameSite(location), search) };
      }
      for (const rule of redirects) {
        const match = rule.regexp.exec(sitePath);
        if (!match) continue;
        const location = substitute(rule.destination, rule, match, toLocationPart);
        const local = /^\/(?![/\\])/.test(rule.destination); // not "//host/…", which the rule chose to name
        return { status: rule.statusCode ?? 308, location: withQuery(local ? sameSite(location) : location, search) };
      }
      return undefined;
    },

    /** The [key, value] pairs every matching header rule adds, in order (a later rule wins a shared key). */
    headersFor(sitePath) {
      const pairs = [];
      for (const rule of headers) {
        const match = rule.regexp.exec(sitePath);
        if (!match) continue;
        // As on Vercel, a value may use the source's named params (`:lang`), but a literal "$1" is kept.
        for (const { key, value } of rule.headers) {
          pairs.push([key, substitute(value, rule, match, toLocationPart, true)]);
        }
      }
      return pairs;
    },

    /**
     * The site paths the matching rewrites point to, in order, for the server to try until one is a file.
     * Normalised, so `..` never climbs above the site's root.
     */
    *rewriteTargets(sitePath) {
      for (const rule of rewrites) {
        const match = rule.regexp.exec(sitePath);
        if (!match) continue;
        const target = toSitePath(substitute(rule.destination, rule, match, toUrlPath));
        if (target.startsWith("/")) yield path.posix.normalize(target);
      }
    },
  };
}
