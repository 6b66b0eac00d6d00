import { UnrecoverableError } from "bullmq";

/**
 * GitHub didn't take a report now (no answer in time, 5xx, rate limited). The report worker rethrows it so BullMQ
 * tries again with back-off; `status` is GitHub's answer when there was one.
 */
export class GithubUnavailableError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "GithubUnavailableError";
  }
}

/**
 * GitHub refused a report for good (401, 404, 422: no access to the repository, an unknown commit): trying again
 * can't help, so the job fails now.
 */
export class GithubRefusedError extends UnrecoverableError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "GithubRefusedError";
  }
}

/** What an error from a GitHub call means for the job: retry (unavailable) or stop (refused). */
export function githubCallError(what: string, error: unknown): GithubUnavailableError | GithubRefusedError {
  const status = (error as { status?: unknown }).status;
  const message = error instanceof Error ? error.message : String(error);
  const headers = (error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {};
  const rateLimited = status === 429 || (status === 403 && headers["x-ratelimit-remaining"] === "0");
  if (typeof status === "number" && status >= 400 && status < 500 && !rateLimited)
    return new GithubRefusedError(`GitHub refused ${what} (${status}): ${message}`, status);
  return new GithubUnavailableError(
    `GitHub did not take ${what}: ${message}`,
    typeof status === "number" ? status : undefined,
    { cause: error },
  );
}
