import { compileSource } from "./site-rules.mjs";

/**
 * The environment variable that carries a SiteConfig, as JSON, to server.mjs in the app's container
 * (site-rules.mjs applies it). Absent or empty: no rules.
 */
export const SITE_CONFIG_ENV = "PIER_SITE_CONFIG";

export type RedirectStatus = 301 | 302 | 303 | 307 | 308;

export interface SiteRedirect {
  /** A path pattern in path-to-regexp 6 syntax, as on Vercel: `/blog/:slug`, `/docs/:path*`, `/old/(.*)`. */
  source: string;
  /** A path or an http(s) URL; `:name` and `$1` take what the source matched. */
  destination: string;
  statusCode: RedirectStatus;
}

export interface SiteRewrite {
  source: string;
  /** A path in the site. */
  destination: string;
}

export interface SiteHeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

/** The part of a vercel.json Pier's static server honours, validated and normalised. JSON-serialisable. */
export interface SiteConfig {
  redirects: SiteRedirect[];
  rewrites: SiteRewrite[];
  headers: SiteHeaderRule[];
  /** `/about.html` redirects to `/about`, which serves about.html. */
  cleanUrls: boolean;
  /** true: paths without an extension end with "/"; false: no path does; absent: both forms are served. */
  trailingSlash?: boolean;
}

const MAX_RULES = 1000;
const MAX_STRING = 4096;
// The config travels in an environment variable, which Linux caps at 128 KiB (name included).
const MAX_CONFIG_BYTES = 100_000;

const REDIRECT_STATUSES: readonly number[] = [301, 302, 303, 307, 308];
const RULE_FIELDS = {
  redirects: ["source", "destination", "permanent", "statusCode", "has", "missing"],
  rewrites: ["source", "destination", "statusCode", "has", "missing"],
  headers: ["source", "headers", "has", "missing"],
} as const;
type RuleList = keyof typeof RULE_FIELDS;

// Top-level keys this file doesn't note: the schema, and build settings, which are the build's to honour.
const NOT_SERVING = new Set([
  "$schema",
  "buildCommand",
  "installCommand",
  "devCommand",
  "outputDirectory",
  "framework",
  "ignoreCommand",
]);
// Headers the server (sirv, Node) computes per response; a fixed value would corrupt it.
const FRAMING_HEADERS = new Set([
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "trailer",
  "te",
]);

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
// What Node lets a header value carry: no line breaks or other control characters, nothing above U+00FF.
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const EXTERNAL_URL = /^https?:\/\//i;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fail(message: string): never {
  throw new Error(`vercel.json: ${message}`);
}

function text(value: Json | undefined, where: string, what: string): string {
  // A lone surrogate can't be percent-encoded, and so could never reach a URL.
  if (typeof value !== "string" || /[\uD800-\uDFFF]/u.test(value)) fail(`${where} must be ${what}`);
  if (value.length > MAX_STRING) fail(`${where} is longer than ${MAX_STRING} characters`);
  return value;
}

function source(rule: JsonObject, where: string): string {
  const pattern = text(rule.source, `${where}.source`, 'a string starting with "/"');
  if (!pattern.startsWith("/")) fail(`${where}.source must be a string starting with "/"`);
  try {
    compileSource(pattern);
  } catch (error) {
    fail(`${where}.source ${JSON.stringify(pattern)} is not a valid path pattern (${(error as Error).message})`);
  }
  return pattern;
}

/** Spaces and non-ASCII characters percent-encoded, so the destination can go into a Location header. */
function destination(rule: JsonObject, where: string): string {
  const value = text(rule.destination, `${where}.destination`, 'a path starting with "/" or an http(s) URL');
  if (!value.startsWith("/") && !EXTERNAL_URL.test(value)) {
    fail(`${where}.destination must be a path starting with "/" or an http(s) URL`);
  }
  return value.replace(/[^\x21-\x7e]/gu, (char) => encodeURIComponent(char));
}

/**
 * The rules of one list, each validated and turned into its SiteConfig form by `convert`, which notes what it
 * leaves out and returns undefined to skip a rule.
 */
function rules<T>(
  vercel: JsonObject,
  list: RuleList,
  notes: string[],
  convert: (rule: JsonObject, where: string, notes: string[]) => T | undefined,
): T[] {
  const value = vercel[list];
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${list} must be an array`);
  if (value.length > MAX_RULES) {
    fail(`${list} has ${value.length} rules; Pier's static server takes at most ${MAX_RULES}`);
  }
  const converted: T[] = [];
  value.forEach((rule, i) => {
    const where = `${list}[${i}]`;
    if (!isObject(rule)) fail(`${where} must be an object`);
    for (const field of Object.keys(rule)) {
      if (!(RULE_FIELDS[list] as readonly string[]).includes(field)) {
        notes.push(`vercel.json: ${where}.${field} is not supported by Pier's static server; ignored`);
      }
    }
    if (rule.has !== undefined || rule.missing !== undefined) {
      convert(rule, where, []); // a malformed conditional rule still fails like any other
      notes.push(
        `vercel.json: ${where} has "has"/"missing" conditions, which Pier's static server does not ` +
          "support; skipped",
      );
      return;
    }
    const result = convert(rule, where, notes);
    if (result !== undefined) converted.push(result);
  });
  return converted;
}

function redirect(rule: JsonObject, where: string): SiteRedirect {
  const { permanent, statusCode } = rule;
  if (permanent !== undefined && typeof permanent !== "boolean") fail(`${where}.permanent must be true or false`);
  if (statusCode !== undefined && !REDIRECT_STATUSES.includes(statusCode as number)) {
    fail(`${where}.statusCode must be 301, 302, 303, 307 or 308`);
  }
  // Vercel's precedence: `permanent` when given, then `statusCode`, then 308.
  const status = permanent === undefined ? ((statusCode as RedirectStatus | undefined) ?? 308) : permanent ? 308 : 307;
  return { source: source(rule, where), destination: destination(rule, where), statusCode: status };
}

function rewrite(rule: JsonObject, where: string, notes: string[]): SiteRewrite | undefined {
  const pattern = source(rule, where);
  const target = destination(rule, where);
  if (rule.statusCode !== undefined) {
    notes.push(`vercel.json: ${where}.statusCode is not supported by Pier's static server; served with 200`);
  }
  if (target.startsWith("/")) return { source: pattern, destination: target };
  notes.push(`vercel.json: ${where} to an external URL is not supported by Pier's static server; skipped`);
  return undefined;
}

function headerRule(rule: JsonObject, where: string, notes: string[]): SiteHeaderRule {
  const pattern = source(rule, where);
  if (!Array.isArray(rule.headers)) fail(`${where}.headers must be an array of { "key": …, "value": … }`);
  const headers: SiteHeaderRule["headers"] = [];
  rule.headers.forEach((header, i) => {
    const at = `${where}.headers[${i}]`;
    if (!isObject(header)) fail(`${at} must be an object with "key" and "value"`);
    const key = text(header.key, `${at}.key`, "a header name");
    if (!HEADER_NAME.test(key)) fail(`${at}.key ${JSON.stringify(key)} is not a valid header name`);
    const value = text(header.value, `${at}.value`, "a string");
    if (!HEADER_VALUE.test(value)) fail(`${at}.value must not contain line breaks or other control characters`);
    if (FRAMING_HEADERS.has(key.toLowerCase())) {
      notes.push(`vercel.json: ${at} sets ${key}, which Pier's static server sets itself; skipped`);
    } else headers.push({ key, value });
  });
  return { source: pattern, headers };
}

function flag(vercel: JsonObject, key: "cleanUrls" | "trailingSlash"): boolean | undefined {
  const value = vercel[key];
  if (value !== undefined && typeof value !== "boolean") fail(`${key} must be true or false`);
  return value;
}

/**
 * The part of a repo's vercel.json that Pier's static server can honour, and a note for each part it
 * leaves out (for the deploy log). Throws an Error naming the field on invalid JSON or a wrong type.
 */
export function parseVercelJson(json: string): { config: SiteConfig; notes: string[] } {
  let vercel: Json;
  try {
    vercel = JSON.parse(json.replace(/^\uFEFF/, "")) as Json;
  } catch (error) {
    fail(`not valid JSON (${(error as Error).message})`);
  }
  if (!isObject(vercel)) fail("must be a JSON object");

  const notes: string[] = [];
  for (const key of Object.keys(vercel)) {
    if (key in RULE_FIELDS || key === "cleanUrls" || key === "trailingSlash" || NOT_SERVING.has(key)) continue;
    notes.push(
      key === "routes"
        ? 'vercel.json: "routes" (the legacy routing format) is not supported by Pier\'s static server; ignored ' +
            "(use redirects, rewrites and headers)"
        : `vercel.json: ${JSON.stringify(key)} is not supported by Pier's static server; ignored`,
    );
  }

  const config: SiteConfig = {
    redirects: rules(vercel, "redirects", notes, redirect),
    rewrites: rules(vercel, "rewrites", notes, rewrite),
    headers: rules(vercel, "headers", notes, headerRule),
    cleanUrls: flag(vercel, "cleanUrls") ?? false,
  };
  const trailingSlash = flag(vercel, "trailingSlash");
  if (trailingSlash !== undefined) config.trailingSlash = trailingSlash;

  const bytes = Buffer.byteLength(JSON.stringify(config));
  if (bytes > MAX_CONFIG_BYTES) {
    fail(
      `its redirects, rewrites and headers take ${bytes} bytes; Pier's static server takes at most ` +
        `${MAX_CONFIG_BYTES} (they reach it in an environment variable)`,
    );
  }
  return { config, notes };
}
