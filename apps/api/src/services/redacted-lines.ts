import { redactSecrets } from "@pier/shared";
import { Transform } from "node:stream";

/**
 * Redacts secret values from a text stream line by line, as build logs are: a value split across two
 * chunks is still found, because only whole lines go out (a partial one waits for its end, or the end).
 */
export function redactedLines(secrets: readonly string[]): Transform {
  let pending = "";
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const text = pending + chunk.toString("utf8");
      const end = text.lastIndexOf("\n") + 1;
      pending = text.slice(end);
      done(null, end > 0 ? redactSecrets(text.slice(0, end), secrets) : undefined);
    },
    flush(done) {
      done(null, pending ? redactSecrets(pending, secrets) : undefined);
    },
  });
}
