import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { randomBytes } from "node:crypto";
import pg from "pg";

// adapter-pg can't decode Postgres' internal "char" type (oid 18) or its array (1002), which the
// schema engine reads from pg_catalog when it diffs. Reported as text/text[] they decode fine.
// Only pool.query is patched: that is how the adapter runs the engine's catalog reads (transactions
// check out their own client, but the engine's schema description doesn't use them).
const OID_REMAP: Record<number, number> = { 18: 25, 1002: 1009 };

function poolWithReadableCatalog(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  (pool as unknown as { query: unknown }).query = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) field.dataTypeID = OID_REMAP[field.dataTypeID] ?? field.dataTypeID;
    return result;
  };
  return pool;
}

// Separate fields rather than a connectionString, so `database` really picks the database (with a
// connectionString, pg lets the URL win). URL query parameters such as sslmode are not carried over.
function fieldsOf(databaseUrl: string, database?: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: database ?? decodeURIComponent(url.pathname.slice(1)),
    max: 2,
  };
}

/** Runs one statement on the `postgres` maintenance database (CREATE/DROP DATABASE can't run inside the target). */
async function onMaintenanceDb(databaseUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(fieldsOf(databaseUrl, "postgres"));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs `fn` at most once; later calls get the first call's promise. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

/**
 * The migration-aware adapter factory the wasm schema engine needs. Its shadow database is our own:
 * PrismaPg's (7.10.1) points the "shadow" at the main database. We create a throw-away database, and
 * on dispose close our pool before dropping it. `close()` releases whatever the engine left open,
 * including a shadow database it never disposed (e.g. after a panic).
 */
export function createMigrationAdapterFactory(databaseUrl: string) {
  const cleanups: Array<() => Promise<void>> = [];
  const factory = {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const pool = poolWithReadableCatalog(fieldsOf(databaseUrl));
      cleanups.push(once(() => pool.end()));
      return new PrismaPg(pool as never).connect(); // our pg's Pool type vs the adapter's pinned @types/pg
    },
    async connectToShadowDb() {
      const name = `pier_shadow_${randomBytes(6).toString("hex")}`;
      await onMaintenanceDb(databaseUrl, `CREATE DATABASE "${name}"`);
      const pool = poolWithReadableCatalog(fieldsOf(databaseUrl, name));
      // Our pool holds the shadow database open: close it before dropping.
      const cleanup = once(async () => {
        await pool.end();
        await onMaintenanceDb(databaseUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
      cleanups.push(cleanup);
      const adapter = await new PrismaPg(pool as never).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await cleanup();
      };
      return adapter;
    },
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    async close() {
      const results = await Promise.allSettled(cleanups.splice(0).map((cleanup) => cleanup()));
      const failed = results.find((result) => result.status === "rejected");
      if (failed) throw failed.reason;
    },
  };
}
