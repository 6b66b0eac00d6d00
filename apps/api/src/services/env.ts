import type { PrismaClient } from "@pier/db";
import { ENV_TARGETS, openEnvVars, secretBox, type EnvTarget, type PierConfig } from "@pier/shared";

/** What the env service needs: the database, and the config that names the secrets key. */
export interface EnvDeps {
  prisma: PrismaClient;
  config: PierConfig;
}

/** One env var as people see it: a key, a value, and the deployments it applies to. */
export interface EnvEntry {
  key: string;
  value: string;
  targets: EnvTarget[];
  updatedAt: Date;
}

const byTargetOrder = (a: string, b: string) =>
  ENV_TARGETS.indexOf(a as EnvTarget) - ENV_TARGETS.indexOf(b as EnvTarget);

/**
 * An app's env vars. Stored one row per target; a key with the same value for production and preview
 * is one entry with both targets, a key with different values is one entry per value.
 */
export async function listEnv(deps: EnvDeps, appId: string): Promise<EnvEntry[]> {
  const rows = openEnvVars(
    deps.config,
    await deps.prisma.envVar.findMany({ where: { appId }, orderBy: [{ key: "asc" }, { target: "asc" }] }),
  );
  const entries = new Map<string, EnvEntry>();
  for (const row of rows) {
    const id = `${row.key}\u0000${row.value}`;
    const entry = entries.get(id);
    if (!entry)
      entries.set(id, { key: row.key, value: row.value, targets: [row.target as EnvTarget], updatedAt: row.updatedAt });
    else {
      entry.targets.push(row.target as EnvTarget);
      entry.targets.sort(byTargetOrder);
      if (row.updatedAt > entry.updatedAt) entry.updatedAt = row.updatedAt;
    }
  }
  return [...entries.values()];
}

/**
 * Sets each var for the given targets (both by default, as Vercel does); other targets keep their values. Values are
 * stored sealed.
 */
export async function setEnv(
  deps: EnvDeps,
  appId: string,
  vars: Record<string, string>,
  targets: readonly EnvTarget[] = ENV_TARGETS,
): Promise<void> {
  const box = secretBox(deps.config);
  await deps.prisma.$transaction(
    Object.entries(vars).flatMap(([key, plain]) =>
      targets.map((target) => {
        const value = box.seal(plain);
        return deps.prisma.envVar.upsert({
          where: { appId_key_target: { appId, key, target } },
          create: { appId, key, value, target },
          update: { value },
        });
      }),
    ),
  );
}

/** Removes a var from the given targets (all by default); how many values were removed. */
export async function unsetEnv(
  { prisma }: EnvDeps,
  appId: string,
  key: string,
  targets: readonly EnvTarget[] = ENV_TARGETS,
): Promise<number> {
  const { count } = await prisma.envVar.deleteMany({ where: { appId, key, target: { in: [...targets] } } });
  return count;
}
