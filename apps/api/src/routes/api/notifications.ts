import type { NotificationDelivery } from "@pier/db";
import {
  ChannelError,
  channelHealths,
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  listDeliveries,
  sendTestNotification,
  UNTRIED_CHANNEL,
  type Channel,
  type ChannelHealth,
  type DeliveryStatus,
} from "@pier/notifications";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { apiErrors, withExample } from "../../schemas/common.ts";
import { notificationDeliveryExample, notificationExample } from "../../schemas/examples.ts";
import {
  createdNotificationDto,
  createNotificationBody,
  deliveriesQuery,
  deliveryDto,
  notificationDto,
  notificationParams,
} from "../../schemas/notification.ts";

const toDto = (c: Channel, health: ChannelHealth = UNTRIED_CHANNEL): z.infer<typeof notificationDto> => ({
  id: c.id,
  url: c.url,
  format: c.format,
  events: c.events,
  apps: c.apps,
  createdAt: c.createdAt.toISOString(),
  health: {
    lastSuccessAt: health.lastSuccessAt?.toISOString() ?? null,
    failingSince: health.failingSince?.toISOString() ?? null,
    lastError: health.lastError,
    failuresInRow: health.failuresInRow,
  },
});

const toDeliveryDto = (d: NotificationDelivery): z.infer<typeof deliveryDto> => ({
  id: d.id,
  channelId: d.channelId,
  event: d.event,
  appId: d.appId,
  // Only @pier/notifications writes these rows, with its own statuses and a JSON object payload.
  status: d.status as DeliveryStatus,
  attempts: d.attempts,
  responseStatus: d.responseStatus,
  lastError: d.lastError,
  payload: d.payload as Record<string, unknown>,
  createdAt: d.createdAt.toISOString(),
  deliveredAt: d.deliveredAt?.toISOString() ?? null,
});

/** The notifications package speaks in its own error codes; the HTTP edge maps them to the API's. */
async function channelErrorsAsAppErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof ChannelError)) throw error;
    throw new AppError(
      error.code === "channel_not_found" ? "not_found" : "validation_failed",
      error.message,
      error.field,
    );
  }
}

/**
 * Notification channels: where alerts go (a URL, a format, the events wanted), and each channel's delivery
 * history. Any API token may manage them, like apps; the signing secret is shown only when a channel is created.
 */
const CHANNEL_NOT_FOUND = "No notification channel has this id";

const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma, notifications: queue } = app.pier;

  app.post(
    "/api/notifications",
    {
      schema: {
        summary: "Add a notification channel (its signing secret is shown once)",
        description:
          "A URL Pier POSTs events to: JSON (signed with X-Pier-Signature-256), or Slack's or Discord's format. " +
          "Filter by event and app; empty lists mean all.",
        operationId: "createNotificationChannel",
        tags: ["notifications"],
        body: createNotificationBody,
        response: {
          201: withExample(createdNotificationDto.describe("The channel, with its secret (shown once)"), {
            ...notificationExample,
            secret: "whsec_9c2f4a7e1b3d5f8a0c6e2b4d",
          }),
          ...apiErrors(),
        },
      },
    },
    async (request, reply) => {
      const channel = await channelErrorsAsAppErrors(() => createChannel(prisma, request.body));
      return reply.status(201).send({ ...toDto(channel), secret: channel.secret });
    },
  );

  app.get(
    "/api/notifications",
    {
      schema: {
        summary: "List notification channels (never their secrets), each with its health (last success, failing since)",
        description: "Every channel with its format, filters and health.",
        operationId: "listNotificationChannels",
        tags: ["notifications"],
        response: {
          200: withExample(z.object({ channels: z.array(notificationDto) }).describe("The channels"), {
            channels: [notificationExample],
          }),
          ...apiErrors(),
        },
      },
    },
    async () => {
      const channels = await listChannels(prisma);
      const healths = await channelHealths(
        prisma,
        channels.map((c) => c.id),
      );
      return { channels: channels.map((c) => toDto(c, healths.get(c.id))) };
    },
  );

  app.delete(
    "/api/notifications/:id",
    {
      schema: {
        summary: "Remove a notification channel and its delivery history",
        description: "Deliveries still queued for it are dropped.",
        operationId: "deleteNotificationChannel",
        tags: ["notifications"],
        params: notificationParams,
        response: {
          200: withExample(notificationDto.describe("The channel removed"), notificationExample),
          ...apiErrors({ 404: CHANNEL_NOT_FOUND }),
        },
      },
    },
    async (request) => toDto(await channelErrorsAsAppErrors(() => deleteChannel(prisma, request.params.id))),
  );

  app.get(
    "/api/notifications/:id/deliveries",
    {
      schema: {
        summary: "A channel's deliveries, newest first",
        description: "Each event sent, its attempts, and the receiver's last answer or error.",
        operationId: "listNotificationDeliveries",
        tags: ["notifications"],
        params: notificationParams,
        querystring: deliveriesQuery,
        response: {
          200: withExample(z.object({ deliveries: z.array(deliveryDto) }).describe("The deliveries, newest first"), {
            deliveries: [notificationDeliveryExample],
          }),
          ...apiErrors({ 404: CHANNEL_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const channel = await channelErrorsAsAppErrors(() => getChannel(prisma, request.params.id));
      return { deliveries: (await listDeliveries(prisma, channel.id, request.query.limit)).map(toDeliveryDto) };
    },
  );

  app.post(
    "/api/notifications/:id/test",
    {
      schema: {
        summary: "Send the test event (channel.test) to a channel, whatever events it subscribes to",
        description: "Queued like any event: follow its delivery in the channel's deliveries.",
        operationId: "testNotificationChannel",
        tags: ["notifications"],
        params: notificationParams,
        response: {
          202: withExample(deliveryDto.describe("The delivery, queued"), {
            ...notificationDeliveryExample,
            event: "test",
            status: "PENDING",
            attempts: 0,
            responseStatus: null,
            deliveredAt: null,
          }),
          ...apiErrors({ 404: CHANNEL_NOT_FOUND }),
        },
      },
    },
    async (request, reply) => {
      const delivery = await channelErrorsAsAppErrors(() => sendTestNotification({ prisma, queue }, request.params.id));
      return reply.status(202).send(toDeliveryDto(delivery));
    },
  );
};

export default notificationsRoutes;
