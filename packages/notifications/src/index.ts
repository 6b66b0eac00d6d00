export {
  createChannel,
  deleteChannel,
  getChannel,
  isNotificationEventName,
  isWebhookUrl,
  listChannels,
  MAX_CHANNEL_URL_LENGTH,
  type Channel,
  type CreateChannelInput,
} from "./channels.ts";
export { channelHealth, channelHealths, UNTRIED_CHANNEL, type ChannelHealth } from "./channel-health.ts";
export {
  DELIVERY_STATUSES,
  enqueueDelivery,
  listDeliveries,
  type DeliveryStatus,
  type NotifyDeps,
} from "./deliveries.ts";
export {
  createNotificationWorker,
  DEFAULT_DELIVERY_TIMEOUT_MS,
  type DeliveryOutcome,
  type NotificationLogger,
  type NotificationWorkerOptions,
} from "./delivery-worker.ts";
export { ChannelError, DeliveryError, NotifyError, type ChannelErrorCode } from "./errors.ts";
export { CHANNEL_TEST_EVENT, channelTestEvent, type ChannelTestEvent, type DeliverableEvent } from "./event.ts";
export {
  DISCORD_MAX_CONTENT,
  isNotificationFormat,
  NOTIFICATION_FORMATS,
  renderBody,
  type DiscordBody,
  type JsonBody,
  type NotificationFormat,
  type SlackBody,
} from "./formats.ts";
export { notify } from "./notify.ts";
export { deliveryJob, notificationsQueueName, type DeliveryJobPayload } from "./queue.ts";
export { SIGNATURE_HEADER, signBody } from "./signature.ts";
export { sendTestNotification } from "./test-notification.ts";
