import type { NotificationDelivery, Prisma, PrismaClient } from "@pier/db";
import { randomId } from "@pier/shared";
import type { Queue } from "bullmq";
import { randomBytes } from "node:crypto";
import type { Channel } from "./channels.ts";
import type { DeliverableEvent } from "./event.ts";
import { deliveryJob, type DeliveryJobPayload } from "./queue.ts";

/** PENDING until the receiver answers 2xx (DELIVERED) or the last retry fails (FAILED). */
export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface NotifyDeps {
  prisma: PrismaClient;
  /** The notifications queue (see notificationsQueueName). */
  queue: Queue;
}

/**
 * Records one delivery of `event` to `channel` (PENDING) and queues it; the job id is the delivery id, so a
 * delivery is queued once. If Redis refuses the job, the row says so (FAILED) and the error is rethrown.
 */
export async function enqueueDelivery(
  deps: NotifyDeps,
  channel: Pick<Channel, "id">,
  event: DeliverableEvent,
): Promise<NotificationDelivery> {
  // Stored as the receiver will see it: through JSON (undefined fields gone, dates as strings).
  const payload = JSON.parse(JSON.stringify(event)) as Prisma.InputJsonObject;
  const delivery = await deps.prisma.notificationDelivery.create({
    data: {
      id: randomId(16, randomBytes),
      channelId: channel.id,
      event: event.event,
      appId: event.app?.id ?? null,
      payload,
      status: "PENDING" satisfies DeliveryStatus,
    },
  });
  const job: DeliveryJobPayload = { deliveryId: delivery.id };
  try {
    await deps.queue.add(deliveryJob.name, job, { ...deliveryJob.options, jobId: delivery.id });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await deps.prisma.notificationDelivery.update({
      where: { id: delivery.id },
      data: { status: "FAILED" satisfies DeliveryStatus, lastError: `could not be queued: ${message}` },
    });
    throw error;
  }
  return delivery;
}

/** A channel's delivery history, newest first. */
export async function listDeliveries(
  prisma: PrismaClient,
  channelId: string,
  limit: number,
): Promise<NotificationDelivery[]> {
  return prisma.notificationDelivery.findMany({
    where: { channelId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}
