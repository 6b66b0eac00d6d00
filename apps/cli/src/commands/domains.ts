import { COMMON_OPTIONS, parseCommand, requirePositionals, type Command } from "../command.ts";
import { UsageError } from "../errors.ts";
import { bold, dim, print, printJson, table } from "../output.ts";
import type { AddDomainInput, DomainDto, HttpsSettingsInput } from "../types.ts";

/** "in 5m", "in 3h", "in 12d", or "now" for a time already past. */
export function until(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (seconds <= 0) return "now";
  if (seconds < 3600) return `in ${Math.max(1, Math.round(seconds / 60))}m`;
  if (seconds < 86_400) return `in ${Math.round(seconds / 3600)}h`;
  return `in ${Math.round(seconds / 86_400)}d`;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * A certificate's state in words: "pending", "issued, expires 2027-03-01 (in 89d)", "failed: <the CA's error>;
 * next attempt in 2h", "operator's certificate, expires …", "none: served over plain HTTP only".
 */
export function certificateWords(certificate: DomainDto["certificate"], now = Date.now()): string {
  const expires = certificate.expiresAt
    ? `expires ${day(certificate.expiresAt)} (${until(certificate.expiresAt, now)})`
    : "";
  const next = certificate.nextAttemptAt ? `next attempt ${until(certificate.nextAttemptAt, now)}` : "";
  switch (certificate.status) {
    case "pending":
      return ["pending", next].filter(Boolean).join(", ");
    case "issued":
      return ["issued", expires].filter(Boolean).join(", ");
    case "failed":
      // A renewal that fails leaves the current certificate serving until it expires: say until when.
      return [`failed: ${certificate.error ?? "no error recorded"}`, next, expires && `current one ${expires}`]
        .filter(Boolean)
        .join("; ");
    case "operator":
      return ["operator's certificate", expires].filter(Boolean).join(", ");
    case "none":
      return "none: served over plain HTTP only";
  }
}

const onOff = (value: boolean) => (value ? "on" : "off");

/** --https-redirect on|off, --hsts on|off: the settings given, or a usage error naming the flag. */
function httpsFlags(values: Record<string, unknown>): HttpsSettingsInput {
  const settings: HttpsSettingsInput = {};
  for (const [flag, field] of [
    ["https-redirect", "httpsRedirect"],
    ["hsts", "hsts"],
  ] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    if (value !== "on" && value !== "off")
      throw new UsageError(`--${flag} must be on or off, not "${value}"`, "domains");
    settings[field] = value === "on";
  }
  return settings;
}

export const domains: Command = {
  name: "domains",
  usage: "pier domains <app> [--https-redirect on|off] [--hsts on|off] [--json]",
  summary: "List an app's domains and their certificates; switch its HTTPS redirect and HSTS",
  details: [
    "Each domain's certificate: pending (being issued), issued with its expiry, failed with the CA's error and",
    "the next attempt, or the operator's certificate (PIER_TLS_CERT_DIR). Pier renews certificates by itself.",
    "--https-redirect: plain HTTP to a domain with a certificate answers a redirect to HTTPS (on by default).",
    "--hsts: HTTPS answers carry Strict-Transport-Security (off by default). Both take effect at once.",
    "Domains listed in pier.json (source CONFIG) follow the live deployment's pier.json.",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("domains", {
      args,
      options: { ...COMMON_OPTIONS, "https-redirect": { type: "string" }, hsts: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [app] = requirePositionals("domains", positionals, ["app"]) as [string];
    const settings = httpsFlags(values);
    const client = await context.client();
    const shown = Object.keys(settings).length > 0 ? await client.setHttps(app, settings) : await client.getApp(app);
    if (values.json) return printJson({ domains: shown.domains });
    if (Object.keys(settings).length > 0) print(`Saved: takes effect at once on ${bold(app)}'s domains.`);
    print(dim(`HTTPS redirect ${onOff(shown.httpsRedirect)}, HSTS ${onOff(shown.hsts)}`));
    if (shown.domains.length === 0)
      return print(`No domains yet: pier domains add ${app} www.example.com (then point its DNS at Pier)`);
    print(
      table(
        ["DOMAIN", "REDIRECT", "SOURCE", "CERTIFICATE"],
        shown.domains.map((d) => [
          d.name,
          d.redirectTo ? `→ ${d.redirectTo} (${d.redirectStatus})` : "-",
          d.source === "CONFIG" ? "pier.json" : "api",
          certificateWords(d.certificate),
        ]),
      ),
    );
  },
};

export const domainsAdd: Command = {
  name: "domains add",
  usage: "pier domains add <app> <domain> [--redirect-to <domain>] [--status 301|308] [--json]",
  summary: "Add a domain to an app (served at once; its certificate is issued in the background)",
  details: [
    "Point the domain's DNS (an A/AAAA record, or a CNAME) at Pier's router: the certificate is issued over HTTP.",
    "--redirect-to: this domain redirects to another of the app's domains, keeping the path (e.g. www → apex);",
    "--status: the redirect's status, 308 (default) or 301.",
    "A wildcard (*.example.com) needs an operator certificate that covers it (PIER_TLS_CERT_DIR).",
  ],
  async run(args, context) {
    const { values, positionals } = parseCommand("domains add", {
      args,
      options: { ...COMMON_OPTIONS, "redirect-to": { type: "string" }, status: { type: "string" } },
      allowPositionals: true,
      strict: true,
    });
    const [app, domain] = requirePositionals("domains add", positionals, ["app", "domain"]) as [string, string];
    const input: AddDomainInput = { domain };
    if (values["redirect-to"] !== undefined) input.redirectTo = values["redirect-to"];
    if (values.status !== undefined) {
      if (values.status !== "301" && values.status !== "308")
        throw new UsageError(`--status must be 301 or 308, not "${values.status}"`, "domains add");
      if (input.redirectTo === undefined) throw new UsageError("--status goes with --redirect-to", "domains add");
      input.redirectStatus = Number(values.status) as 301 | 308;
    }
    const added = await (await context.client()).addDomain(app, input);
    if (values.json) return printJson(added);
    const what = added.redirectTo ? `, redirecting to ${added.redirectTo} (${added.redirectStatus})` : "";
    print(`Added ${bold(added.name)} to ${app}${what}.`);
    print(`  certificate  ${certificateWords(added.certificate)}`);
    if (added.certificate.status === "pending")
      print(dim(`Pier issues it once ${added.name} resolves to this Pier; pier domains ${app} shows how it goes.`));
  },
};

export const domainsRemove: Command = {
  name: "domains rm",
  usage: "pier domains rm <app> <domain> [--json]",
  summary: "Remove a domain from an app: it is no longer served, at once",
  async run(args, context) {
    const { values, positionals } = parseCommand("domains rm", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, domain] = requirePositionals("domains rm", positionals, ["app", "domain"]) as [string, string];
    const result = await (await context.client()).removeDomain(app, domain);
    if (values.json) return printJson(result);
    print(`Removed ${bold(result.deleted)} from ${app}: it is no longer served.`);
  },
};

export const domainsRenew: Command = {
  name: "domains renew",
  usage: "pier domains renew <app> <domain> [--json]",
  summary: "Issue a domain's certificate again now (the current one serves until it is replaced)",
  async run(args, context) {
    const { values, positionals } = parseCommand("domains renew", {
      args,
      options: COMMON_OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [app, domain] = requirePositionals("domains renew", positionals, ["app", "domain"]) as [string, string];
    const renewed = await (await context.client()).renewDomain(app, domain);
    if (values.json) return printJson(renewed);
    print(`Asked for a new certificate for ${bold(renewed.name)} now; pier domains ${app} shows when it is issued.`);
  },
};
