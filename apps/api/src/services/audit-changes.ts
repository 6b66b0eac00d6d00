import type { App, PrismaClient } from "@pier/db";

/** A value as the audit log shows it: objects (volumes, autoscale) as their JSON. */
export type AuditValue = string | number | boolean | null;

/**
 * One thing a change changed; values of secrets never appear, only that they were set, changed or removed. A type,
 * not an interface, so that Prisma takes it as JSON.
 */
export type AuditChange = {
  field: string;
  from: AuditValue;
  to: AuditValue;
};

/** What the audit log compares of an app before and after a change: its settings, env keys and credential. */
export interface AppSnapshot {
  name: string;
  settings: Record<string, AuditValue>;
  /** `KEY (target)` → when its value was last written: a rewrite shows as a change, its value never does. */
  env: Map<string, number>;
  /** Feature flags by key: not secrets, so their values show (`flag NEW_CHECKOUT`: false → true). */
  flags: Map<string, AuditValue>;
  /** The credential's kind and hint (the API shows those too) and when it was written, or null. */
  credential: { label: string; writtenAt: number } | null;
  /** The sealed webhook secret: compared, never shown. */
  webhookSecret: string;
}

/** The app's settings a person changes (PATCH, scale, autoscale, releases): everything but ids, times and secrets. */
const SETTINGS = [
  "repoUrl",
  "branch",
  "rootDir",
  "port",
  "healthCheckPath",
  "previews",
  "volumes",
  "replicas",
  "memoryRequestMb",
  "alertErrorRate",
  "alertP95Ms",
  "autoscale",
  "githubRepository",
  "httpsRedirect",
  "hsts",
  "productionDeploymentId",
] as const satisfies readonly (keyof App)[];

/** Shown in place of a secret's value. */
const HIDDEN = "(hidden)";
const NEW_HIDDEN = "(new value, hidden)";

function auditValue(value: unknown): AuditValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value);
}

/** The app named `name` as the audit log compares it, or null when there is none. */
export async function readAppSnapshot(prisma: PrismaClient, name: string): Promise<AppSnapshot | null> {
  const app = await prisma.app.findUnique({
    where: { name },
    include: {
      envVars: { select: { key: true, target: true, updatedAt: true } },
      credential: { select: { kind: true, hint: true, updatedAt: true } },
      featureFlags: { select: { key: true, value: true } },
    },
  });
  if (!app) return null;
  const settings = Object.fromEntries(SETTINGS.map((field) => [field, auditValue(app[field])]));
  const env = new Map(app.envVars.map((v) => [`${v.key} (${v.target})`, v.updatedAt.getTime()]));
  const { credential: stored } = app;
  const credential = stored
    ? { label: `${stored.kind.toLowerCase().replace("_", " ")} ${stored.hint}`, writtenAt: stored.updatedAt.getTime() }
    : null;
  const flags = new Map(app.featureFlags.map((f) => [f.key, auditValue(f.value)]));
  return { name: app.name, settings, env, credential, webhookSecret: app.webhookSecret, flags };
}

function envChanges(before: Map<string, number>, after: Map<string, number>): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const was = before.get(key);
    const is = after.get(key);
    if (was === is) continue;
    changes.push({
      field: `env ${key}`,
      from: was === undefined ? null : HIDDEN,
      to: is === undefined ? null : was === undefined ? HIDDEN : NEW_HIDDEN,
    });
  }
  return changes;
}

/**
 * What changed between two snapshots of one app (null: it did not exist). Another change landing between the two
 * reads (the autoscaler's) would show too: the log says what the app looked like around the request.
 */
export function diffAppSnapshots(before: AppSnapshot | null, after: AppSnapshot | null): AuditChange[] {
  if (!before || !after) {
    if (before === after) return [];
    return [{ field: "app", from: before?.name ?? null, to: after?.name ?? null }];
  }
  const changes: AuditChange[] = [];
  for (const field of SETTINGS) {
    const from = before.settings[field] ?? null;
    const to = after.settings[field] ?? null;
    if (from !== to) changes.push({ field, from, to });
  }
  changes.push(...envChanges(before.env, after.env));
  for (const key of [...new Set([...before.flags.keys(), ...after.flags.keys()])].sort()) {
    const [from, to] = [before.flags.get(key) ?? null, after.flags.get(key) ?? null];
    if (from !== to) changes.push({ field: `flag ${key}`, from, to });
  }
  const [was, is] = [before.credential, after.credential];
  if (was?.label !== is?.label || was?.writtenAt !== is?.writtenAt) {
    const replaced = was && is && was.label === is.label ? " (replaced)" : "";
    changes.push({ field: "credential", from: was?.label ?? null, to: is ? `${is.label}${replaced}` : null });
  }
  if (before.webhookSecret !== after.webhookSecret)
    changes.push({ field: "webhookSecret", from: HIDDEN, to: NEW_HIDDEN });
  return changes;
}
