import type { NotificationDelivery } from "@pier/db";
import {
  ChannelError,
  createChannel,
  deleteChannel,
  getChannel,
  listChannels,
  listDeliveries,
  sendTestNotification,
  type Channel,
  type DeliveryStatus,
} from "@pier/notifications";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { errorResponses } from "../../schemas/common.ts";
import {
  createdNotificationDto,
  createNotificationBody,
  deliveriesQuery,
  deliveryDto,
  notificationDto,
  notificationParams,
} from "../../schemas/notification.ts";

const toDto = (c: Channel): z.infer<typeof notificationDto> => ({
  id: c.id,
  url: c.url,
  format: c.format,
  events: c.events,
  apps: c.apps,
  createdAt: c.createdAt.toISOString(),
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
const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma, notifications: queue } = app.pier;

  app.post(
    "/api/notifications",
    {
      schema: {
        summary: "Add a notification channel (its signing secret is shown once)",
        body: createNotificationBody,
        response: { 201: createdNotificationDto, ...errorResponses },
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
        summary: "List notification channels (never their secrets)",
        response: { 200: z.object({ channels: z.array(notificationDto) }), ...errorResponses },
      },
    },
    async () => {
      return { channels: (await listChannels(prisma)).map(toDto) };
    },
  );

  app.delete(
    "/api/notifications/:id",
    {
      schema: {
        summary: "Remove a notification channel and its delivery history",
        params: notificationParams,
        response: { 200: notificationDto, ...errorResponses },
      },
    },
    async (request) => toDto(await channelErrorsAsAppErrors(() => deleteChannel(prisma, request.params.id))),
  );

  app.get(
    "/api/notifications/:id/deliveries",
    {
      schema: {
        summary: "A channel's deliveries, newest first",
        params: notificationParams,
        querystring: deliveriesQuery,
        response: { 200: z.object({ deliveries: z.array(deliveryDto) }), ...errorResponses },
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
        params: notificationParams,
        response: { 202: deliveryDto, ...errorResponses },
      },
    },
    async (request, reply) => {
      const delivery = await channelErrorsAsAppErrors(() => sendTestNotification({ prisma, queue }, request.params.id));
      return reply.status(202).send(toDeliveryDto(delivery));
    },
  );
};

export default notificationsRoutes;
