export type ChannelErrorCode = "invalid_channel" | "channel_not_found";

/** A channel can't be created as asked, or doesn't exist. `field` names the input at fault. */
export class ChannelError extends Error {
  constructor(
    readonly code: ChannelErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ChannelError";
  }
}

/**
 * The receiver didn't take a delivery (no answer in time, refused connection, non-2xx). The worker
 * rethrows it so BullMQ retries with back-off; `status` is the receiver's answer when there was one.
 */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}

/**
 * Some alerts could not be recorded or queued (Postgres or Redis failed). The ones in `queued` did leave;
 * the caller logs this and carries on: an alert must never stop the work it reports on.
 */
export class NotifyError extends Error {
  constructor(
    readonly queued: number,
    readonly errors: unknown[],
  ) {
    const messages = errors.map((e) => (e instanceof Error ? e.message : String(e)));
    super(`${errors.length} notification(s) could not be queued (${queued} queued): ${messages.join("; ")}`, {
      cause: errors[0],
    });
    this.name = "NotifyError";
  }
}
