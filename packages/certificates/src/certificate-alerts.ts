import { notify } from "@pier/notifications";
import type { NotificationEvent } from "@pier/shared";
import type { CertificateDeps, CertificateOwner } from "./deps.ts";

// The notifications about certificates: issued (or renewed), failed (the CA's words and the next attempt), and
// about to expire. Each is about the app whose domain it is, when there is one.

const DAY_MS = 24 * 60 * 60_000;

interface Facts {
  serial: string | null;
  notAfter: Date | null;
  renewAt: Date | null;
  error: string | null;
  failures: number;
  nextAttemptAt: Date | null;
}

const subject = (owner: CertificateOwner, name: string) =>
  owner ? `${owner.name}: the certificate for ${name}` : `The certificate for ${name} (the API's domain)`;
const appOf = (owner: CertificateOwner) => (owner ? { app: { id: owner.id, name: owner.name } } : {});
const iso = (date: Date | null) => date?.toISOString() ?? null;

export function issuedAlert(name: string, owner: CertificateOwner, cert: Facts, renewed: boolean, now: Date) {
  return {
    event: "certificate.issued",
    ...appOf(owner),
    summary: `${subject(owner, name)} was ${renewed ? "renewed" : "issued"}, valid until ${iso(cert.notAfter)}`,
    details: { name, serial: cert.serial, notAfter: iso(cert.notAfter), renewAt: iso(cert.renewAt), renewed },
    at: now.toISOString(),
  } satisfies NotificationEvent;
}

export function failedAlert(name: string, owner: CertificateOwner, cert: Facts, now: Date) {
  const served = cert.notAfter ? `; the current one is served until ${iso(cert.notAfter)}` : "";
  return {
    event: "certificate.failed",
    ...appOf(owner),
    summary:
      `${subject(owner, name)} could not be issued: ${cert.error}. ` +
      `Next attempt at ${iso(cert.nextAttemptAt)}${served}`,
    details: {
      name,
      error: cert.error,
      failures: cert.failures,
      nextAttemptAt: iso(cert.nextAttemptAt),
      servedUntil: iso(cert.notAfter),
    },
    at: now.toISOString(),
  } satisfies NotificationEvent;
}

export function expiringAlert(name: string, owner: CertificateOwner, cert: Facts, now: Date) {
  const leftMs = (cert.notAfter?.getTime() ?? now.getTime()) - now.getTime();
  const when = leftMs > 0 ? `expires in ${Math.ceil(leftMs / DAY_MS)} day(s)` : "has expired";
  const why = cert.error ? `renewing it keeps failing: ${cert.error}` : "it has not been renewed yet";
  return {
    event: "certificate.expiring",
    ...appOf(owner),
    summary: `${subject(owner, name)} ${when} (${iso(cert.notAfter)}); ${why}`,
    details: {
      name,
      notAfter: iso(cert.notAfter),
      error: cert.error,
      failures: cert.failures,
      nextAttemptAt: iso(cert.nextAttemptAt),
    },
    at: now.toISOString(),
  } satisfies NotificationEvent;
}

/** Logs the event and tells the channels; an alert that can't be queued is logged, never thrown. */
export async function sendAlert(deps: CertificateDeps, event: NotificationEvent): Promise<void> {
  const fields = { event: event.event, app: event.app?.name };
  if (event.event === "certificate.issued") deps.logger.info(fields, event.summary);
  else deps.logger.warn(fields, event.summary);
  if (!deps.notifications) return;
  await notify({ prisma: deps.prisma, queue: deps.notifications }, event).catch((error) =>
    deps.logger.error({ err: error, event: event.event }, "could not queue an alert"),
  );
}
