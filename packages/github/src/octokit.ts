import { Octokit } from "@octokit/rest";
import type { PierConfig } from "@pier/shared";

// The only importer of @octokit/rest: every call Pier makes to GitHub's REST API goes through a client made here.

export type GithubClient = Octokit;

/** A call GitHub hasn't answered in this long is treated as an outage (the report queue retries it). */
export const GITHUB_REQUEST_TIMEOUT_MS = 10_000;

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

/** A client of PIER_GITHUB_API_URL acting with `token` (an installation token or the app's own). */
export function githubClient(
  config: Pick<PierConfig, "PIER_GITHUB_API_URL">,
  token: string,
  timeoutMs = GITHUB_REQUEST_TIMEOUT_MS,
): GithubClient {
  return new Octokit({
    baseUrl: config.PIER_GITHUB_API_URL.replace(/\/+$/, ""),
    auth: token,
    userAgent: "Pier",
    // Octokit's own logging would print request details to the console; Pier's logs say what matters.
    log: quiet,
    request: {
      fetch: (url: string | URL, init?: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    },
  });
}
