import { tryLock } from "@pier/redis";
import { reconcileProduction, type ReconcileOutcome, type ReleaseDeps } from "@pier/release";
import { RECONCILE_LOCK_TTL_MS, reconcileLockKey } from "@pier/replicas";
import type { Logger, NotificationEvent } from "@pier/shared";
import type { Queue } from "bullmq";
import { randomUUID } from "node:crypto";
import { requestImageRebuild } from "./image-rebuild.ts";
import { replicaEvents } from "./replica-events.ts";
import type { StoppedContainers } from "./stopped-containers.ts";

/**
 * How soon an app is looked at again when its pass could not run: its lock was taken (the API scaling
 * it, another controller, or one killed holding it for RECONCILE_LOCK_TTL_MS), or the pass failed.
 */
const RETRY_MS = 2_000;

export interface ReconcilerDeps extends ReleaseDeps {
  logger: Logger;
  /** The deploy queue, where a lost production image is asked to be built again. */
  queue: Queue;
  alert(events: NotificationEvent[]): Promise<void>;
  /** Containers the engine stopped (their loss is not the app's failure). */
  stopped: StoppedContainers;
  onOutcome?: (appId: string, outcome: ReconcileOutcome) => void;
}

export interface Reconciler {
  /** Reconciles one app now (or, while a pass runs for it, once more right after). */
  reconcile(appId: string): Promise<void>;
  /** No new passes or wake-ups; resolves once the running passes have ended. */
  close(): Promise<void>;
}

/**
 * One reconcile pass per app at a time, under the app's reconcile lock (shared with the API's scale).
 * An app is looked at again by itself when it needs to be: when a back-off ends, and RETRY_MS after a
 * pass that could not run. Nothing here waits for the sweep.
 */
export function createReconciler(deps: ReconcilerDeps): Reconciler {
  const { logger } = deps;
  const owner = `controller:${randomUUID()}`;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const wakes = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  let closed = false;

  /** Reconciles the app at `at`, unless a wake-up is due for it sooner. */
  const wakeAt = (appId: string, at: number) => {
    const current = wakes.get(appId);
    if (closed || (current && current.at <= at)) return;
    clearTimeout(current?.timer);
    const timer = setTimeout(
      () => {
        wakes.delete(appId);
        void reconcile(appId);
      },
      Math.max(0, at - Date.now()),
    ).unref();
    wakes.set(appId, { at, timer });
  };

  const passOnce = async (appId: string) => {
    const lock = await tryLock(deps.redis, reconcileLockKey(appId), owner, RECONCILE_LOCK_TTL_MS);
    if (!lock) return wakeAt(appId, Date.now() + RETRY_MS);
    try {
      const outcome = await reconcileProduction(deps, appId, new Date(), { stoppedFromOutside: deps.stopped.ids() });
      if (!outcome) return;
      for (const { containerId, error } of outcome.notRemoved)
        logger.error(
          { appId, containerId, error },
          "could not remove a dead container; its replacement started anyway, and the next pass tries again",
        );
      if (outcome.started.length || outcome.stopped.length || outcome.waiting.length) {
        logger.info({ appId, ...outcome }, "reconciled");
        deps.onOutcome?.(appId, outcome);
      }
      const app = await deps.prisma.app.findUnique({ where: { id: appId }, select: { id: true, name: true } });
      if (app) {
        const rebuild = await requestImageRebuild(deps, app, outcome);
        await deps.alert([...(await replicaEvents(deps.redis, app, outcome)), ...rebuild]);
      }
      // Wake up exactly when the next back-off ends.
      const next = Math.min(...outcome.waiting.map((w) => w.at.getTime()));
      if (Number.isFinite(next)) wakeAt(appId, next);
      if (outcome.notRemoved.length) wakeAt(appId, Date.now() + RETRY_MS);
    } finally {
      await lock.release();
    }
  };

  const reconcile = (appId: string): Promise<void> => {
    if (closed) return Promise.resolve();
    const current = running.get(appId);
    if (current) {
      again.add(appId);
      return current;
    }
    const pass = (async () => {
      try {
        do {
          again.delete(appId);
          await passOnce(appId).catch((error) => {
            logger.error({ err: error, appId }, `reconcile failed; trying again in ${RETRY_MS} ms`);
            wakeAt(appId, Date.now() + RETRY_MS);
          });
        } while (again.has(appId) && !closed);
      } finally {
        running.delete(appId);
      }
    })();
    running.set(appId, pass);
    return pass;
  };

  return {
    reconcile,
    async close() {
      closed = true;
      for (const { timer } of wakes.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
