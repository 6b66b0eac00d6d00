import { MIGRATIONS_DIR } from "./paths.ts";
import { NO_FILTERS, readMigrationsList } from "./migrations-list.ts";
import { withSchemaEngine } from "./engine.ts";

/**
 * Applies prisma/migrations like `prisma migrate deploy`, without the native engine. The rows it
 * writes to `_prisma_migrations` are the CLI's own, so both tools can take turns on one database.
 */
export async function migrateDeploy(
  databaseUrl: string,
  migrationsDir = MIGRATIONS_DIR,
): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(migrationsDir);
  const output = await withSchemaEngine(databaseUrl, undefined, (engine) =>
    engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
  );
  return { applied: output.appliedMigrationNames };
}
