// `npm run db:migrate` (deploy) and `npm run db:migration:create -- <name>`, offline (wasm schema engine).
import path from "node:path";
import { createMigration } from "./create.ts";
import { migrateDeploy } from "./deploy.ts";
import { ensureDatabase } from "./ensure-database.ts";
import { REPO_ROOT } from "./paths.ts";

const databaseUrl = process.env.DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier";
const [command, name] = process.argv.slice(2);

try {
  if (command === "deploy") {
    const { created } = await ensureDatabase(databaseUrl);
    if (created) console.log(`created database ${decodeURIComponent(new URL(databaseUrl).pathname.slice(1))}`);
    const { applied } = await migrateDeploy(databaseUrl);
    console.log(
      applied.length ? applied.map((migration) => `applied ${migration}`).join("\n") : "no pending migrations",
    );
  } else if (command === "create" && name) {
    const dir = await createMigration(databaseUrl, name);
    console.log(dir ? `wrote ${path.relative(REPO_ROOT, dir)}/migration.sql` : "no changes");
  } else {
    console.error("usage: cli.ts deploy | cli.ts create <name>");
    process.exit(2);
  }
  // One-shot command: exit now rather than wait on anything a library left scheduled.
  process.exit(0);
} catch (error) {
  console.error("migration failed:", error);
  process.exit(1);
}
