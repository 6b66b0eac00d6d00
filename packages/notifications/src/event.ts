import type { NotificationEvent } from "@pier/shared";

/**
 * The event `POST /api/notifications/:id/test` sends. It has its own name, not one of NOTIFICATION_EVENTS, so a
 * receiver never mistakes a test for a real deployment or outage (GitHub's `ping` does the same).
 */
export const CHANNEL_TEST_EVENT = "channel.test";

export type ChannelTestEvent = Omit<NotificationEvent, "event"> & { event: typeof CHANNEL_TEST_EVENT };

/** What a delivery carries: a real event, or the test one. */
export type DeliverableEvent = NotificationEvent | ChannelTestEvent;

export function channelTestEvent(channelId: string, now: Date = new Date()): ChannelTestEvent {
  return {
    event: CHANNEL_TEST_EVENT,
    summary: "Test notification from Pier: this channel receives alerts",
    details: { channelId },
    at: now.toISOString(),
  };
}
