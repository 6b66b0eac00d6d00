import { ROUTES_APPLIED_KEY, ROUTES_CHANGED_CHANNEL, ROUTES_GENERATION_KEY } from "@pier/shared";
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

/** Waits until the router confirms it serves `generation` or later; false after the timeout (no router?). */
export async function waitForRouter(redis: Redis, generation: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const applied = Number((await redis.get(ROUTES_APPLIED_KEY)) ?? 0);
    if (applied >= generation) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
