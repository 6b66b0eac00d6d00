import type { Prisma } from "@pier/db";
import { needsAcmeCertificate, requestIssuance, type ServedCertificate } from "@pier/certificates";
import type { DomainSpec } from "@pier/shared";

/** What making an app's pier.json domains equal to a deployment's list changed. */
export interface ConfigDomainsChange {
  added: string[];
  /** Redirect or status changed. */
  updated: string[];
  removed: string[];
  /** Listed (or due to go) but left as they are, and why: another app's now, or still a redirect's target. */
  skipped: Array<{ name: string; why: string }>;
  /** Names whose certificate was asked for: announce them once the transaction commits. */
  certificates: string[];
  /** Operator certificate files that could not be read (their names were treated as uncovered). */
  unreadable: string[];
}

/**
 * Inside a release's transaction: the app's CONFIG domains become `listed` (the live deployment's pier.json).
 * Missing ones are added, with a certificate asked for unless a wildcard or an operator's covers them; CONFIG
 * domains no longer listed are removed. Domains added through the API or the dashboard are never touched. A listed
 * name that became another app's since the deployment was checked is skipped (and so is a redirect to it), as is
 * the removal of a domain one of the app's own (API) domains still redirects to.
 */
export async function syncConfigDomains(
  tx: Prisma.TransactionClient,
  appId: string,
  listed: readonly DomainSpec[],
  operator: readonly ServedCertificate[],
): Promise<ConfigDomainsChange> {
  const change: ConfigDomainsChange = {
    added: [],
    updated: [],
    removed: [],
    skipped: [],
    certificates: [],
    unreadable: [],
  };
  const existing = await tx.domain.findMany({
    where: { OR: [{ appId }, { name: { in: listed.map((d) => d.name) } }] },
    include: { app: { select: { name: true } } },
  });
  const byName = new Map(existing.map((d) => [d.name, d]));
  const owner = (name: string) => {
    const found = byName.get(name);
    return found && found.appId !== appId ? found.app.name : null;
  };
  const kept: DomainSpec[] = [];
  for (const domain of listed) {
    const other = owner(domain.name);
    const target = domain.redirectTo === null ? null : owner(domain.redirectTo);
    if (other) change.skipped.push({ name: domain.name, why: `it belongs to app ${other}` });
    else if (target)
      change.skipped.push({ name: domain.name, why: `it redirects to ${domain.redirectTo}, app ${target}'s` });
    else kept.push(domain);
  }

  const toAdd = kept.filter((d) => !byName.has(d.name));
  if (toAdd.length > 0) {
    await tx.domain.createMany({
      data: toAdd.map((d) => ({ ...d, appId, source: "CONFIG" })),
      skipDuplicates: true,
    });
    // Someone may have added one of these names to another app since this transaction read them.
    const mine = await tx.domain.findMany({
      where: { name: { in: toAdd.map((d) => d.name) }, appId, source: "CONFIG" },
      select: { name: true },
    });
    for (const domain of toAdd) {
      if (!mine.some((m) => m.name === domain.name)) {
        change.skipped.push({ name: domain.name, why: "another app added it meanwhile" });
        continue;
      }
      change.added.push(domain.name);
      if (!needsAcmeCertificate(domain.name, operator)) continue;
      await requestIssuance(tx, domain.name);
      change.certificates.push(domain.name);
    }
  }
  for (const domain of kept) {
    const current = byName.get(domain.name);
    if (current?.source !== "CONFIG") continue;
    if (current.redirectTo === domain.redirectTo && current.redirectStatus === domain.redirectStatus) continue;
    await tx.domain.update({
      where: { name: domain.name },
      data: { redirectTo: domain.redirectTo, redirectStatus: domain.redirectStatus },
    });
    change.updated.push(domain.name);
  }

  const listedNames = new Set(listed.map((d) => d.name));
  const staying = existing.filter((d) => d.appId === appId && (d.source !== "CONFIG" || listedNames.has(d.name)));
  for (const domain of existing) {
    if (domain.appId !== appId || domain.source !== "CONFIG" || listedNames.has(domain.name)) continue;
    const redirecting = staying.find((d) => d.redirectTo === domain.name);
    if (redirecting) {
      change.skipped.push({ name: domain.name, why: `kept: ${redirecting.name} still redirects to it` });
      continue;
    }
    // Its certificate stays: adding the name again needs no new issuance (the CA's rate limits).
    await tx.domain.delete({ where: { name: domain.name } });
    change.removed.push(domain.name);
  }
  return change;
}

/** A release's log lines about its pier.json domains: what changed, and each name skipped with why. */
export function domainsChangeLines(change: ConfigDomainsChange | null): string[] {
  if (!change) return [];
  const lines: string[] = [];
  const list = (label: string, names: string[]) => {
    if (names.length > 0) lines.push(`Domains (pier.json) ${label}: ${names.join(", ")}`);
  };
  list("added", change.added);
  list("changed", change.updated);
  list("removed", change.removed);
  for (const { name, why } of change.skipped) lines.push(`Warning: domain ${name} (pier.json) skipped: ${why}`);
  for (const problem of change.unreadable) lines.push(`Warning: an operator certificate can't be read: ${problem}`);
  return lines;
}
