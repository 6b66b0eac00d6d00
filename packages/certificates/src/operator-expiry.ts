import type { NotificationEvent } from "@pier/shared";
import { sendAlert } from "./certificate-alerts.ts";
import { EXPIRY_WARNING_MS } from "./certificate-schedule.ts";
import type { CertificateDeps } from "./deps.ts";
import { readOperatorCertificates, type ServedCertificate } from "./operator-certificates.ts";

const DAY_MS = 24 * 60 * 60_000;
/** Remembered past any certificate's warning window: one alert per certificate (its serial), not one per pass. */
const ALERTED_TTL_SECONDS = 60 * 24 * 60 * 60;

const alertedKey = (certificate: ServedCertificate) => `pier:certificates:operator-expiry:${certificate.serial}`;

/**
 * Pier renews none of the operator's certificates (PIER_TLS_CERT_DIR): one that expires within 14 days (or has
 * expired) is announced once, saying which file to replace. Only the controller of every app does this (empty
 * PIER_CONTROLLER_APP_PREFIX): the files are the platform's, not an app's.
 */
export async function announceExpiringOperatorCertificates(deps: CertificateDeps, now: Date): Promise<string[]> {
  if (deps.config.PIER_CONTROLLER_APP_PREFIX !== "") return [];
  const report = (error: Error) =>
    deps.logger.error({ err: error }, "an operator certificate can't be read (PIER_TLS_CERT_DIR)");
  const certificates = await readOperatorCertificates(deps.config.PIER_TLS_CERT_DIR, report);
  const announced: string[] = [];
  for (const certificate of certificates) {
    if (certificate.notAfter.getTime() - now.getTime() > EXPIRY_WARNING_MS) continue;
    const first = await deps.redis.set(alertedKey(certificate), now.toISOString(), "EX", ALERTED_TTL_SECONDS, "NX");
    if (first !== "OK") continue;
    await sendAlert(deps, operatorExpiringAlert(certificate, now));
    announced.push(certificate.id);
  }
  return announced;
}

export function operatorExpiringAlert(certificate: ServedCertificate, now: Date): NotificationEvent {
  const leftMs = certificate.notAfter.getTime() - now.getTime();
  const when = leftMs > 0 ? `expires in ${Math.ceil(leftMs / DAY_MS)} day(s)` : "has expired";
  const file = certificate.id.replace(/^operator-/, "");
  return {
    event: "certificate.expiring",
    summary:
      `The operator's certificate ${file} (${certificate.names.join(", ")}) ${when} ` +
      `(${certificate.notAfter.toISOString()}); Pier does not renew it: replace the file in PIER_TLS_CERT_DIR`,
    details: {
      file,
      names: certificate.names,
      serial: certificate.serial,
      notAfter: certificate.notAfter.toISOString(),
    },
    at: now.toISOString(),
  };
}
