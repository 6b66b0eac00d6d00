import { isDatabaseUnavailable } from "@pier/db";
import { RuntimeRequestError, RuntimeUnavailableError } from "@pier/runtime";
import { UnrecoverableError } from "bullmq";

/**
 * A deployment failed for a reason that retrying won't change (build error, unhealthy app, bad repo).
 * The worker marks the deployment FAILED with `reason` and tells BullMQ not to retry.
 */
export class DeployFailedError extends UnrecoverableError {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "DeployFailedError";
  }
}

/** Something outside Pier was briefly unavailable (network, Docker engine): BullMQ retries the job. */
export class TransientError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TransientError";
  }
}

/**
 * Worth another attempt: Docker, git or the database was briefly out of reach (restarting, a network
 * blip), or the Docker engine failed a request on its side (a 5xx: an engine shutting down answers
 * like that; a request it refuses is a 4xx, and retrying won't change that).
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof RuntimeRequestError) return (error.statusCode ?? 0) >= 500;
  return error instanceof TransientError || error instanceof RuntimeUnavailableError || isDatabaseUnavailable(error);
}
