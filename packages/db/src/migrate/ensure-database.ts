import pg from "pg";

/** Creates the database named in `databaseUrl` when it doesn't exist yet (needs CREATEDB). */
export async function ensureDatabase(databaseUrl: string): Promise<{ created: boolean }> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!name) throw new Error("DATABASE_URL names no database");
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return { created: false };
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    return { created: true };
  } catch (error) {
    // Another process created it between our check and our CREATE: that's the state we wanted.
    if ((error as { code?: string }).code === "42P04") return { created: false };
    throw error;
  } finally {
    await client.end();
  }
}
