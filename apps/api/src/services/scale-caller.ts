import { notify } from "@pier/notifications";
import type { NotificationEvent } from "@pier/shared";
import type { PierDeps } from "../plugins/app/deps.ts";

/** How long a scale request waits for the controller to finish what it is doing with the app. */
export const LOCK_WAIT_MS = 60_000;

/** Who asks the API to change a count, and where a notification that can't be queued is logged. */
export interface ScaleCaller {
  by: "api" | "dashboard";
  log: { error(obj: object, msg: string): void };
}

/** Sends app.scaled to the channels; an alert that can't be queued is logged, and the scale stands. */
export const scaleNotifier = (deps: PierDeps, log: ScaleCaller["log"]) => (event: NotificationEvent) =>
  notify({ prisma: deps.prisma, queue: deps.notifications }, event).catch((error) =>
    log.error({ err: error }, "could not queue the scale notification"),
  );
