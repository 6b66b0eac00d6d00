import type { DeliverableEvent } from "./event.ts";

/** How a channel wants its alerts: Pier's own signed JSON, or a Slack or Discord incoming webhook. */
export const NOTIFICATION_FORMATS = ["json", "slack", "discord"] as const;
export type NotificationFormat = (typeof NOTIFICATION_FORMATS)[number];

export const isNotificationFormat = (value: string): value is NotificationFormat =>
  (NOTIFICATION_FORMATS as readonly string[]).includes(value);

/** Discord refuses a message whose content is longer. */
export const DISCORD_MAX_CONTENT = 2_000;
/** Chat messages are read at a glance: a few facts, each short. The JSON format carries them all. */
const MAX_DETAIL_LINES = 8;
const MAX_DETAIL_CHARS = 200;

export interface DeliveryIds {
  channelId: string;
  deliveryId: string;
}

export type JsonBody = DeliverableEvent & DeliveryIds;
export interface SlackBody {
  text: string;
}
export interface DiscordBody {
  content: string;
  allowed_mentions: { parse: never[] };
}

/** The body a channel of `format` receives for `event` (an object; the worker serialises and signs it once). */
export function renderBody(
  format: NotificationFormat,
  event: DeliverableEvent,
  ids: DeliveryIds,
): JsonBody | SlackBody | DiscordBody {
  switch (format) {
    case "json":
      return { ...event, ...ids };
    case "slack":
      return { text: chatLines(event).map(escapeSlack).join("\n") };
    case "discord":
      // No @everyone or role pings, whatever an app name or a detail contains.
      return { content: cut(chatLines(event).join("\n"), DISCORD_MAX_CONTENT), allowed_mentions: { parse: [] } };
  }
}

/** Summary first, then the app, a few details and the time: what a person on call needs in a chat. */
function chatLines(event: DeliverableEvent): string[] {
  const lines = [`[Pier] ${event.summary}`];
  if (event.app) lines.push(`app: ${event.app.name}`);
  const details = Object.entries(event.details ?? {});
  for (const [key, value] of details.slice(0, MAX_DETAIL_LINES))
    lines.push(`${key}: ${cut(detailText(value), MAX_DETAIL_CHARS)}`);
  if (details.length > MAX_DETAIL_LINES) lines.push(`(${details.length - MAX_DETAIL_LINES} more)`);
  lines.push(`event: ${event.event} at ${event.at}`);
  return lines;
}

function detailText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value) ?? String(value);
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Slack reads `<…>` as links and mentions and `&` as an entity: these three are its only escapes. */
function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
