import { X509Certificate } from "node:crypto";
import type { PrismaClient } from "@pier/db";
import { secretBox, type SecretsSettings } from "@pier/shared";
import { AcmeProblem } from "./acme-problem.ts";
import { describeCertificate } from "./operator-certificates.ts";
import { expiryAlertDue, EXPIRY_WARNING_MS, nextAttemptAt, renewAtOf } from "./certificate-schedule.ts";

// Every change of a certificate's state goes through here: PENDING → ISSUED or FAILED, renewals, retries.

/** A name gets a PENDING certificate, due now, the first time it is in use (a row kept from before is kept). */
export async function ensureCertificates(prisma: PrismaClient, names: string[], now: Date): Promise<void> {
  if (names.length === 0) return;
  await prisma.certificate.createMany({
    data: names.map((name) => ({ name, status: "PENDING" as const, nextAttemptAt: now })),
    skipDuplicates: true,
  });
}

/** Of `names`, the certificates to ask the CA for now: new or failed ones due again, issued ones due for renewal. */
export async function dueCertificates(prisma: PrismaClient, names: string[], now: Date) {
  return prisma.certificate.findMany({
    where: {
      name: { in: names },
      OR: [
        { status: { in: ["PENDING", "FAILED"] }, nextAttemptAt: { lte: now } },
        { status: "ISSUED", renewAt: { lte: now } },
      ],
    },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
  });
}

/** What the routers and the schedule need of an issued chain: its leaf's serial, names and validity. */
export interface IssuedFacts {
  serial: string;
  names: string[];
  notBefore: Date;
  notAfter: Date;
}

/** The facts of a chain the CA issued for `name`; a chain whose leaf does not name it is an error. */
export function issuedFacts(chainPem: string, name: string): IssuedFacts {
  const facts = describeCertificate(chainPem);
  if (!facts.names.includes(name))
    throw new Error(`the CA issued a certificate for ${facts.names.join(", ") || "no name"}, not for ${name}`);
  return { ...facts, notBefore: new Date(new X509Certificate(chainPem).validFrom) };
}

/**
 * The CA issued: the chain and its key (sealed like the other secrets) replace the old ones, renewal is set two
 * thirds into the lifetime, and the failures and the expiry alert of the old certificate are forgotten.
 */
export async function markIssued(
  prisma: PrismaClient,
  settings: SecretsSettings,
  name: string,
  issued: { chainPem: string; keyPem: string; facts: IssuedFacts },
) {
  const { serial, notBefore, notAfter } = issued.facts;
  return prisma.certificate.update({
    where: { name },
    data: {
      status: "ISSUED",
      certPem: issued.chainPem,
      keyPem: secretBox(settings).seal(issued.keyPem),
      serial,
      notBefore,
      notAfter,
      renewAt: renewAtOf(notBefore, notAfter),
      error: null,
      failures: 0,
      nextAttemptAt: null,
      expiryAlertAt: null,
    },
  });
}

/**
 * An attempt failed: FAILED with the CA's own words (or why the CA could not be asked), one more failure, and the
 * next attempt after the back-off (a rate limit's Retry-After at least). A certificate still in service is kept:
 * the routers serve it until it expires.
 */
export async function markFailed(prisma: PrismaClient, name: string, error: unknown, now: Date) {
  const { failures } = await prisma.certificate.findUniqueOrThrow({ where: { name }, select: { failures: true } });
  const problem = error instanceof AcmeProblem ? error : null;
  const cause = { rateLimited: problem?.rateLimited ?? false, retryAfterMs: problem?.retryAfterMs };
  return prisma.certificate.update({
    where: { name },
    data: {
      status: "FAILED",
      error: error instanceof Error ? error.message : String(error),
      failures: failures + 1,
      nextAttemptAt: nextAttemptAt(failures + 1, cause, now),
    },
  });
}

/**
 * Due at once (a retry asked for by hand, a forced renewal): a new or failed certificate's next attempt is now, an
 * issued one's renewal is now. Returns false when the name has no certificate.
 */
export async function makeDueNow(prisma: PrismaClient, name: string, now: Date): Promise<void> {
  await prisma.certificate.createMany({
    data: [{ name, status: "PENDING", nextAttemptAt: now }],
    skipDuplicates: true,
  });
  const certificate = await prisma.certificate.findUniqueOrThrow({ where: { name }, select: { status: true } });
  await prisma.certificate.update({
    where: { name },
    data: certificate.status === "ISSUED" ? { renewAt: now } : { nextAttemptAt: now },
  });
}

/**
 * A domain was added (by hand or a release), in the caller's transaction: a new name is PENDING and due now; a
 * FAILED (or still PENDING) one is due now again; an ISSUED one is kept (its renewal keeps its schedule, and the CA's
 * rate limits are spared when a domain comes back). Ask for a pass (requestCertificate) once the transaction commits.
 */
export async function requestIssuance(
  tx: Pick<PrismaClient, "certificate">,
  name: string,
  now = new Date(),
): Promise<void> {
  await tx.certificate.createMany({ data: [{ name, status: "PENDING", nextAttemptAt: now }], skipDuplicates: true });
  await tx.certificate.updateMany({ where: { name, status: { not: "ISSUED" } }, data: { nextAttemptAt: now } });
}

/** Of `names`, the certificates in service to announce as expiring (see expiryAlertDue). */
export async function expiringCertificates(prisma: PrismaClient, names: string[], now: Date) {
  const candidates = await prisma.certificate.findMany({
    where: {
      name: { in: names },
      certPem: { not: null },
      expiryAlertAt: null,
      notAfter: { lte: new Date(now.getTime() + EXPIRY_WARNING_MS) },
    },
  });
  return candidates.filter((certificate) => expiryAlertDue(certificate, now));
}

/** The expiry alert of the certificate in service went out (once per certificate: a new one clears this). */
export async function markExpiryAlerted(prisma: PrismaClient, name: string, now: Date): Promise<void> {
  await prisma.certificate.update({ where: { name }, data: { expiryAlertAt: now } });
}
