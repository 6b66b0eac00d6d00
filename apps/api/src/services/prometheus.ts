import type { PrismaClient } from "@pier/db";
import type { ReplicaStatus } from "@pier/replicas";
import { percentileMs, STATUS_CLASSES } from "@pier/shared";
import { Counter, Gauge, Registry } from "prom-client";

/** The latency quantiles exported, over the last five minutes. */
const QUANTILE_WINDOW_MS = 5 * 60_000;

/**
 * Pier's metrics in the Prometheus text format (prom-client renders it): per app, requests by status
 * class and restarts since the samples kept (7 days), latency quantiles over the last five minutes,
 * replicas desired and running, and the latest CPU and memory.
 */
export async function prometheusText(
  prisma: PrismaClient,
  replicas: (
    apps: Array<{ id: string; replicas: number; productionDeploymentId: string | null }>,
  ) => Promise<Map<string, ReplicaStatus>>,
): Promise<{ text: string; contentType: string }> {
  const registry = new Registry();
  const requests = new Counter({
    name: "pier_app_requests_total",
    help: "Requests to the app through Pier's routers, by status class",
    labelNames: ["app", "status_class"],
    registers: [registry],
  });
  const restarts = new Counter({
    name: "pier_app_restarts_total",
    help: "Production replicas the controller replaced",
    labelNames: ["app"],
    registers: [registry],
  });
  const latency = new Gauge({
    name: "pier_app_latency_seconds",
    help: "Request latency quantiles over the last five minutes",
    labelNames: ["app", "quantile"],
    registers: [registry],
  });
  const desired = new Gauge({
    name: "pier_app_replicas_desired",
    help: "Production replicas wanted",
    labelNames: ["app"],
    registers: [registry],
  });
  const running = new Gauge({
    name: "pier_app_replicas_running",
    help: "Production replicas serving",
    labelNames: ["app"],
    registers: [registry],
  });
  const cpu = new Gauge({
    name: "pier_app_cpu_percent",
    help: "CPU of the app's production containers (100 = one core), latest sample",
    labelNames: ["app"],
    registers: [registry],
  });
  const memory = new Gauge({
    name: "pier_app_memory_bytes",
    help: "Memory of the app's production containers, latest sample",
    labelNames: ["app"],
    registers: [registry],
  });

  const apps = await prisma.app.findMany({
    select: { id: true, name: true, replicas: true, productionDeploymentId: true },
  });
  const statuses = await replicas(apps);
  const since = new Date(Date.now() - QUANTILE_WINDOW_MS);
  for (const app of apps) {
    const totals = await prisma.metricSample.aggregate({
      where: { appId: app.id, source: "router" },
      _sum: { status1xx: true, status2xx: true, status3xx: true, status4xx: true, status5xx: true },
    });
    for (const cls of STATUS_CLASSES)
      requests.inc({ app: app.name, status_class: cls }, totals._sum[`status${cls}`] ?? 0);
    const restartTotal = await prisma.metricSample.aggregate({
      where: { appId: app.id, source: "controller" },
      _sum: { restarts: true },
    });
    restarts.inc({ app: app.name }, restartTotal._sum.restarts ?? 0);
    const recent = await prisma.metricSample.findMany({
      where: { appId: app.id, source: "router", at: { gte: since } },
      select: { latencyBuckets: true },
    });
    const buckets = recent.reduce<number[]>((sum, r) => r.latencyBuckets.map((c, i) => c + (sum[i] ?? 0)), []);
    for (const q of [0.5, 0.95, 0.99]) {
      const ms = percentileMs(buckets, q);
      if (ms !== null) latency.set({ app: app.name, quantile: String(q) }, ms / 1000);
    }
    const status = statuses.get(app.id);
    desired.set({ app: app.name }, app.replicas);
    running.set({ app: app.name }, status?.running ?? 0);
    const resources = await prisma.metricSample.findFirst({
      where: { appId: app.id, source: "controller" },
      orderBy: { at: "desc" },
      select: { cpuPercent: true, memoryBytes: true },
    });
    if (resources?.cpuPercent != null) cpu.set({ app: app.name }, resources.cpuPercent);
    if (resources?.memoryBytes != null) memory.set({ app: app.name }, Number(resources.memoryBytes));
  }
  return { text: await registry.metrics(), contentType: registry.contentType };
}
