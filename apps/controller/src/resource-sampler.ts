import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { LABELS, type Logger, type PierConfig } from "@pier/shared";

export interface ResourceSampler {
  /** Writes one "controller" sample per app with a production deployment: CPU, memory, replicas, restarts. */
  sample(): Promise<number>;
}

/**
 * CPU and memory of each app's production containers (read for all of them in one pass: the runtime's
 * containerUsage; CPU % from two readings, 100 = one core), the replicas serving, and the replacements
 * since the last sample.
 */
export function createResourceSampler(
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  config: PierConfig,
  logger: Logger,
): ResourceSampler {
  const previous = new Map<string, { cpuNs: number; atMs: number }>();
  const restartsSeen = new Map<string, number>();
  let last = Date.now();
  let toldFallback = false;
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
      const production = new Set(apps.map((a) => a.productionDeploymentId));
      const serving = (await runtime.listContainers({ [LABELS.managed]: "true" })).filter(
        (c) => c.running && production.has(c.labels[LABELS.deployment] ?? ""),
      );
      const readAt = performance.now();
      const { usage, engineFallback } = await runtime.containerUsage(serving.map((c) => c.id));
      if (engineFallback && !toldFallback) {
        toldFallback = true;
        logger.warn({ reason: engineFallback }, "container usage comes from the engine, one request per container");
      }
      const cpuPercentOf = (id: string, cpuNs: number) => {
        const before = previous.get(id);
        previous.set(id, { cpuNs, atMs: readAt });
        if (!before || readAt <= before.atMs || cpuNs < before.cpuNs) return 0;
        return ((cpuNs - before.cpuNs) / ((readAt - before.atMs) * 1e6)) * 100;
      };
      for (const id of previous.keys()) if (!usage.has(id)) previous.delete(id);

      const rows = apps.map((app) => {
        const mine = serving.filter((c) => c.labels[LABELS.deployment] === app.productionDeploymentId);
        let cpuPercent = 0;
        let memoryBytes = 0;
        for (const container of mine) {
          const figures = usage.get(container.id);
          if (!figures) continue;
          memoryBytes += figures.memoryBytes;
          cpuPercent += cpuPercentOf(container.id, figures.cpuNs);
        }
        const restarts = app.replicaStates
          .filter((s) => s.deploymentId === app.productionDeploymentId)
          .reduce((sum, s) => sum + s.restarts, 0);
        const key = `${app.id}/${app.productionDeploymentId}`;
        const newRestarts = Math.max(0, restarts - (restartsSeen.get(key) ?? restarts));
        restartsSeen.set(key, restarts);
        return {
          appId: app.id,
          deploymentId: app.productionDeploymentId,
          at: new Date(now),
          intervalMs: now - last,
          source: "controller",
          cpuPercent: Math.round(cpuPercent * 100) / 100,
          memoryBytes: BigInt(memoryBytes),
          replicas: mine.length,
          restarts: newRestarts,
        };
      });
      last = now;
      if (rows.length) await prisma.metricSample.createMany({ data: rows });
      return rows.length;
    },
  };
}
