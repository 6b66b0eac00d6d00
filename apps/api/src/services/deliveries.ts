import { listDeliveries } from "@pier/github";
import type { z } from "zod";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { deliveryDto } from "../schemas/delivery.ts";

/** The app's webhook deliveries, newest first, each with its deployment as it stands now. */
export async function deliveriesOf(
  deps: Pick<PierDeps, "prisma">,
  appId: string,
  limit: number,
): Promise<Array<z.infer<typeof deliveryDto>>> {
  const rows = await listDeliveries(deps.prisma, appId, limit);
  const ids = [...new Set(rows.flatMap((row) => (row.deploymentId ? [row.deploymentId] : [])))];
  const deployments = await deps.prisma.deployment.findMany({
    where: { id: { in: ids } },
    select: { id: true, shortId: true, status: true, failureReason: true },
  });
  const byId = new Map(deployments.map((d) => [d.id, d]));
  return rows.map((row) => {
    const deployment = row.deploymentId ? byId.get(row.deploymentId) : undefined;
    return {
      id: row.id,
      githubId: row.githubId,
      event: row.event,
      receivedAt: row.receivedAt.toISOString(),
      outcome: row.outcome,
      reason: row.reason,
      branch: row.branch,
      commitSha: row.commitSha,
      deployment: deployment
        ? {
            id: deployment.id,
            shortId: deployment.shortId,
            status: deployment.status,
            reason: deployment.failureReason,
          }
        : null,
    };
  });
}
