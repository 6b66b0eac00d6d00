import { replicaStatuses } from "@pier/replicas";
import { METRIC_WINDOWS, type MetricWindow } from "@pier/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors } from "../../../schemas/common.ts";
import { findAppByName } from "../../../services/apps.ts";
import { appMetrics } from "../../../services/metrics.ts";
import { prometheusText } from "../../../services/prometheus.ts";

const nullableNumber = z.number().nullable();
const metricPoint = z.object({
  t: z.string(),
  requests: z.number(),
  requestsPerSecond: z.number(),
  errors: z.number(),
  errorRate: nullableNumber,
  p50Ms: nullableNumber,
  p95Ms: nullableNumber,
  p99Ms: nullableNumber,
  cpuPercent: nullableNumber,
  memoryMb: nullableNumber,
  replicas: nullableNumber,
});
const metricsDto = z.object({
  window: z.string(),
  stepSeconds: z.number(),
  from: z.string(),
  to: z.string(),
  series: z.array(metricPoint),
  totals: z.object({
    requests: z.number(),
    status1xx: z.number(),
    status2xx: z.number(),
    status3xx: z.number(),
    status4xx: z.number(),
    status5xx: z.number(),
    errorRate: nullableNumber,
    p50Ms: nullableNumber,
    p95Ms: nullableNumber,
    p99Ms: nullableNumber,
    restarts: z.number(),
  }),
});

/** What an app's traffic and containers did: per app as JSON, for everything in the Prometheus format. */
const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/apps/:name/metrics",
    {
      schema: {
        summary:
          "An app's requests, error rate, latency percentiles, CPU, memory and replicas " +
          "over a window (series and totals)",
        description:
          "Measured by Pier's router (requests, status classes, latency) and the container engine (CPU, memory), " +
          "one point per step of the window; null where nothing was measured.",
        operationId: "getAppMetrics",
        tags: ["metrics"],
        params: appParams,
        querystring: z.object({
          window: z.enum(Object.keys(METRIC_WINDOWS) as [MetricWindow, ...MetricWindow[]]).default("1h"),
        }),
        response: {
          200: metricsDto.describe("The series over the window, and its totals"),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(app.pier.prisma, request.params.name);
      return appMetrics(app.pier.prisma, target.id, request.query.window);
    },
  );

  app.get(
    "/metrics",
    {
      schema: {
        summary: "Every app's metrics in the Prometheus text format (token auth)",
        description: "For a Prometheus scrape job with a bearer token (read scope).",
        operationId: "getPrometheusMetrics",
        tags: ["metrics"],
        response: { 200: z.string().describe("The metrics (text/plain; version=0.0.4)"), ...apiErrors() },
      },
    },
    async (_request, reply) => {
      const { text, contentType } = await prometheusText(app.pier.prisma, (apps) => replicaStatuses(app.pier, apps));
      return reply.type(contentType).send(text);
    },
  );
};

export default metricsRoutes;
