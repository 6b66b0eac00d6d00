import { DeliveryError } from "./errors.ts";

/** Enough of a refusing receiver's answer to tell why ("invalid_payload", "no_service"), not a page of HTML. */
const MAX_ERROR_BODY_BYTES = 1_024;
const MAX_ERROR_BODY_CHARS = 200;

/**
 * POSTs `body` to `url` and returns the receiver's status when it is 2xx; anything else (no answer within
 * `timeoutMs`, connection refused, 3xx, 4xx, 5xx) is a DeliveryError. Redirects are not followed: the signed
 * body goes only to the URL the operator registered.
 */
export async function postDelivery(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const signal = AbortSignal.timeout(timeoutMs);
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal });
  } catch (error) {
    throw new DeliveryError(describeFailure(error, timeoutMs), undefined, { cause: error });
  }
  if (response.ok) {
    // The answer's body means nothing to Pier; cancelling frees the connection.
    await response.body?.cancel();
    return response.status;
  }
  const excerpt = await readExcerpt(response);
  const redirect = response.status >= 300 && response.status < 400 ? " (redirects are not followed)" : "";
  throw new DeliveryError(
    `receiver answered ${response.status}${redirect}${excerpt ? `: ${excerpt}` : ""}`,
    response.status,
  );
}

async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ERROR_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch (error) {
    // The status already says the delivery failed; the body was only a hint, so say it was cut short.
    return `(answer unreadable: ${describeFailure(error, 0)})`;
  } finally {
    await reader.cancel().catch(() => undefined); // Already errored or done: nothing left to free.
  }
  return Buffer.concat(chunks).toString("utf8").replace(/\s+/g, " ").trim().slice(0, MAX_ERROR_BODY_CHARS);
}

/** fetch says "fetch failed" and hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, a TLS error). */
function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `no answer within ${timeoutMs} ms`;
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause ? `${error.message}: ${cause}` : error.message;
}
