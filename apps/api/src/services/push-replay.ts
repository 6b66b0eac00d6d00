import type { PrismaClient } from "@pier/db";

/**
 * Whether a push of `sha` to `branch` was seen before (a GitHub delivery id is no proof of freshness: a
 * captured, still validly signed push can be sent again with a new one). A commit already pushed either
 * runs or ran: building it again would at best repeat a deploy and at worst move production back to an
 * older commit, which only a rollback may do. Returns the earlier deployment of that commit, or null.
 */
export async function earlierPushOf(prisma: PrismaClient, appId: string, branch: string, sha: string) {
  return prisma.deployment.findFirst({
    where: { appId, branch, commitSha: sha, trigger: "PUSH" },
    orderBy: { createdAt: "desc" },
    select: { id: true, shortId: true, status: true, deliveryId: true },
  });
}
