import type { PrismaClient } from "@pier/db";
import type { SecretBox } from "@pier/shared";
import { coveringCertificate, readOperatorCertificates, type ServedCertificate } from "./operator-certificates.ts";

export interface ServedCertificatesOptions {
  /** PIER_TLS_CERT_DIR. */
  certDir?: string;
  /** PIER_API_DOMAIN: its certificate is served too. */
  apiDomain?: string;
  /** A bad operator certificate file: reported, the others still served. */
  onProblem(error: Error): void;
}

/**
 * What the router serves on its TLS port: the operator's certificates, and the ACME certificate of every domain in
 * use (and of the API's domain), keys unsealed. A certificate whose domain was removed is no longer served.
 */
export async function loadServedCertificates(
  prisma: PrismaClient,
  secrets: SecretBox,
  options: ServedCertificatesOptions,
): Promise<ServedCertificate[]> {
  const [operator, domains] = await Promise.all([
    readOperatorCertificates(options.certDir, options.onProblem),
    prisma.domain.findMany({ select: { name: true } }),
  ]);
  const names = domains.map((d) => d.name);
  if (options.apiDomain) names.push(options.apiDomain);
  const rows = await prisma.certificate.findMany({
    where: { name: { in: names }, certPem: { not: null }, keyPem: { not: null } },
    select: { name: true, certPem: true, keyPem: true, serial: true, notAfter: true },
    orderBy: { name: "asc" },
  });
  const acme = rows.map(
    (row): ServedCertificate => ({
      id: `acme-${row.name.replace(/[^a-z0-9.-]/g, "_")}`,
      pem: `${row.certPem!.trim()}\n${secrets.open(row.keyPem!).trim()}\n`,
      serial: row.serial ?? "",
      notAfter: row.notAfter ?? new Date(0),
      names: [row.name],
      source: "acme",
    }),
  );
  return [...operator, ...acme];
}

/** Whether any of these certificates, unexpired, is valid for `host`. */
export function certificateCovers(certificates: ServedCertificate[], host: string, now = new Date()): boolean {
  return coveringCertificate(certificates, host, now) !== undefined;
}
