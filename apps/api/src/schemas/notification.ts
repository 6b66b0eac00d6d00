import { DELIVERY_STATUSES, isWebhookUrl, MAX_CHANNEL_URL_LENGTH, NOTIFICATION_FORMATS } from "@pier/notifications";
import { NOTIFICATION_EVENTS } from "@pier/shared";
import { z } from "zod";
import { appName } from "./app.ts";

export const createNotificationBody = z
  .object({
    url: z.string().refine(isWebhookUrl, {
      message: `must be an http(s) URL without credentials, at most ${MAX_CHANNEL_URL_LENGTH} characters`,
    }),
    format: z.enum(NOTIFICATION_FORMATS),
    events: z
      .array(z.enum(NOTIFICATION_EVENTS))
      .max(NOTIFICATION_EVENTS.length * 2)
      .default([])
      .describe("The events this channel receives; empty or missing: all of them"),
    apps: z
      .array(appName)
      .max(100)
      .default([])
      .describe("The apps whose events it receives (names); empty or missing: every app"),
  })
  .strict();

export const notificationParams = z.object({
  id: z.string().regex(/^[a-z0-9]{1,64}$/, "must be a notification channel id"),
});
export const deliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });

export const notificationDto = z.object({
  id: z.string(),
  url: z.string(),
  format: z.enum(NOTIFICATION_FORMATS),
  events: z.array(z.string()).describe("Empty: all events"),
  apps: z.array(z.string()).describe("Empty: every app"),
  createdAt: z.string(),
});
export const createdNotificationDto = notificationDto.extend({
  secret: z.string().describe("Signs JSON deliveries (X-Pier-Signature-256); shown once, store it now"),
});

export const deliveryDto = z.object({
  id: z.string(),
  channelId: z.string(),
  event: z.string(),
  appId: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  responseStatus: z.number().nullable().describe("The receiver's answer to the last attempt"),
  lastError: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).describe("The event as sent"),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
