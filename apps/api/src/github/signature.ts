import { createHmac, timingSafeEqual } from "node:crypto";

/** Checks GitHub's `X-Hub-Signature-256: sha256=<hex>` over the raw body, in constant time. */
export function isValidSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header?.startsWith("sha256=")) return false;
  const received = Buffer.from(header.slice("sha256=".length), "hex");
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return received.length === expected.length && timingSafeEqual(received, expected);
}
