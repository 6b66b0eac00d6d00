import { REDIRECT_STATUSES } from "@pier/shared";
import { z } from "zod";
import { examples } from "./common.ts";

// Checked (IDNA, labels, Pier's own hosts) by the service, which knows PIER_DOMAIN: the error names the field.
export const domainName = z.string().min(1, "must be a domain name such as www.example.com").max(300);

export const addDomainBody = z
  .object({
    domain: domainName.describe("www.example.com; internationalized names are stored in punycode"),
    redirectTo: domainName
      .describe("Another domain of this app that this one redirects to (keeping the path), e.g. the apex")
      .optional(),
    redirectStatus: z
      .union(
        REDIRECT_STATUSES.map((status) => z.literal(status)),
        { error: "must be 301 or 308" },
      )
      .default(308),
  })
  .strict()
  .meta(examples({ domain: "www.example.com" }, { domain: "example.com", redirectTo: "www.example.com" }));

export const CERTIFICATE_STATES = ["pending", "issued", "failed", "operator", "none"] as const;

export const domainDto = z.object({
  /** Lowercase ASCII (punycode). */
  name: z.string(),
  redirectTo: z.string().nullable(),
  redirectStatus: z.number(),
  source: z
    .enum(["API", "CONFIG"])
    .describe("API: added through the API or dashboard; CONFIG: listed in the live deployment's pier.json"),
  /** https:// once a certificate serves it, else http://. */
  url: z.string(),
  certificate: z.object({
    status: z
      .enum(CERTIFICATE_STATES)
      .describe(
        "pending: being issued; issued; failed: the CA's error, and when Pier tries again; operator: an operator " +
          "certificate (PIER_TLS_CERT_DIR) serves it; none: no certificate (a wildcard no operator certificate covers)",
      ),
    expiresAt: z.string().nullable(),
    /** The CA's own error from the last failed attempt. */
    error: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    serial: z.string().nullable(),
  }),
});
