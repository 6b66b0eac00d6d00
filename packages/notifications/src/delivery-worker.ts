import type { PrismaClient } from "@pier/db";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { toChannel, type Channel } from "./channels.ts";
import type { DeliveryStatus } from "./deliveries.ts";
import { DeliveryError } from "./errors.ts";
import type { DeliverableEvent } from "./event.ts";
import { renderBody } from "./formats.ts";
import { deliveryJob } from "./queue.ts";
import { postDelivery } from "./send.ts";
import { SIGNATURE_HEADER, signBody } from "./signature.ts";

/** A receiver that hasn't answered in 5 s is treated as down; the retry comes soon enough. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 5_000;
/** Deliveries wait on the network, not the CPU: one slow receiver must not hold up the others. */
const DEFAULT_CONCURRENCY = 10;

export interface NotificationLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface NotificationWorkerOptions {
  prisma: PrismaClient;
  /** Connection for BullMQ's blocking commands (maxRetriesPerRequest: null). */
  connection: Redis;
  /** The notifications queue: notificationsQueueName(config.PIER_QUEUE_NAME). */
  queueName: string;
  logger: NotificationLogger;
  timeoutMs?: number;
  concurrency?: number;
}

export type DeliveryOutcome = "delivered" | "already-delivered" | "channel-deleted";

/**
 * The BullMQ worker that sends deliveries. Each attempt is recorded on the delivery row (attempts, the
 * receiver's status, the last error); a failed attempt is rethrown so BullMQ retries with back-off, and
 * the row turns FAILED when the last attempt fails.
 */
export function createNotificationWorker(options: NotificationWorkerOptions): Worker {
  const { prisma, logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS;

  const processor = async (job: Job): Promise<DeliveryOutcome> => {
    const payload = deliveryJob.payload.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid delivery job payload: ${payload.error.message}`);
    const { deliveryId } = payload.data;
    const delivery = await prisma.notificationDelivery.findUnique({
      where: { id: deliveryId },
      include: { channel: true },
    });
    // Deleting a channel deletes its deliveries: nobody wants this one any more.
    if (!delivery) return "channel-deleted";
    if (delivery.status === ("DELIVERED" satisfies DeliveryStatus)) return "already-delivered";
    let channel: Channel;
    try {
      channel = toChannel(delivery.channel);
    } catch (error) {
      throw new UnrecoverableError((error as Error).message);
    }
    // Only enqueueDelivery writes payloads, from a DeliverableEvent through JSON.
    const event = delivery.payload as unknown as DeliverableEvent;
    const body = JSON.stringify(renderBody(channel.format, event, { channelId: channel.id, deliveryId }));
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "user-agent": "Pier-Notifications",
      "x-pier-event": event.event,
      "x-pier-delivery": deliveryId,
    };
    // Slack and Discord don't check signatures, and their webhook URL is the secret.
    if (channel.format === "json") headers[SIGNATURE_HEADER.toLowerCase()] = signBody(channel.secret, body);

    try {
      const status = await postDelivery(channel.url, body, headers, timeoutMs);
      await record(prisma, deliveryId, {
        attempts: { increment: 1 },
        responseStatus: status,
        lastError: null,
        status: "DELIVERED",
        deliveredAt: new Date(),
      });
      return "delivered";
    } catch (error) {
      if (!(error instanceof DeliveryError)) throw error;
      await record(prisma, deliveryId, {
        attempts: { increment: 1 },
        responseStatus: error.status ?? null,
        lastError: error.message,
      });
      throw error;
    }
  };

  const worker = new Worker(options.queueName, processor, {
    connection: options.connection,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  });
  worker.on("error", (error) => logger.error({ err: error }, "notification worker error"));
  // Emitted after every failed attempt; only the last one (or one that can't be retried) ends the delivery.
  worker.on("failed", (job, error) => {
    if (!job) return; // A job lost to stalling: BullMQ has nothing left to say which delivery it was.
    const exhausted =
      job.attemptsMade >= (job.opts.attempts ?? 1) ||
      error instanceof UnrecoverableError ||
      error.name === "UnrecoverableError";
    if (!exhausted) return;
    const payload = deliveryJob.payload.safeParse(job.data);
    if (!payload.success) {
      logger.error({ jobId: job.id, err: error }, "notification job with an invalid payload failed");
      return;
    }
    const { deliveryId } = payload.data;
    logger.warn({ deliveryId, attempts: job.attemptsMade, err: error }, "notification delivery failed for good");
    record(prisma, deliveryId, { status: "FAILED", lastError: error.message }).catch((recordError: unknown) =>
      logger.error({ err: recordError, deliveryId }, "could not mark notification delivery FAILED"),
    );
  });
  return worker;
}

interface DeliveryUpdate {
  attempts?: { increment: number };
  responseStatus?: number | null;
  lastError?: string | null;
  status?: DeliveryStatus;
  deliveredAt?: Date;
}

/** updateMany, not update: a row deleted with its channel mid-delivery is not an error. */
async function record(prisma: PrismaClient, deliveryId: string, data: DeliveryUpdate): Promise<void> {
  await prisma.notificationDelivery.updateMany({ where: { id: deliveryId }, data });
}
