import type { PrismaClient } from "@pier/db";
import { addBuckets, LATENCY_BUCKET_COUNT, percentileMs, type NotificationEvent, type PierConfig } from "@pier/shared";
import type { Redis } from "ioredis";

/** Thresholds when an app sets none (README): over a minute with at least MIN_REQUESTS requests. */
export const DEFAULT_ERROR_RATE = 0.05;
export const DEFAULT_P95_MS = 1_000;
const WINDOW_MS = 60_000;
const MIN_REQUESTS = 20;
/** An alert stays open (no repeat) while its condition holds; this long after the last breach it may fire again. */
const OPEN_FOR_S = 600;

const openKey = (appId: string, kind: string) => `pier:alert-open:${appId}:${kind}`;

/**
 * Looks at every app's last minute of traffic and returns the alerts that just opened: error rate (5xx
 * share) or p95 latency over the app's threshold. An open alert is not repeated while the condition
 * holds; it closes (and may fire again) once the minute is back under the threshold.
 */
export async function trafficAlerts(
  prisma: PrismaClient,
  redis: Redis,
  config: PierConfig,
  now = Date.now(),
): Promise<NotificationEvent[]> {
  const apps = await prisma.app.findMany({
    where: { productionDeploymentId: { not: null }, name: { startsWith: config.PIER_CONTROLLER_APP_PREFIX } },
    select: { id: true, name: true, alertErrorRate: true, alertP95Ms: true },
  });
  // One query for every app's minute, one command to close the alerts that no longer hold: the same cost
  // however many apps there are.
  const samples = await prisma.metricSample.findMany({
    where: { appId: { in: apps.map((a) => a.id) }, source: "router", at: { gt: new Date(now - WINDOW_MS) } },
    select: { appId: true, requests: true, status5xx: true, latencyBuckets: true },
  });
  const byApp = new Map<string, typeof samples>();
  for (const sample of samples) byApp.set(sample.appId, [...(byApp.get(sample.appId) ?? []), sample]);
  const events: NotificationEvent[] = [];
  const closed: string[] = [];
  for (const app of apps) {
    const mine = byApp.get(app.id) ?? [];
    const requests = mine.reduce((sum, s) => sum + s.requests, 0);
    const errors = mine.reduce((sum, s) => sum + s.status5xx, 0);
    const buckets = mine.reduce(
      (sum, s) => addBuckets(sum, s.latencyBuckets),
      new Array<number>(LATENCY_BUCKET_COUNT).fill(0),
    );
    const errorRate = requests ? errors / requests : 0;
    const p95 = percentileMs(buckets, 0.95) ?? 0;
    const checks = [
      {
        kind: "alert.error_rate" as const,
        value: errorRate,
        limit: app.alertErrorRate ?? DEFAULT_ERROR_RATE,
        show: (v: number) => `${(v * 100).toFixed(1)} %`,
      },
      {
        kind: "alert.latency" as const,
        value: p95,
        limit: app.alertP95Ms ?? DEFAULT_P95_MS,
        show: (v: number) => `${Math.round(v)} ms`,
      },
    ];
    for (const check of checks) {
      const breached = requests >= MIN_REQUESTS && check.value > check.limit;
      const key = openKey(app.id, check.kind);
      if (!breached) {
        closed.push(key);
        continue;
      }
      const opened = await redis.set(key, "1", "EX", OPEN_FOR_S, "NX");
      if (opened !== "OK") {
        await redis.expire(key, OPEN_FOR_S);
        continue;
      }
      const what = check.kind === "alert.error_rate" ? "error rate" : "p95 latency";
      events.push({
        event: check.kind,
        app: { id: app.id, name: app.name },
        summary:
          `${app.name}: ${what} ${check.show(check.value)} over the last minute ` +
          `(threshold ${check.show(check.limit)})`,
        details: { value: check.value, threshold: check.limit, requests, errors, windowSeconds: WINDOW_MS / 1000 },
        at: new Date(now).toISOString(),
      });
    }
  }
  if (closed.length) await redis.del(...closed);
  return events;
}
