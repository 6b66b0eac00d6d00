import { coversHost, readOperatorCertificates } from "./operator-certificates.ts";
import type { CertificateDeps, CertificateOwner } from "./deps.ts";

/**
 * The names that need an ACME certificate, each with the app it is a domain of: the domains of this controller's
 * apps (PIER_CONTROLLER_APP_PREFIX) and the API's PIER_API_DOMAIN (only for the controller of every app). Left out:
 * wildcards (only an operator certificate serves those) and names an operator certificate covers.
 */
export async function certificateNamesInUse(deps: CertificateDeps): Promise<Map<string, CertificateOwner>> {
  const { config, prisma } = deps;
  const prefix = config.PIER_CONTROLLER_APP_PREFIX;
  const domains = await prisma.domain.findMany({
    where: { app: { name: { startsWith: prefix } } },
    select: { name: true, app: { select: { id: true, name: true } } },
    orderBy: { name: "asc" },
  });
  const names = new Map<string, CertificateOwner>();
  if (prefix === "" && config.PIER_API_DOMAIN) names.set(config.PIER_API_DOMAIN, null);
  for (const domain of domains) if (!domain.name.startsWith("*.")) names.set(domain.name, domain.app);
  const covered = await operatorNames(deps);
  for (const name of names.keys()) if (coversHost(covered, name)) names.delete(name);
  return names;
}

/**
 * Every name the operator's certificates cover. A file (or the directory) that can't be read is logged and covers
 * nothing: an extra ACME certificate does no harm, a renewal skipped for every domain would.
 */
async function operatorNames(deps: CertificateDeps): Promise<string[]> {
  const dir = deps.config.PIER_TLS_CERT_DIR;
  const report = (error: unknown) =>
    deps.logger.error({ err: error, dir }, "an operator certificate can't be read; the names it covers get ACME ones");
  return (await readOperatorCertificates(dir, report)).flatMap((certificate) => certificate.names);
}
