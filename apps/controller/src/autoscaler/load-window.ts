import { appLoadKey, AUTOSCALE_PANIC_WINDOW_MS, AUTOSCALE_STABLE_WINDOW_MS, type LoadRecord } from "@pier/shared";
import type { Redis } from "ioredis";
import type { LoadSummary } from "./decide.ts";

/**
 * Load records (one per router and second, written only when there was traffic) → means over the panic
 * and stable windows. A second without a record had no traffic, so sums divide by the window's length;
 * records of several routers add up.
 */
export function summarizeLoad(records: LoadRecord[], now: number): LoadSummary {
  const over = (windowMs: number) => {
    const inside = records.filter((r) => r.at > now - windowMs && r.at <= now + 1_000);
    const seconds = windowMs / 1000;
    return {
      concurrency: inside.reduce((sum, r) => sum + r.inflight, 0) / seconds,
      rps: inside.reduce((sum, r) => sum + r.requests, 0) / seconds,
    };
  };
  const panic = over(AUTOSCALE_PANIC_WINDOW_MS);
  const stable = over(AUTOSCALE_STABLE_WINDOW_MS);
  const active = records.filter((r) => r.inflight > 0 || r.requests > 0).map((r) => r.at);
  return {
    panicConcurrency: panic.concurrency,
    stableConcurrency: stable.concurrency,
    panicRps: panic.rps,
    stableRps: stable.rps,
    lastActiveAt: active.length ? Math.max(...active) : null,
  };
}

/** The app's load records as the routers left them in Redis (a record that doesn't parse is skipped). */
export async function readLoadRecords(redis: Redis, appId: string): Promise<LoadRecord[]> {
  const raw = await redis.lrange(appLoadKey(appId), 0, -1);
  const records: LoadRecord[] = [];
  for (const line of raw) {
    try {
      const value = JSON.parse(line) as LoadRecord;
      if (Number.isFinite(value.at) && Number.isFinite(value.inflight) && Number.isFinite(value.requests))
        records.push(value);
    } catch {
      // a foreign or truncated entry: not load we can use
    }
  }
  return records;
}
