import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime, ContainerStats } from "@pier/runtime";
import { LABELS, METRIC_RETENTION_MS, type PierConfig } from "@pier/shared";

export interface ResourceSampler {
  /** Writes one "controller" sample per app with a production deployment: CPU, memory, replicas, restarts. */
  sample(): Promise<number>;
}

/**
 * CPU and memory of each app's production containers (Docker stats; CPU % from two readings, 100 =
 * one core), the replicas serving, and the replacements since the last sample.
 */
export function createResourceSampler(
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  config: PierConfig,
): ResourceSampler {
  const previous = new Map<string, ContainerStats>();
  const restartsSeen = new Map<string, number>();
  let last = Date.now();
  return {
    async sample() {
      const now = Date.now();
      const apps = await prisma.app.findMany({
        where: { productionDeploymentId: { not: null }, name: { startsWith: config.PIER_CONTROLLER_APP_PREFIX } },
        select: {
          id: true,
          productionDeploymentId: true,
          replicaStates: { select: { deploymentId: true, restarts: true } },
        },
      });
      const containers = await runtime.listContainers({ [LABELS.managed]: "true" });
      const rows = [];
      const seenIds = new Set<string>();
      for (const app of apps) {
        const mine = containers.filter((c) => c.labels[LABELS.deployment] === app.productionDeploymentId && c.running);
        let cpuPercent = 0;
        let memoryBytes = 0;
        for (const container of mine) {
          const stats = await runtime.containerStats(container.id);
          if (!stats) continue;
          seenIds.add(container.id);
          const before = previous.get(container.id);
          previous.set(container.id, stats);
          memoryBytes += stats.memoryBytes;
          const cpuDelta = before ? stats.cpuTotalNs - before.cpuTotalNs : 0;
          const systemDelta = before ? stats.systemCpuNs - before.systemCpuNs : 0;
          if (cpuDelta > 0 && systemDelta > 0) cpuPercent += (cpuDelta / systemDelta) * stats.onlineCpus * 100;
        }
        const restarts = app.replicaStates
          .filter((s) => s.deploymentId === app.productionDeploymentId)
          .reduce((sum, s) => sum + s.restarts, 0);
        const key = `${app.id}/${app.productionDeploymentId}`;
        const newRestarts = Math.max(0, restarts - (restartsSeen.get(key) ?? restarts));
        restartsSeen.set(key, restarts);
        rows.push({
          appId: app.id,
          deploymentId: app.productionDeploymentId,
          at: new Date(now),
          intervalMs: now - last,
          source: "controller",
          cpuPercent: Math.round(cpuPercent * 100) / 100,
          memoryBytes: BigInt(memoryBytes),
          replicas: mine.length,
          restarts: newRestarts,
        });
      }
      for (const id of previous.keys()) if (!seenIds.has(id)) previous.delete(id);
      last = now;
      if (rows.length) await prisma.metricSample.createMany({ data: rows });
      return rows.length;
    },
  };
}

/** Samples older than the retention (7 days, as Coolify keeps them) are deleted. */
export async function pruneMetricSamples(prisma: PrismaClient, now = Date.now()): Promise<number> {
  const { count } = await prisma.metricSample.deleteMany({
    where: { at: { lt: new Date(now - METRIC_RETENTION_MS) } },
  });
  return count;
}
