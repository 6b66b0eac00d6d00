import { ROUTES_APPLIED_PATTERN, ROUTES_CHANGED_CHANNEL, ROUTES_GENERATION_KEY } from "@pier/shared";
import type { Redis } from "ioredis";

/**
 * Tells routers that routing data changed (after it was committed). Returns the new generation, which
 * a router stores once it serves a table built after that commit.
 */
export async function announceRouteChange(redis: Redis): Promise<number> {
  const generation = await redis.incr(ROUTES_GENERATION_KEY);
  await redis.publish(ROUTES_CHANGED_CHANNEL, String(generation));
  return generation;
}

/** The generations every live router has applied (one key per router; a dead router's key expires). */
async function appliedGenerations(redis: Redis): Promise<number[]> {
  const keys: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", ROUTES_APPLIED_PATTERN, "COUNT", 100);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== "0");
  if (keys.length === 0) return [];
  return (await redis.mget(keys)).filter((v): v is string => v !== null).map(Number);
}

/** Announces a route change and waits for every running router to serve it; false after the timeout. */
export async function announceAndWaitForRouters(redis: Redis, timeoutMs: number): Promise<boolean> {
  return waitForRouter(redis, await announceRouteChange(redis), timeoutMs);
}

/**
 * Waits until every running router confirms it serves `generation` or later; false after the
 * timeout (or when no router runs).
 */
export async function waitForRouter(redis: Redis, generation: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const applied = await appliedGenerations(redis);
    if (applied.length > 0 && applied.every((g) => g >= generation)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
