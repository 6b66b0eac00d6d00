import { createHmac } from "node:crypto";

/** The header JSON deliveries are signed in, named and shaped like GitHub's `X-Hub-Signature-256`. */
export const SIGNATURE_HEADER = "X-Pier-Signature-256";

/**
 * `sha256=<hex HMAC-SHA256 of the raw body>`. Receivers recompute it over the bytes they received (not a
 * re-serialised object) and compare in constant time, so the body sent must be exactly the one signed.
 */
export function signBody(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}
