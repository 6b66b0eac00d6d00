import {
  autoscaleOverMaxima,
  isWildcardDomain,
  parsePierJson,
  resolveDomainList,
  storedAutoscalePolicy,
  volumesSchema,
  type AutoscalePolicy,
  type DomainSpec,
  type PierJson,
  type PierConfig,
  type VolumeSpec,
} from "@pier/shared";
import type { App, PrismaClient } from "@pier/db";
import { coveringCertificate, readOperatorCertificates, wildcardRefusal } from "@pier/certificates";
import type { RepoFiles } from "../build/repo-files.ts";
import { DeployFailedError } from "../errors.ts";

/** Reads `pier.json` from the app's root directory; a missing file is fine, an invalid one fails the deploy. */
export async function readPierJson(files: RepoFiles): Promise<PierJson | null> {
  const text = await files.readText("pier.json");
  if (text === null) return null;
  const result = parsePierJson(text);
  if (!result.ok) throw new DeployFailedError(`pier.json is invalid: ${result.errors.join("; ")}`);
  return result.config;
}

/** pier.json asks; the operator caps (PIER_MAX_*). Above a cap, the deploy fails naming the field. */
export function checkOperatorMaxima(pierJson: PierJson | null, config: PierConfig): void {
  if (!pierJson) return;
  const over: string[] = [];
  const check = (field: string, value: number | undefined, max: number, setting: string, unit = "") => {
    if (value !== undefined && value > max)
      over.push(`field "${field}": ${value}${unit} is over the operator's maximum ${max}${unit} (${setting})`);
  };
  check("resources.memory", pierJson.resources?.memory, config.PIER_MAX_MEMORY_MB, "PIER_MAX_MEMORY_MB", " MB");
  check("resources.cpus", pierJson.resources?.cpus, config.PIER_MAX_CPUS, "PIER_MAX_CPUS");
  check("replicas", pierJson.replicas, config.PIER_MAX_REPLICAS, "PIER_MAX_REPLICAS");
  if (pierJson.autoscale)
    for (const { field, message } of autoscaleOverMaxima(pierJson.autoscale, config.PIER_MAX_REPLICAS))
      over.push(`field "${field}": ${message}`);
  check(
    "healthCheck.timeoutSeconds",
    pierJson.healthCheck?.timeoutSeconds,
    config.PIER_MAX_HEALTHCHECK_TIMEOUT_S,
    "PIER_MAX_HEALTHCHECK_TIMEOUT_S",
    " s",
  );
  if (over.length) throw new DeployFailedError(`pier.json asks for more than this Pier allows: ${over.join("; ")}`);
}

/**
 * pier.json's `domains` as this deployment will make them the app's when it goes live: valid names, none of Pier's
 * own hosts, none another app's, a wildcard only where an operator certificate covers it. Any problem fails the
 * deploy naming the field, before anything is built. [] without the field (it removes the pier.json domains).
 */
export async function checkPierJsonDomains(
  deps: { config: PierConfig; prisma: PrismaClient },
  app: App,
  pierJson: PierJson | null,
): Promise<DomainSpec[]> {
  const entries = pierJson?.domains ?? [];
  if (entries.length === 0) return [];
  const { domains, problems } = resolveDomainList(entries, deps.config);
  const invalid = (errors: string[]) => new DeployFailedError(`pier.json is invalid: ${errors.join("; ")}`);
  if (problems.length) throw invalid(problems.map((p) => `field "${["domains", ...p.at].join(".")}": ${p.message}`));
  // Every entry is valid: domains[i] is entries[i].
  const field = (name: string) => `field "domains.${domains.findIndex((d) => d.name === name)}"`;
  const errors: string[] = [];
  const owned = await deps.prisma.domain.findMany({
    where: { name: { in: domains.map((d) => d.name) }, appId: { not: app.id } },
    select: { name: true, app: { select: { name: true } } },
  });
  for (const other of owned) errors.push(`${field(other.name)}: ${other.name} belongs to app ${other.app.name}`);
  const wildcards = domains.filter((d) => isWildcardDomain(d.name));
  // A certificate file that can't be read covers nothing; named in the refusal of a wildcard it might have covered.
  const unreadable: string[] = [];
  const dir = deps.config.PIER_TLS_CERT_DIR;
  const operator = wildcards.length ? await readOperatorCertificates(dir, (e) => unreadable.push(e.message)) : [];
  const also = unreadable.length ? ` (unreadable there: ${unreadable.join("; ")})` : "";
  for (const wildcard of wildcards)
    if (!coveringCertificate(operator, wildcard.name))
      errors.push(`${field(wildcard.name)}: ${wildcardRefusal(wildcard.name)}${also}`);
  if (errors.length) throw invalid(errors);
  return domains;
}

/** What this deployment runs with, and where each value came from. */
export interface DeploySettings {
  /** null: let detection decide (Dockerfile EXPOSE, else 3000). */
  port: number | null;
  healthCheckPath: string;
  healthCheckTimeoutMs: number;
  memoryMb: number;
  cpus: number;
  commands: { install?: string; build?: string; start?: string };
  /** pier.json's framework preset, output folder and SPA switch (detection otherwise). */
  preset: { framework?: "nextjs" | "static" | "node"; outputDir?: string; spa?: boolean };
  test?: string;
  envDefaults: Record<string, string>;
  volumes: VolumeSpec[];
  replicas: number;
  /**
   * pier.json's autoscale policy (null: turn it off), set on the app when this deployment goes live;
   * undefined: keep the app's.
   */
  autoscale: AutoscalePolicy | null | undefined;
  /** One line per setting: "port 4000 (pier.json)". */
  explained: string[];
}

/** Precedence: pier.json > app settings > detection/defaults. Env: the app's env vars override pier.json's defaults. */
export function resolveDeploySettings(app: App, pierJson: PierJson | null, config: PierConfig): DeploySettings {
  const explained: string[] = [];
  const pick = <T>(
    name: string,
    fromFile: T | undefined,
    fromSettings: T | undefined | null,
    fallback: T,
    fallbackSource: string,
    show: (v: T) => string = String,
  ): T => {
    const [value, source] =
      fromFile !== undefined
        ? [fromFile, "pier.json"]
        : fromSettings !== undefined && fromSettings !== null
          ? [fromSettings, "app settings"]
          : [fallback, fallbackSource];
    explained.push(`${name}: ${show(value)} (${source})`);
    return value;
  };
  const port = pick<number | null>("port", pierJson?.port, app.port, null, "detection", (v) =>
    v === null ? "detected from the build" : String(v),
  );
  const healthCheckPath = pick("health check path", pierJson?.healthCheck?.path, app.healthCheckPath, "/", "default");
  const timeoutSeconds = pierJson?.healthCheck?.timeoutSeconds;
  const healthCheckTimeoutMs = pick(
    "health check timeout",
    timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000,
    undefined,
    config.PIER_HEALTHCHECK_TIMEOUT_MS,
    "PIER_HEALTHCHECK_TIMEOUT_MS",
    (v) => `${v} ms`,
  );
  // Resources: pier.json's `resources`, else the app's (pier scale --memory/--cpu), else the operator's default.
  const memoryMb = pick(
    "memory",
    pierJson?.resources?.memory,
    app.memoryMb,
    config.PIER_CONTAINER_MEMORY_MB,
    "PIER_CONTAINER_MEMORY_MB",
    (v) => `${v} MB`,
  );
  const cpus = pick("cpus", pierJson?.resources?.cpus, app.cpus, config.PIER_CONTAINER_CPUS, "PIER_CONTAINER_CPUS");
  const commands = { install: pierJson?.install, build: pierJson?.build, start: pierJson?.start };
  for (const [name, value] of Object.entries(commands))
    if (value) explained.push(`${name} command: ${value} (pier.json)`);
  if (pierJson?.test) explained.push(`test command: ${pierJson.test} (pier.json)`);
  const envDefaults = pierJson?.env ?? {};
  if (Object.keys(envDefaults).length)
    explained.push(
      `env defaults: ${Object.keys(envDefaults).join(", ")} (pier.json; the app's env vars override them)`,
    );
  const fromSettings = volumesSchema.safeParse(app.volumes);
  const volumes = pierJson?.volumes ?? (fromSettings.success ? fromSettings.data : []);
  if (volumes.length)
    explained.push(
      `volumes: ${volumes.map((v) => `${v.name} → ${v.path}`).join(", ")} ` +
        `(${pierJson?.volumes ? "pier.json" : "app settings"})`,
    );
  // Without pier.json's count, a new deployment keeps the replicas production runs with now (POST /scale).
  let replicas = pick("replicas", pierJson?.replicas, app.replicas, 1, "default");
  const autoscale = pierJson?.autoscale;
  const policy = autoscale === undefined ? storedAutoscalePolicy(app.autoscale) : autoscale;
  if (policy) {
    // Autoscaled: start within the policy, and never with zero (an app scaled to zero deploys one replica
    // to prove it healthy; the autoscaler takes it from there).
    const bounded = Math.min(policy.max, Math.max(policy.min, 1, replicas));
    if (bounded !== replicas) explained.push(`replicas: ${bounded} (autoscale ${policy.min} … ${policy.max})`);
    replicas = bounded;
    explained.push(
      `autoscale: ${policy.min} … ${policy.max} replicas, ${policy.targetConcurrency} in flight per replica ` +
        `(${autoscale === undefined ? "app settings" : "pier.json"})`,
    );
  } else if (autoscale === null) explained.push("autoscale: off (pier.json)");
  const preset = { framework: pierJson?.framework, outputDir: pierJson?.outputDir, spa: pierJson?.spa };
  for (const [name, value] of Object.entries(preset))
    if (value !== undefined) explained.push(`${name}: ${value} (pier.json)`);
  return {
    port,
    healthCheckPath,
    healthCheckTimeoutMs,
    memoryMb,
    cpus,
    commands,
    preset,
    test: pierJson?.test,
    envDefaults,
    volumes,
    replicas,
    autoscale,
    explained,
  };
}
