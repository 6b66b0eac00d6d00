/** The ACME problem type of a CA's rate limit (RFC 8555 §6.7); an HTTP 429 says the same. */
export const RATE_LIMITED = "urn:ietf:params:acme:error:rateLimited";
/** The CA knows no account by this key (or no longer knows the account URL used). */
export const ACCOUNT_DOES_NOT_EXIST = "urn:ietf:params:acme:error:accountDoesNotExist";

export interface AcmeProblemFields {
  /** The problem type, e.g. `urn:ietf:params:acme:error:connection` (absent when the CA sent none). */
  type?: string;
  /** The CA's own words. */
  detail: string;
  /** The HTTP status the CA answered with (200 for a challenge it found invalid). */
  status: number;
  /** The CA's Retry-After, when it sent one. */
  retryAfterMs?: number;
}

/**
 * The CA refused: an ACME problem document (RFC 7807), from an error answer or a challenge the CA found invalid.
 * Its message is the CA's detail and type as they were sent, so that is what a person reads on the certificate.
 */
export class AcmeProblem extends Error {
  override name = "AcmeProblem";
  readonly type?: string;
  readonly detail: string;
  readonly status: number;
  readonly retryAfterMs?: number;

  constructor(fields: AcmeProblemFields) {
    super(`${fields.detail} (${fields.type ?? `HTTP ${fields.status}`})`);
    this.type = fields.type;
    this.detail = fields.detail;
    this.status = fields.status;
    this.retryAfterMs = fields.retryAfterMs;
  }

  get rateLimited(): boolean {
    return this.type === RATE_LIMITED || this.status === 429;
  }
}

/** A Retry-After header (seconds, or an HTTP date) in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: unknown, now = Date.now()): number | undefined {
  if (typeof header !== "string" || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
