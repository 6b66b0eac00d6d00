// Types for site-rules.mjs, which runs as-is in the app's container; site-config.ts and the tests import it.

export interface CompiledSource {
  regexp: RegExp;
  /** Each capture group's param name; undefined for an unnamed group such as `(.*)`. */
  names: (string | undefined)[];
}

export function compileSource(source: string): CompiledSource;

export function toSitePath(url: string): string;

export function toUrlPath(sitePath: string): string;

export interface SiteRules {
  /** What the server logs at startup: "cleanUrls, 3 redirects", or "" without rules. */
  summary: string;
  redirect(sitePath: string, search: string): { status: number; location: string } | undefined;
  headersFor(sitePath: string): [key: string, value: string][];
  rewriteTargets(sitePath: string): Generator<string, void, undefined>;
}

export function loadSiteRules(json: string | undefined): SiteRules;
