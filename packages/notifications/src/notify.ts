import type { NotificationEvent } from "@pier/shared";
import { enqueueDelivery, type NotifyDeps } from "./deliveries.ts";
import { NotifyError } from "./errors.ts";

/**
 * Sends `event` to every channel subscribed to it (a channel with no events listed gets all): one delivery
 * row and one queued job per channel. Returns how many were queued; the worker sends them within moments.
 *
 * Receivers being down, slow or refusing never reach the caller: that happens later, in the worker, and
 * is recorded on the delivery rows. What can throw is Pier's own storage:
 * - reading the channels (Postgres) throws as it is;
 * - a delivery that could not be recorded or queued throws a NotifyError once every channel has been tried
 *   (the others still leave; `queued` says how many).
 * Callers log it and carry on: an alert must never stop the work it reports on.
 */
export async function notify(deps: NotifyDeps, event: NotificationEvent): Promise<number> {
  const channels = await deps.prisma.notificationChannel.findMany({
    where: {
      AND: [
        { OR: [{ events: { isEmpty: true } }, { events: { has: event.event } }] },
        // A channel limited to some apps hears only of them (events about no app go to every channel).
        ...(event.app ? [{ OR: [{ apps: { isEmpty: true } }, { apps: { has: event.app.name } }] }] : []),
      ],
    },
    select: { id: true },
  });
  const results = await Promise.allSettled(channels.map((channel) => enqueueDelivery(deps, channel, event)));
  const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  const queued = results.length - errors.length;
  if (errors.length > 0) throw new NotifyError(queued, errors);
  return queued;
}
