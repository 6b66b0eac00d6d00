import { domainToASCII } from "node:url";
import { z } from "zod";

/** Host names that are Pier's own, never an app's domain: `<app>.PIER_DOMAIN` (and PIER_DOMAIN), PIER_API_DOMAIN. */
export interface OwnHosts {
  PIER_DOMAIN: string;
  PIER_API_DOMAIN?: string | undefined;
}

export type DomainNameCheck = { ok: true; name: string } | { ok: false; error: string };

/** The statuses a redirecting domain may answer with: permanent, 301 (may turn a POST into a GET) or 308. */
export const REDIRECT_STATUSES = [301, 308] as const;
export type RedirectStatus = (typeof REDIRECT_STATUSES)[number];

/** `*.example.com`: a wildcard covers exactly one label, and only an operator's certificate can serve it. */
export const isWildcardDomain = (name: string) => name.startsWith("*.");

const MAX_NAME = 253;
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
// Before IDNA: letters, digits, '.', '-' and '*', or any non-ASCII letter. Anything else (':', '/', '%', '@', '_',
// spaces) would be read by the URL parser as something other than a host name, or is not a DNS name at all.
const TYPED = /^[A-Za-z0-9.*\u0080-\uffff-]+$/;

/**
 * A domain as Pier stores it: lowercase ASCII (internationalized names in punycode, `Bücher.example` →
 * `xn--bcher-kva.example`), without a trailing dot. Refused, with the reason: an empty or malformed name, a label
 * over 63 characters or starting or ending with '-', a name over 253 characters, a single label, an IP address, a
 * '*' anywhere but as the whole first label, and (with `own`) Pier's own host names.
 */
export function normalizeDomainName(input: string, own?: OwnHosts): DomainNameCheck {
  const typed = input.trim().replace(/\.$/, "");
  if (typed === "") return { ok: false, error: "must be a domain name such as www.example.com" };
  if (!TYPED.test(typed))
    return { ok: false, error: `${JSON.stringify(input)} is not a domain name (only letters, digits, '.' and '-')` };
  const wildcard = typed.startsWith("*.");
  const rest = wildcard ? typed.slice(2) : typed;
  if (rest.includes("*")) return { ok: false, error: "a wildcard must be the whole first label, as in *.example.com" };
  const ascii = domainToASCII(rest);
  if (ascii === "") return { ok: false, error: `${JSON.stringify(input)} is not a valid internationalized name` };
  const name = `${wildcard ? "*." : ""}${ascii}`;
  const labels = ascii.split(".");
  if (labels.length < 2) return { ok: false, error: "must have at least two labels, as in example.com" };
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined)
    return {
      ok: false,
      error:
        bad === ""
          ? "must not have an empty label ('..')"
          : `label ${JSON.stringify(bad)} must be 1-63 characters of a-z, 0-9 and '-', not starting or ending with '-'`,
    };
  if (name.length > MAX_NAME) return { ok: false, error: `must be at most ${MAX_NAME} characters` };
  // No top-level domain is numeric: this refuses IPv4 addresses in every spelling the URL parser accepts.
  if (/^[0-9]+$/.test(labels.at(-1)!)) return { ok: false, error: "must be a domain name, not an IP address" };
  const ownProblem = own ? ownHostProblem(name, own) : null;
  return ownProblem ? { ok: false, error: ownProblem } : { ok: true, name };
}

function ownHostProblem(name: string, own: OwnHosts): string | null {
  const base = own.PIER_DOMAIN.toLowerCase();
  if (name === base || name.endsWith(`.${base}`))
    return `${name} is one of Pier's own host names (<app>.${base}); use a domain of your own`;
  if (own.PIER_API_DOMAIN && name === own.PIER_API_DOMAIN.toLowerCase())
    return `${name} is where Pier serves its API and dashboard (PIER_API_DOMAIN)`;
  return null;
}

/** One entry of pier.json's `domains`: a name, or a name and the other listed domain it redirects to. */
export type DomainEntry = string | { domain: string; redirectTo?: string; redirectStatus?: RedirectStatus };

/** A domain as Pier keeps it: its name, and the domain of the same app it redirects to (null: it serves the app). */
export type DomainSpec = {
  name: string;
  redirectTo: string | null;
  redirectStatus: RedirectStatus;
};

const storedDomainsSchema = z.array(
  z.object({
    name: z.string(),
    redirectTo: z.string().nullable(),
    redirectStatus: z.union(REDIRECT_STATUSES.map((status) => z.literal(status))),
  }),
);

/** A deployment's recorded pier.json domains (Deployment.domains); null when it recorded none (or they don't parse). */
export function storedDomains(value: unknown): DomainSpec[] | null {
  if (value === null || value === undefined) return null;
  const parsed = storedDomainsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export interface DomainListProblem {
  /** Where, inside the list: [index] or [index, "domain" | "redirectTo"]. */
  at: Array<string | number>;
  message: string;
}

/**
 * pier.json's `domains`, normalized: each name valid (and, with `own`, none of Pier's own hosts), none listed
 * twice, and each `redirectTo` another listed domain that serves the app (not a redirect, not a wildcard).
 */
export function resolveDomainList(
  entries: readonly DomainEntry[],
  own?: OwnHosts,
): { domains: DomainSpec[]; problems: DomainListProblem[] } {
  const problems: DomainListProblem[] = [];
  const domains: Array<DomainSpec & { index: number }> = [];
  for (const [index, entry] of entries.entries()) {
    const typed = typeof entry === "string" ? { domain: entry } : entry;
    const where = typeof entry === "string" ? [index] : [index, "domain"];
    const checked = normalizeDomainName(typed.domain, own);
    if (!checked.ok) {
      problems.push({ at: where, message: checked.error });
      continue;
    }
    if (domains.some((d) => d.name === checked.name)) {
      problems.push({ at: where, message: `${checked.name} is listed twice` });
      continue;
    }
    const target = typed.redirectTo === undefined ? null : normalizeDomainName(typed.redirectTo, own);
    if (target && !target.ok) {
      problems.push({ at: [index, "redirectTo"], message: target.error });
      continue;
    }
    const redirectTo = target?.ok ? target.name : null;
    domains.push({ index, name: checked.name, redirectTo, redirectStatus: typed.redirectStatus ?? 308 });
  }
  for (const domain of domains) {
    if (domain.redirectTo === null) continue;
    const problem = redirectProblem(domain.name, domain.redirectTo, domains);
    if (problem) problems.push({ at: [domain.index, "redirectTo"], message: problem });
  }
  return { domains: domains.map(({ index: _, ...spec }) => spec), problems };
}

/**
 * Why `name` can't redirect to `target` among an app's domains, or null: the target must be another of them that
 * serves the app (a redirect to a redirect would chain, a wildcard is no single host).
 */
export function redirectProblem(
  name: string,
  target: string,
  domains: ReadonlyArray<{ name: string; redirectTo: string | null }>,
): string | null {
  if (target === name) return `${name} can't redirect to itself`;
  if (isWildcardDomain(target)) return `can't redirect to a wildcard (${target}): name one host`;
  const found = domains.find((d) => d.name === target);
  if (!found) return `${target} is not one of this app's domains (a redirect goes to one of them)`;
  if (found.redirectTo !== null) return `${target} redirects to ${found.redirectTo} itself: redirect to that one`;
  return null;
}
