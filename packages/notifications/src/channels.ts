import type { NotificationChannel, PrismaClient } from "@pier/db";
import { NOTIFICATION_EVENTS, randomId, type NotificationEventName } from "@pier/shared";
import { randomBytes } from "node:crypto";
import { ChannelError } from "./errors.ts";
import { isNotificationFormat, NOTIFICATION_FORMATS, type NotificationFormat } from "./formats.ts";

/** Longer URLs are a mistake, not a webhook. */
export const MAX_CHANNEL_URL_LENGTH = 2_000;

export interface CreateChannelInput {
  url: string;
  format: string;
  /** The events the channel wants; empty or missing: all of them. */
  events?: string[];
  /** The apps (names) whose events it wants; empty or missing: every app. */
  apps?: string[];
}

/** A channel as Pier reads it, its format narrowed to one Pier renders. */
export interface Channel {
  id: string;
  url: string;
  format: NotificationFormat;
  /** Empty: every event. */
  events: string[];
  /** Empty: every app. */
  apps: string[];
  secret: string;
  createdAt: Date;
}

/**
 * Receivers are outside Pier (Slack, Discord, an operator's service), so any host is allowed; only the scheme
 * is checked. No credentials in the URL: they would show in every listing.
 */
export function isWebhookUrl(raw: string): boolean {
  if (raw.length > MAX_CHANNEL_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false; // Not a URL at all: that is the answer, not an error.
  }
  return (
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.hostname !== "" &&
    url.username === "" &&
    url.password === ""
  );
}

export const isNotificationEventName = (value: string): value is NotificationEventName =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(value);

/** Checks the input (errors name the field), then stores the channel with a new signing secret. */
export async function createChannel(prisma: PrismaClient, input: CreateChannelInput): Promise<Channel> {
  if (!isWebhookUrl(input.url))
    throw new ChannelError(
      "invalid_channel",
      `must be an http(s) URL without credentials, at most ${MAX_CHANNEL_URL_LENGTH} characters`,
      "url",
    );
  if (!isNotificationFormat(input.format))
    throw new ChannelError("invalid_channel", `must be one of ${NOTIFICATION_FORMATS.join(", ")}`, "format");
  const events = [...new Set(input.events ?? [])];
  const unknown = events.find((e) => !isNotificationEventName(e));
  if (unknown !== undefined)
    throw new ChannelError(
      "invalid_channel",
      `unknown event ${JSON.stringify(unknown)}; events are ${NOTIFICATION_EVENTS.join(", ")}`,
      "events",
    );
  const record = await prisma.notificationChannel.create({
    data: {
      id: randomId(16, randomBytes),
      url: input.url,
      format: input.format,
      events,
      apps: [...new Set(input.apps ?? [])],
      secret: randomBytes(32).toString("hex"),
    },
  });
  return toChannel(record);
}

export async function listChannels(prisma: PrismaClient): Promise<Channel[]> {
  const records = await prisma.notificationChannel.findMany({ orderBy: { createdAt: "desc" } });
  return records.map(toChannel);
}

export async function getChannel(prisma: PrismaClient, id: string): Promise<Channel> {
  const record = await prisma.notificationChannel.findUnique({ where: { id } });
  if (!record) throw new ChannelError("channel_not_found", `notification channel ${id} does not exist`, "id");
  return toChannel(record);
}

/** Deletes the channel and its delivery history; queued deliveries to it find no row and are dropped. */
export async function deleteChannel(prisma: PrismaClient, id: string): Promise<Channel> {
  const channel = await getChannel(prisma, id);
  const { count } = await prisma.notificationChannel.deleteMany({ where: { id } });
  if (count === 0) throw new ChannelError("channel_not_found", `notification channel ${id} does not exist`, "id");
  return channel;
}

/** Rows are only written by createChannel, so a format Pier doesn't know means the row was edited by hand. */
export function toChannel(record: NotificationChannel): Channel {
  if (!isNotificationFormat(record.format))
    throw new Error(`notification channel ${record.id} has unknown format ${JSON.stringify(record.format)}`);
  return {
    id: record.id,
    url: record.url,
    format: record.format,
    events: record.events,
    apps: record.apps,
    secret: record.secret,
    createdAt: record.createdAt,
  };
}
