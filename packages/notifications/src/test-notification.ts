import type { NotificationDelivery } from "@pier/db";
import { getChannel } from "./channels.ts";
import { enqueueDelivery, type NotifyDeps } from "./deliveries.ts";
import { channelTestEvent } from "./event.ts";

/**
 * Sends the test event (`channel.test`) to one channel, whatever events it subscribes to, so an operator can
 * check a URL and their signature check before a real alert depends on them. Throws ChannelError if the
 * channel doesn't exist.
 */
export async function sendTestNotification(deps: NotifyDeps, channelId: string): Promise<NotificationDelivery> {
  const channel = await getChannel(deps.prisma, channelId);
  return enqueueDelivery(deps, channel, channelTestEvent(channel.id));
}
