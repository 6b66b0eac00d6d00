import { replicaStatuses } from "@pier/replicas";
import { METRIC_WINDOWS, type MetricWindow } from "@pier/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
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

const METRICS_EXAMPLE: z.output<typeof metricsDto> = {
  window: "1h",
  stepSeconds: 60,
  from: "2026-01-05T08:30:00.000Z",
  to: "2026-01-05T09:30:00.000Z",
  series: [
    {
      t: "2026-01-05T09:29:00.000Z",
      requests: 1_200,
      requestsPerSecond: 20,
      errors: 3,
      errorRate: 0.0025,
      p50Ms: 12,
      p95Ms: 48,
      p99Ms: 120,
      cpuPercent: 14.5,
      memoryMb: 182,
      replicas: 2,
    },
  ],
  totals: {
    requests: 64_000,
    status1xx: 0,
    status2xx: 62_900,
    status3xx: 900,
    status4xx: 180,
    status5xx: 20,
    errorRate: 0.0003,
    p50Ms: 11,
    p95Ms: 45,
    p99Ms: 130,
    restarts: 0,
  },
};

const PROMETHEUS_EXAMPLE = [
  "# HELP pier_app_requests_total Requests to the app through Pier's routers, by status class",
  "# TYPE pier_app_requests_total counter",
  'pier_app_requests_total{app="web",status_class="2xx"} 62900',
  "",
].join("\n");

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
          200: withExample(metricsDto.describe("The series over the window, and its totals"), METRICS_EXAMPLE),
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
        response: {
          200: withExample(z.string().describe("The metrics (text/plain; version=0.0.4)"), PROMETHEUS_EXAMPLE),
          ...apiErrors(),
        },
      },
    },
    async (_request, reply) => {
      const { text, contentType } = await prometheusText(app.pier.prisma, (apps) => replicaStatuses(app.pier, apps));
      return reply.type(contentType).send(text);
    },
  );
};

export default metricsRoutes;
