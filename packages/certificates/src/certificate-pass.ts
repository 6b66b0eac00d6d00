import { expiringAlert, sendAlert } from "./certificate-alerts.ts";
import { dueCertificates, ensureCertificates, expiringCertificates, markExpiryAlerted } from "./certificate-state.ts";
import type { CertificateDeps } from "./deps.ts";
import { issueCertificate } from "./issue-certificate.ts";
import { certificateNamesInUse } from "./names-in-use.ts";
import { announceExpiringOperatorCertificates } from "./operator-expiry.ts";

export interface CertificatePassDeps extends CertificateDeps {
  /** Tells the routers to load certificates again (announceRouteChange): called once when any was issued. */
  routesChanged: () => Promise<unknown>;
}

export interface CertificatePassReport {
  /** Names issued or renewed in this pass. */
  issued: string[];
  /** Names whose attempt failed in this pass (their certificate says why and when it is tried again). */
  failed: string[];
  /** Names announced as expiring in this pass (operator certificates by file: `operator-<file>`). */
  expiring: string[];
}

/**
 * One look at every certificate this controller looks after: each name in use gets a certificate row (PENDING the
 * first time); the due ones (new, failed and due again, or due for renewal) are asked of the CA one at a time;
 * the routers are told once if any was issued; certificates in service about to expire are announced (the
 * operator's too: Pier renews none of those). A
 * certificate whose name is no longer in use is kept but neither renewed nor announced. Run it under a lock: two
 * passes at once would each order the same certificates.
 */
export async function runCertificatePass(deps: CertificatePassDeps): Promise<CertificatePassReport> {
  const { prisma } = deps;
  const inUse = await certificateNamesInUse(deps);
  const names = [...inUse.keys()];
  await ensureCertificates(prisma, names, new Date());
  const report: CertificatePassReport = { issued: [], failed: [], expiring: [] };
  for (const certificate of await dueCertificates(prisma, names, new Date())) {
    const outcome = await issueCertificate(deps, certificate.name, inUse.get(certificate.name) ?? null);
    report[outcome === "ISSUED" ? "issued" : "failed"].push(certificate.name);
  }
  if (report.issued.length > 0) await deps.routesChanged();
  const now = new Date();
  for (const certificate of await expiringCertificates(prisma, names, now)) {
    await markExpiryAlerted(prisma, certificate.name, now);
    await sendAlert(deps, expiringAlert(certificate.name, inUse.get(certificate.name) ?? null, certificate, now));
    report.expiring.push(certificate.name);
  }
  report.expiring.push(...(await announceExpiringOperatorCertificates(deps, now)));
  return report;
}
