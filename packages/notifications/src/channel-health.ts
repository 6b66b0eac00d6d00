import type { PrismaClient } from "@pier/db";
import type { DeliveryStatus } from "./deliveries.ts";

/**
 * How a channel's deliveries have gone lately. `failingSince` is set while every delivery made since the last
 * success failed: the first of those failures (null when the last finished delivery got through).
 */
export interface ChannelHealth {
  lastSuccessAt: Date | null;
  failingSince: Date | null;
  /** The last failed delivery's error, while failing. */
  lastError: string | null;
  /** Failed deliveries since the last success (or ever, if none got through). */
  failuresInRow: number;
}

export const UNTRIED_CHANNEL: ChannelHealth = {
  lastSuccessAt: null,
  failingSince: null,
  lastError: null,
  failuresInRow: 0,
};

/** One channel's health, read from its delivery history (failures are counted since the last success). */
export async function channelHealth(prisma: PrismaClient, channelId: string): Promise<ChannelHealth> {
  const lastSuccess = await prisma.notificationDelivery.findFirst({
    where: { channelId, status: "DELIVERED" satisfies DeliveryStatus },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const since = lastSuccess ? { createdAt: { gt: lastSuccess.createdAt } } : {};
  const failed = { channelId, status: "FAILED" satisfies DeliveryStatus, ...since };
  const [first, last, failuresInRow] = await Promise.all([
    prisma.notificationDelivery.findFirst({ where: failed, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    prisma.notificationDelivery.findFirst({ where: failed, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    prisma.notificationDelivery.count({ where: failed }),
  ]);
  return {
    lastSuccessAt: lastSuccess?.deliveredAt ?? lastSuccess?.createdAt ?? null,
    failingSince: first?.createdAt ?? null,
    lastError: last?.lastError ?? null,
    failuresInRow,
  };
}

/** Every listed channel's health, by channel id. */
export async function channelHealths(prisma: PrismaClient, channelIds: string[]): Promise<Map<string, ChannelHealth>> {
  const healths = await Promise.all(channelIds.map((id) => channelHealth(prisma, id)));
  return new Map(channelIds.map((id, i) => [id, healths[i]!]));
}
