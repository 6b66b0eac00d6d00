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
