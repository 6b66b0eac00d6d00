import { createHmac, timingSafeEqual } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SIGNATURE_HEADER, signBody } from "../src/signature.ts";

describe("signing JSON deliveries (X-Pier-Signature-256, like GitHub's)", () => {
  it("is sha256=<hex HMAC-SHA256 of the raw body with the secret>", () => {
    // The HMAC-SHA256 test vector of RFC 4231, case 2.
    expect(signBody("Jefe", "what do ya want for nothing?")).toBe(
      "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(SIGNATURE_HEADER).toBe("X-Pier-Signature-256");
  });

  it("signs bytes: a string and its UTF-8 buffer sign the same, any change to the body does not", () => {
    const body = JSON.stringify({ summary: "web: déploiement prêt ✓" });
    expect(signBody("s3cret", body)).toBe(signBody("s3cret", Buffer.from(body, "utf8")));
    expect(signBody("s3cret", body)).not.toBe(signBody("s3cret", `${body} `));
    expect(signBody("s3cret", body)).not.toBe(signBody("other", body));
  });

  it("verifies the way a receiver would, in constant time", () => {
    const secret = "a".repeat(64);
    const raw = Buffer.from('{"event":"app.down"}');
    const header = signBody(secret, raw);
    const expected = createHmac("sha256", secret).update(raw).digest();
    const received = Buffer.from(header.slice("sha256=".length), "hex");
    expect(received.length).toBe(32);
    expect(timingSafeEqual(received, expected)).toBe(true);
  });
});
