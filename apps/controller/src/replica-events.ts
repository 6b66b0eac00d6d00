import type { ReconcileOutcome } from "@pier/release";
import { REPLICA_PHASE_WORDS } from "@pier/replicas";
import type { NotificationEvent } from "@pier/shared";
import type { Redis } from "ioredis";

const downKey = (appId: string) => `pier:app-down:${appId}`;
const loopKey = (appId: string) => `pier:app-crash-loop:${appId}`;

/**
 * What a reconcile pass means to people: a replica replaced (or restarted by the runtime: Swarm), a crash loop
 * begun, the app down (no replica serving), the app recovered. Down and crash-loop episodes are remembered in
 * Redis, so each is told once and its recovery once, whichever controller process sees it. A replica held back
 * by the engine or the machine (outcome.blockedByInfra) is never a crash loop: when it leaves the app down,
 * app.down says so, with the engine's reason.
 */
export async function replicaEvents(
  redis: Redis,
  app: { id: string; name: string },
  outcome: ReconcileOutcome,
  now = new Date(),
): Promise<NotificationEvent[]> {
  const at = now.toISOString();
  const events: NotificationEvent[] = [];
  const base = { app: { id: app.id, name: app.name }, at };
  for (const { index, reason } of outcome.replaced) {
    events.push({
      ...base,
      event: "container.replaced",
      summary: `${app.name}: replica ${index} was lost (${reason ?? "unknown"}) and replaced`,
      details: { replica: index, reason },
    });
  }
  for (const { index, reason } of outcome.restartedByRuntime) {
    events.push({
      ...base,
      event: "container.replaced",
      summary: `${app.name}: replica ${index} was lost and started again (${reason ?? "unknown"})`,
      details: { replica: index, reason, by: "runtime" },
    });
  }
  for (const { index, reason } of outcome.enteredCrashLoop) {
    await redis.set(loopKey(app.id), "1");
    events.push({
      ...base,
      event: "app.crash_loop",
      summary: `${app.name}: replica ${index} keeps dying (${reason ?? "unknown"}); ${BACKS_OFF}`,
      details: { replica: index, reason },
    });
  }
  if (outcome.desired > 0 && outcome.serving === 0 && (await redis.set(downKey(app.id), "1", "NX")) === "OK") {
    const blocked = outcome.blockedByInfra[0];
    const why = blocked ? `: ${REPLICA_PHASE_WORDS[blocked.phase]}, not the app (${blocked.reason ?? "unknown"})` : "";
    events.push({
      ...base,
      event: "app.down",
      summary: `${app.name}: no replica is serving (0 of ${outcome.desired})${why}`,
      details: { desired: outcome.desired, ...(blocked ? { blockedByInfra: outcome.blockedByInfra } : {}) },
    });
  }
  if (outcome.desired > 0 && outcome.serving >= outcome.desired) {
    const ended = (await redis.del(downKey(app.id))) + (await redis.del(loopKey(app.id)));
    if (ended > 0)
      events.push({
        ...base,
        event: "app.recovered",
        summary: `${app.name}: serving again (${outcome.serving} of ${outcome.desired} replicas)`,
        details: { serving: outcome.serving },
      });
  }
  return events;
}

const BACKS_OFF = "Pier backs off before each new start";
