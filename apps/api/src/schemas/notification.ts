import { DELIVERY_STATUSES, isWebhookUrl, MAX_CHANNEL_URL_LENGTH, NOTIFICATION_FORMATS } from "@pier/notifications";
import { NOTIFICATION_EVENTS } from "@pier/shared";
import { z } from "zod";
import { appName } from "./app.ts";
import { examples, wholeNumberQuery } from "./common.ts";

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
  .strict()
  .meta(
    examples({ url: "https://hooks.slack.com/services/T000/B000/XXXX", format: "slack", events: [], apps: ["web"] }),
  );

export const notificationParams = z.object({
  id: z.string().regex(/^[a-z0-9]{1,64}$/, "must be a notification channel id"),
});
export const deliveriesQuery = z.object({ limit: wholeNumberQuery(1, 500).default(50) });

export const notificationDto = z.object({
  id: z.string(),
  url: z.string(),
  format: z.enum(NOTIFICATION_FORMATS),
  events: z.array(z.string()).describe("Empty: all events"),
  apps: z.array(z.string()).describe("Empty: every app"),
  createdAt: z.string(),
  health: z
    .object({
      lastSuccessAt: z.string().nullable().describe("When a delivery last got through"),
      failingSince: z
        .string()
        .nullable()
        .describe("Set while every delivery since the last success failed: when the first of them was made"),
      lastError: z.string().nullable().describe("The last failed delivery's error, while failing"),
      failuresInRow: z.number().int().describe("Failed deliveries since the last success (or ever, if none)"),
    })
    .describe("How its deliveries have gone lately"),
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
