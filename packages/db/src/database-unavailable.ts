/**
 * Prisma's codes for a database it cannot talk to right now: unreachable (P1001), timed out (P1002,
 * P1008), connection closed (P1017), no free connection in the pool (P2024), too many connections (P2037).
 */
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/**
 * SQLSTATE classes of the same, as Postgres reports them through the driver adapter: 08 connection
 * exception, 57P operator intervention (57P01 shut down by an administrator — a restart — 57P02 crash
 * shutdown, 57P03 starting up or shutting down).
 */
const UNAVAILABLE_SQLSTATE = /^(08|57P)/;
/** node-postgres's own errors for a connection that died under a query or transaction (no code, no SQLSTATE). */
const DEAD_CONNECTION = /^(Connection terminated|Client has encountered a connection error)/;

/**
 * True when `error` says the database is unreachable or went away (a restart, a network cut), as
 * opposed to a query it refused: the same work can succeed once it is back, so callers retry or answer
 * "unavailable" rather than failing for good.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: { code?: unknown } } };
  } | null;
  if (!e || typeof e !== "object") return false;
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  const sqlState = e.meta?.driverAdapterError?.cause?.code;
  if (typeof sqlState === "string" && UNAVAILABLE_SQLSTATE.test(sqlState)) return true;
  return typeof e.message === "string" && DEAD_CONNECTION.test(e.message);
}
