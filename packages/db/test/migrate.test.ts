// The offline migration path against a real Postgres: a throw-away database per run, no mocks.
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { ensureDatabase, migrateDeploy } from "@pier/db";

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../prisma/migrations");
const baseUrl = process.env.DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier";

function urlFor(database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("migrateDeploy", () => {
  const database = `pier_migrate_test_${randomBytes(4).toString("hex")}`;
  const databaseUrl = urlFor(database);

  afterAll(async () => {
    // FORCE: a failed assertion must not leave the database behind because a connection is still open.
    await withClient(urlFor("postgres"), (client) =>
      client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`),
    );
  });

  it("creates the database once", async () => {
    expect(await ensureDatabase(databaseUrl)).toEqual({ created: true });
    expect(await ensureDatabase(databaseUrl)).toEqual({ created: false });
  });

  it("applies every migration, starting with init, and records it as the Prisma CLI does", async () => {
    const names = await migrationNames();
    expect(names[0]).toMatch(/^\d{14}_init$/);

    expect(await migrateDeploy(databaseUrl)).toEqual({ applied: names });

    await withClient(databaseUrl, async (client) => {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(["App", "Deployment", "BuildLog", "EnvVar", "Release", "_prisma_migrations"]),
      );

      const rows = await client.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        rolled_back_at: Date | null;
      }>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name",
      );
      const expected = await Promise.all(
        names.map(async (name) => ({
          migration_name: name,
          checksum: createHash("sha256")
            .update(await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql")))
            .digest("hex"),
          finished_at: expect.any(Date),
          rolled_back_at: null,
        })),
      );
      expect(rows.rows).toEqual(expected);
    });
  });

  it("applies nothing the second time", async () => {
    expect(await migrateDeploy(databaseUrl)).toEqual({ applied: [] });
    await withClient(databaseUrl, async (client) => {
      const count = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations");
      expect(count.rows[0]?.n).toBe((await migrationNames()).length);
    });
  });
});
