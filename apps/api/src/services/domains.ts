import type { App, Certificate, Domain, PrismaClient } from "@pier/db";
import {
  certificateDueNow,
  coveringCertificate,
  needsAcmeCertificate,
  readOperatorCertificates,
  requestCertificate,
  requestIssuance,
  type ServedCertificate,
  wildcardRefusal,
} from "@pier/certificates";
import { announceAndWaitForRouters } from "@pier/routing";
import { isWildcardDomain, normalizeDomainName, redirectProblem, type RedirectStatus } from "@pier/shared";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { domainDto } from "../schemas/domain.ts";

export type DomainDto = z.infer<typeof domainDto>;
type OperatorCertificates = ServedCertificate[];
type CertificateFacts = Pick<Certificate, "name" | "status" | "serial" | "notAfter" | "error" | "nextAttemptAt">;

/** What the domain services need: the database, Redis (to tell routers and the controller), config and a log. */
export type DomainDeps = Pick<PierDeps, "config" | "prisma" | "redis"> & { log: Pick<FastifyBaseLogger, "warn"> };

const certificateFacts = {
  name: true,
  status: true,
  serial: true,
  notAfter: true,
  error: true,
  nextAttemptAt: true,
} as const;

/** The operator's certificates now; a bad file is logged (the router says so too) and left out. */
const readOperator = (deps: DomainDeps) =>
  readOperatorCertificates(deps.config.PIER_TLS_CERT_DIR, (error) =>
    deps.log.warn({ err: error }, "an operator certificate can't be read"),
  );

/** A domain as the API shows it: where it is served, and its certificate's state. */
export function toDomainDto(
  domain: Pick<Domain, "name" | "redirectTo" | "redirectStatus" | "source">,
  certificate: CertificateFacts | undefined,
  operator: OperatorCertificates,
  now = new Date(),
): DomainDto {
  const covering = coveringCertificate(operator, domain.name, now);
  const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
  const state: DomainDto["certificate"] = covering
    ? {
        status: "operator",
        expiresAt: iso(covering.notAfter),
        error: null,
        nextAttemptAt: null,
        serial: covering.serial,
      }
    : certificate
      ? {
          status: certificate.status === "ISSUED" ? "issued" : certificate.status === "FAILED" ? "failed" : "pending",
          expiresAt: iso(certificate.notAfter),
          error: certificate.error,
          nextAttemptAt: iso(certificate.nextAttemptAt),
          serial: certificate.serial,
        }
      : { status: "none", expiresAt: null, error: null, nextAttemptAt: null, serial: null };
  // A certificate serves until it expires, even while its renewal fails.
  const served = covering !== undefined || (certificate?.notAfter?.getTime() ?? 0) > now.getTime();
  return {
    name: domain.name,
    redirectTo: domain.redirectTo,
    redirectStatus: domain.redirectStatus,
    source: domain.source === "CONFIG" ? "CONFIG" : "API",
    url: `${served ? "https" : "http"}://${domain.name}`,
    certificate: state,
  };
}

/** Each app's domains (by app id, by name), with their certificates' states: for app views and lists. */
export async function domainsByApp(deps: DomainDeps, appIds: string[]): Promise<Map<string, DomainDto[]>> {
  const domains = await deps.prisma.domain.findMany({ where: { appId: { in: appIds } }, orderBy: { name: "asc" } });
  const byApp = new Map<string, DomainDto[]>(appIds.map((id) => [id, []]));
  if (domains.length === 0) return byApp;
  const [certificates, operator] = await Promise.all([
    deps.prisma.certificate.findMany({ where: { name: { in: domains.map((d) => d.name) } }, select: certificateFacts }),
    readOperator(deps),
  ]);
  const byName = new Map(certificates.map((c) => [c.name, c]));
  for (const domain of domains) byApp.get(domain.appId)?.push(toDomainDto(domain, byName.get(domain.name), operator));
  return byApp;
}

export async function listDomains(deps: DomainDeps, appId: string): Promise<DomainDto[]> {
  return (await domainsByApp(deps, [appId])).get(appId) ?? [];
}

function validName(deps: DomainDeps, input: string, field: string): string {
  const checked = normalizeDomainName(input, deps.config);
  if (!checked.ok) throw new AppError("validation_failed", `${field}: ${checked.error}`, field);
  return checked.name;
}

async function refuseTaken(prisma: PrismaClient, app: App, name: string): Promise<void> {
  const existing = await prisma.domain.findUnique({ where: { name }, include: { app: { select: { name: true } } } });
  if (!existing) return;
  if (existing.appId === app.id)
    throw new AppError("conflict", `${name} is already one of ${app.name}'s domains`, "domain");
  throw new AppError(
    "conflict",
    `${name} belongs to app ${existing.app.name}; remove it there first (a domain serves one app)`,
    "domain",
  );
}

export interface AddDomainInput {
  domain: string;
  redirectTo?: string | undefined;
  redirectStatus: RedirectStatus;
}

/**
 * Adds a domain to the app: served at once (the routers are told), with its certificate asked for unless it is a
 * wildcard (only an operator certificate covering it lets one be added) or an operator certificate covers it.
 * A domain belongs to one app: a second claim is a 409 naming the owner.
 */
export async function addDomain(deps: DomainDeps, app: App, input: AddDomainInput): Promise<DomainDto> {
  const name = validName(deps, input.domain, "domain");
  const redirectTo = input.redirectTo === undefined ? null : validName(deps, input.redirectTo, "redirectTo");
  await refuseTaken(deps.prisma, app, name);
  const operator = await readOperator(deps);
  if (isWildcardDomain(name) && !coveringCertificate(operator, name))
    throw new AppError("validation_failed", `domain: ${wildcardRefusal(name)}`, "domain");
  if (redirectTo !== null) {
    const domains = await deps.prisma.domain.findMany({ where: { appId: app.id } });
    const problem = redirectProblem(name, redirectTo, domains);
    if (problem) throw new AppError("validation_failed", `redirectTo: ${problem}`, "redirectTo");
  }
  const certificate = needsAcmeCertificate(name, operator);
  try {
    await deps.prisma.$transaction(async (tx) => {
      await tx.domain.create({
        data: { name, appId: app.id, redirectTo, redirectStatus: input.redirectStatus, source: "API" },
      });
      if (certificate) await requestIssuance(tx, name);
    });
  } catch (error) {
    // Two apps claiming one name at once: the primary key decides, and the loser hears who won.
    if ((error as { code?: string }).code === "P2002") await refuseTaken(deps.prisma, app, name);
    throw error;
  }
  if (certificate) await requestCertificate(deps.redis, name);
  // Answered once the routers serve it (or after their confirmation timeout: the next resync serves it anyway).
  await announceAndWaitForRouters(deps.redis, deps.config.PIER_ROUTER_ACK_TIMEOUT_MS);
  return (await listDomains(deps, app.id)).find((d) => d.name === name)!;
}

/** The app's domain named `input` (typed as the user likes: any case, Unicode), or a 404 naming it. */
async function findDomain(deps: DomainDeps, app: App, input: string): Promise<Domain> {
  const checked = normalizeDomainName(input);
  const name = checked.ok ? checked.name : input.toLowerCase();
  const domain = await deps.prisma.domain.findUnique({ where: { name } });
  if (!domain || domain.appId !== app.id)
    throw new AppError("not_found", `${name} is not one of ${app.name}'s domains`, "domain");
  return domain;
}

/**
 * Removes a domain: it stops being served at once. Its certificate is kept (adding the name again needs no new
 * issuance: the CA's rate limits). Refused (409) while another of the app's domains redirects to it.
 */
export async function removeDomain(deps: DomainDeps, app: App, input: string): Promise<string> {
  const domain = await findDomain(deps, app, input);
  const redirecting = await deps.prisma.domain.findFirst({ where: { appId: app.id, redirectTo: domain.name } });
  if (redirecting)
    throw new AppError(
      "conflict",
      `${redirecting.name} redirects to ${domain.name}; remove ${redirecting.name} (or its redirect) first`,
      "domain",
    );
  await deps.prisma.domain.delete({ where: { name: domain.name } });
  await announceAndWaitForRouters(deps.redis, deps.config.PIER_ROUTER_ACK_TIMEOUT_MS);
  return domain.name;
}

/**
 * Issues the domain's certificate again now, whatever its state: due now (and its renewal too), and the
 * controller told. A wildcard or a domain an operator certificate serves has none of Pier's to renew (409).
 */
export async function renewCertificate(deps: DomainDeps, app: App, input: string): Promise<DomainDto> {
  const domain = await findDomain(deps, app, input);
  const operator = await readOperator(deps);
  const covering = coveringCertificate(operator, domain.name);
  if (covering)
    throw new AppError(
      "conflict",
      `${domain.name} is served by the operator's certificate (${covering.id.replace(/^operator-/, "")} in ` +
        "PIER_TLS_CERT_DIR): Pier issues none for it; replace that file to renew it",
      "domain",
    );
  if (!needsAcmeCertificate(domain.name, operator))
    throw new AppError("conflict", wildcardRefusal(domain.name), "domain");
  await certificateDueNow(deps.prisma, deps.redis, domain.name);
  return (await listDomains(deps, app.id)).find((d) => d.name === domain.name)!;
}
