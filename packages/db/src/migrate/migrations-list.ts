import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The migrations directory in the shape Prisma's CLI hands to the schema engine. */
export async function readMigrationsList(baseDir: string) {
  const lockPath = path.join(baseDir, "migration_lock.toml");
  const lockContent = existsSync(lockPath) ? await readFile(lockPath, "utf8") : null;
  const entries = existsSync(baseDir) ? await readdir(baseDir, { withFileTypes: true }) : [];
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(baseDir, name, "migration.sql");
      const content = existsSync(file)
        ? { tag: "ok" as const, value: await readFile(file, "utf8") }
        : { tag: "error" as const, value: `${file} is missing` };
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

export const NO_FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };
