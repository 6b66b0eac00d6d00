import type { PrismaClient } from "@pier/db";
import { figuresOf, type TrafficFigures } from "./gate.ts";

/**
 * A deployment's own traffic as the routers measured it (their samples for its backends, apart from any other
 * version's), over the samples that ended after `since` (and not after `until`). Samples are written every
 * METRIC_SAMPLE_MS, so the first one may hold up to that much from before `since`.
 */
export async function deploymentTraffic(
  prisma: PrismaClient,
  deploymentId: string,
  since: Date,
  until?: Date,
): Promise<TrafficFigures> {
  const samples = await prisma.metricSample.findMany({
    where: { deploymentId, source: "router", at: { gt: since, ...(until ? { lte: until } : {}) } },
    select: { requests: true, status5xx: true, latencyBuckets: true },
  });
  return figuresOf(samples);
}
