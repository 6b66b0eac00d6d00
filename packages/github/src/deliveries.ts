import type { DeliveryOutcome, PrismaClient } from "@pier/db";
import { randomUUID } from "node:crypto";

export interface DeliveryRecord {
  appId: string;
  /** GitHub's X-GitHub-Delivery; null for a push the head check caught. */
  githubId: string | null;
  event: string;
  outcome: DeliveryOutcome;
  reason?: string | null;
  deploymentId?: string | null;
  commitSha?: string | null;
  branch?: string | null;
}

/**
 * Records what Pier did with one webhook delivery (or with a push it found without one), then keeps the app's
 * newest `kept`: rejected deliveries are counted apart, so requests without the secret never push GitHub's out.
 */
export async function recordDelivery(prisma: PrismaClient, kept: number, record: DeliveryRecord): Promise<void> {
  await prisma.webhookDelivery.create({
    data: {
      id: randomUUID(),
      appId: record.appId,
      githubId: record.githubId?.slice(0, 200) ?? null,
      event: record.event.slice(0, 100),
      outcome: record.outcome,
      reason: record.reason?.slice(0, 2_000) ?? null,
      deploymentId: record.deploymentId ?? null,
      commitSha: record.commitSha ?? null,
      branch: record.branch?.slice(0, 255) ?? null,
    },
  });
  const pool =
    record.outcome === "rejected" ? { outcome: "rejected" as const } : { outcome: { not: "rejected" as const } };
  const beyond = await prisma.webhookDelivery.findMany({
    where: { appId: record.appId, ...pool },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    skip: kept,
    select: { id: true },
  });
  if (beyond.length) await prisma.webhookDelivery.deleteMany({ where: { id: { in: beyond.map((d) => d.id) } } });
}

/** The app's deliveries, newest first. */
export function listDeliveries(prisma: PrismaClient, appId: string, limit: number) {
  return prisma.webhookDelivery.findMany({
    where: { appId },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

/** Whether a delivery (of any outcome) or a caught push already named this commit. */
export async function deliveredCommit(prisma: PrismaClient, appId: string, commitSha: string): Promise<boolean> {
  return (await prisma.webhookDelivery.count({ where: { appId, commitSha } })) > 0;
}
