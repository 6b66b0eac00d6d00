// When a certificate is renewed, tried again, and said to be expiring: pure decisions, one place.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The wait before the next attempt after the nth failure in a row (the last one repeats): 1 min up to 24 h. */
export const RETRY_DELAYS_MS = [MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR] as const;
/** A CA's rate limit without a Retry-After: an hour at least. */
export const RATE_LIMIT_DEFAULT_WAIT_MS = HOUR;
/** A certificate that expires within this is announced (certificate.expiring) when its renewal is overdue. */
export const EXPIRY_WARNING_MS = 14 * 24 * HOUR;

/** What a failed attempt tells the schedule: whether the CA rate-limited us, and for how long. */
export interface FailureCause {
  rateLimited: boolean;
  retryAfterMs?: number;
}

/** When to try again after `failures` failed attempts in a row, the last one for `cause`. */
export function nextAttemptAt(failures: number, cause: FailureCause, now: Date): Date {
  const step = Math.min(Math.max(failures, 1), RETRY_DELAYS_MS.length) - 1;
  let waitMs: number = RETRY_DELAYS_MS[step]!;
  // A rate limit is the CA asking us to stop: never sooner than it says (nor than the back-off).
  if (cause.rateLimited) waitMs = Math.max(waitMs, cause.retryAfterMs ?? RATE_LIMIT_DEFAULT_WAIT_MS);
  return new Date(now.getTime() + waitMs);
}

/** Two thirds into the certificate's lifetime, as Let's Encrypt and Caddy advise (day 60 of 90). */
export function renewAtOf(notBefore: Date, notAfter: Date): Date {
  const lifetime = notAfter.getTime() - notBefore.getTime();
  return new Date(notBefore.getTime() + Math.floor((lifetime * 2) / 3));
}

export interface ExpiryFacts {
  certPem: string | null;
  notAfter: Date | null;
  renewAt: Date | null;
  expiryAlertAt: Date | null;
}

/**
 * Whether to announce that the certificate in service is about to expire: it expires within 14 days (or has),
 * its renewal is overdue (a short-lived certificate renewed on time is not news), and nobody was told yet about
 * this certificate (a new certificate clears expiryAlertAt).
 */
export function expiryAlertDue(certificate: ExpiryFacts, now: Date): boolean {
  const { certPem, notAfter, renewAt, expiryAlertAt } = certificate;
  if (!certPem || !notAfter || expiryAlertAt) return false;
  const renewalOverdue = !renewAt || renewAt.getTime() <= now.getTime();
  return renewalOverdue && notAfter.getTime() - now.getTime() <= EXPIRY_WARNING_MS;
}
