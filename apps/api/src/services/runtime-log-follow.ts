import type { App } from "@pier/db";
import { RuntimeRequestError } from "@pier/runtime";
import type { Readable } from "node:stream";
import { setTimeout as delay } from "node:timers/promises";
import type { PierDeps } from "../plugins/app/deps.ts";
import { currentRuntimeLogSource, type RuntimeLogLine, type RuntimeLogSource, replicaLines } from "./runtime-logs.ts";

/**
 * How often a follow looks at production's replicas again: one that started since (a scale up, a restart, a new
 * deployment going live) is read from then on.
 */
export const REPLICA_WATCH_MS = 1_000;

/** A replica that started while the viewer followed: all it wrote since the follow began, up to this many lines. */
const NEW_REPLICA_TAIL = 10_000;

export interface FollowHandlers {
  line(line: RuntimeLogLine): void;
  /** Production's replicas changed: one started, stopped or went away, or another deployment went live (null: none). */
  replicas(source: RuntimeLogSource | null): void;
}

/** Why a follow ended without an error. */
export type FollowEnd = "left" | "app deleted";

/** One string per set of replicas, so a change of any (container, running or not, deployment) shows. */
const replicasKey = (source: RuntimeLogSource | null) =>
  source
    ? `${source.deploymentId} ${source.replicas.map((r) => `${r.index}:${r.containerId}:${r.running}`).join(",")}`
    : "";

// A container removed between the look and the read: it went away, which ends its part only.
const isGone = (error: unknown) => error instanceof RuntimeRequestError && error.statusCode === 404;

/**
 * Follows production's output, every replica at once: each replica's last `tail` lines, then new lines as they
 * come, to `handlers.line`. Every REPLICA_WATCH_MS it looks at production's replicas again: a container not read
 * yet (a replica added by a scale up, one restarted, those of a deployment that went live) is read from the time
 * the follow began; a replica that stops or goes away ends its own part, not the follow. Resolves when `signal`
 * aborts (the viewer left) or the app is deleted; rejects with the first engine or database error.
 */
export async function followRuntimeLines(
  deps: PierDeps,
  app: App,
  first: RuntimeLogSource,
  tail: number,
  handlers: FollowHandlers,
  signal: AbortSignal,
): Promise<FollowEnd> {
  const since = new Date();
  const done = new AbortController();
  const streams = new Set<Readable>();
  const read = new Set<string>();
  let failure: unknown = null;
  const fail = (error: unknown) => {
    failure ??= error;
    done.abort();
  };
  const stop = () => done.abort();
  signal.addEventListener("abort", stop, { once: true });
  done.signal.addEventListener("abort", () => {
    for (const s of streams) s.destroy();
  });
  const opened = (s: Readable) => {
    if (done.signal.aborted) return s.destroy();
    streams.add(s);
    s.on("close", () => streams.delete(s));
  };
  const readNew = (source: RuntimeLogSource, from: { tail: number; since?: Date }) => {
    for (const replica of source.replicas) {
      if (read.has(replica.containerId)) continue;
      read.add(replica.containerId);
      const options = { ...from, follow: true, secrets: source.secrets };
      replicaLines(deps, replica, options, handlers.line, opened).catch((error: unknown) => {
        if (!isGone(error)) fail(error);
      });
    }
  };

  readNew(first, { tail });
  let shown = replicasKey(first);
  let end: FollowEnd = "left";
  try {
    while (!done.signal.aborted) {
      await delay(REPLICA_WATCH_MS, undefined, { signal: done.signal }).catch(() => {});
      if (done.signal.aborted) break;
      const current = await deps.prisma.app.findUnique({ where: { id: app.id } });
      if (!current) {
        end = "app deleted";
        break;
      }
      const source = await currentRuntimeLogSource(deps, current);
      if (source) readNew(source, { tail: NEW_REPLICA_TAIL, since });
      if (replicasKey(source) !== shown) {
        shown = replicasKey(source);
        handlers.replicas(source);
      }
    }
  } catch (error) {
    fail(error);
  } finally {
    signal.removeEventListener("abort", stop);
    stop();
  }
  if (failure && !signal.aborted) throw failure;
  return end;
}
