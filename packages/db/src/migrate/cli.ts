// `npm run db:migrate` (deploy) and `npm run db:migration:create -- <name>`, offline.
import { createMigration } from "./create.ts";
import { migrateDeploy } from "./deploy.ts";
import { ensureDatabase } from "./ensure-database.ts";

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier";
const [command, name] = process.argv.slice(2);

try {
  if (command === "deploy") {
    const { created } = await ensureDatabase(databaseUrl);
    if (created) console.error(`Created database ${new URL(databaseUrl).pathname.slice(1)}`);
    const { applied } = await migrateDeploy(databaseUrl);
    console.error(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");
  } else if (command === "create" && name) {
    const dir = await createMigration(databaseUrl, name);
    console.error(dir ? `Wrote ${dir}/migration.sql` : "No schema changes: no migration written");
  } else {
    console.error("usage: cli.ts deploy | cli.ts create <name>");
    process.exit(2);
  }
  // The wasm engine leaves a timer behind; a one-shot command exits when its work is done.
  process.exit(0);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
