import type { PrismaClient, Trigger } from "@pier/db";
import { writeFlagsFile } from "@pier/release";
import { flagRecord, MAX_FLAGS, type FlagValue, type FlagValues, type PierConfig } from "@pier/shared";
import { AppError } from "../errors.ts";

/** One flag a change changed; null: it was not set before, or is removed. A type, so Prisma takes it as JSON. */
export type FlagChange = { key: string; from: FlagValue | null; to: FlagValue | null };

/** What a change asks: flags to set (others stay), or one to remove. */
export type FlagEdit = { set: FlagValues } | { remove: string };

export interface FlagsDeps {
  prisma: PrismaClient;
  config: PierConfig;
}

/** The app's flags, keys in order. */
export async function listFlags(prisma: PrismaClient, appId: string): Promise<FlagValues> {
  return flagRecord(await prisma.featureFlag.findMany({ where: { appId }, select: { key: true, value: true } }));
}

function changesOf(before: FlagValues, edit: FlagEdit): FlagChange[] {
  if ("remove" in edit) {
    const from = before[edit.remove];
    if (from === undefined) throw new AppError("not_found", `flag ${edit.remove} is not set`, "key");
    return [{ key: edit.remove, from, to: null }];
  }
  return Object.entries(edit.set)
    .filter(([key, to]) => before[key] !== to)
    .map(([key, to]) => ({ key, from: before[key] ?? null, to }));
}

/**
 * Sets or removes flags, records the change as a FLAGS release (an event in the history: from and to are both
 * production; none while the app has no production) and replaces the app's flags file, which running containers
 * read at /run/pier/flags.json. All under the app row's lock, the one releases take: release numbers never collide,
 * and two changes write the file in the order they were made, so the file ends with the last one's flags. A value
 * set again as it was changes nothing and records nothing, but the file is written all the same.
 */
export async function changeFlags(
  deps: FlagsDeps,
  appId: string,
  edit: FlagEdit,
  cause: Trigger,
): Promise<{ flags: FlagValues; changes: FlagChange[] }> {
  return deps.prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "App" WHERE "id" = ${appId} FOR UPDATE`;
    const app = await tx.app.findUniqueOrThrow({ where: { id: appId }, select: { productionDeploymentId: true } });
    const before = flagRecord(await tx.featureFlag.findMany({ where: { appId }, select: { key: true, value: true } }));
    const changes = changesOf(before, edit);
    const after: FlagValues = { ...before };
    for (const { key, to } of changes) {
      if (to === null) delete after[key];
      else after[key] = to;
    }
    if (Object.keys(after).length > MAX_FLAGS)
      throw new AppError("validation_failed", `an app has at most ${MAX_FLAGS} flags: remove some first`, "flags");
    for (const { key, to } of changes) {
      if (to === null) await tx.featureFlag.delete({ where: { appId_key: { appId, key } } });
      else
        await tx.featureFlag.upsert({
          where: { appId_key: { appId, key } },
          create: { appId, key, value: to },
          update: { value: to },
        });
    }
    const production = app.productionDeploymentId;
    if (changes.length > 0 && production) {
      const last = await tx.release.findFirst({ where: { appId }, orderBy: { version: "desc" } });
      await tx.release.create({
        data: {
          appId,
          version: (last?.version ?? 0) + 1,
          kind: "FLAGS",
          cause,
          fromDeploymentId: production,
          toDeploymentId: production,
          changes,
        },
      });
    }
    const flags = flagRecord(Object.entries(after).map(([key, value]) => ({ key, value })));
    // Last, under the lock: the commit that follows is the only step left that could fail.
    await writeFlagsFile(deps.config, appId, flags);
    return { flags, changes };
  });
}
