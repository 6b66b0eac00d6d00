import { notify } from "@pier/notifications";
import type { NotificationEvent } from "@pier/shared";
import type { RolloutDeps } from "./deps.ts";

/** Queues an alert on the app's channels; a failure to queue is logged, never stops the rollout's work. */
export async function alertRollout(deps: RolloutDeps, event: NotificationEvent): Promise<void> {
  const fields = { event: event.event, app: event.app?.name };
  if (event.event === "rollout.aborted") deps.logger.warn(fields, event.summary);
  else deps.logger.info(fields, event.summary);
  if (!deps.notifications) return;
  await notify({ prisma: deps.prisma, queue: deps.notifications }, event).catch((error: unknown) =>
    deps.logger.error({ err: error, event: event.event }, "could not queue a rollout alert"),
  );
}
