import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { randomBytes } from "node:crypto";
import pg from "pg";

// adapter-pg can't decode Postgres' internal "char" type (oid 18) or its array (1002), which the
// schema engine reads from pg_catalog when it diffs. Reported as text/text[] they decode fine.
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

/**
 * The migration-aware adapter factory the wasm schema engine needs. Its shadow database is our own:
 * PrismaPg's (7.10.1) points the "shadow" at the main database. We create a throw-away database, and
 * on dispose close our pool before dropping it.
 */
export function createMigrationAdapterFactory(databaseUrl: string) {
  const pools: pg.Pool[] = [];
  const factory = {
    provider: "postgres" as const,
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const pool = poolWithReadableCatalog(fieldsOf(databaseUrl));
      pools.push(pool);
      return new PrismaPg(pool as never).connect(); // our pg's Pool type vs the adapter's pinned @types/pg
    },
    async connectToShadowDb() {
      const name = `pier_shadow_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client(fieldsOf(databaseUrl, "postgres"));
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const pool = poolWithReadableCatalog(fieldsOf(databaseUrl, name));
      const adapter = await new PrismaPg(pool as never).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await pool.end();
        const dropper = new pg.Client(fieldsOf(databaseUrl, "postgres"));
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      };
      return adapter;
    },
  };
  return {
    factory: bindMigrationAwareSqlAdapterFactory(factory),
    async close() {
      await Promise.all(pools.splice(0).map((pool) => pool.end()));
    },
  };
}
