import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams, replicaStatusDto } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, examples, wholeNumber, wholeNumberQuery } from "../../../schemas/common.ts";
import { replicaStatusExample } from "../../../schemas/examples.ts";
import { replicasOf, scaleApp } from "../../../services/scale.ts";
import { setAppResources } from "../../../services/scale-resources.ts";
import { appRedeployDto, toAppRedeployDto } from "./redeploy.ts";
import { findAppByName } from "../../../services/apps.ts";
import { appDto } from "../../../schemas/app.ts";
import { storedAutoscalePolicy } from "@pier/shared";
import type { ScaledBy } from "@pier/replicas";

/** Desired state: how many replicas production runs. */
const scaleDecisionDto = z.object({
  at: z.string(),
  from: z.number(),
  to: z.number(),
  /** Who changed the count: api, dashboard or autoscaler (held-back decisions leave it as it was). */
  by: z.enum(["api", "dashboard", "autoscaler"]),
  reason: z.string(),
  panic: z.boolean(),
  /** Whole-app mean in-flight requests over the last 6 s and 60 s, and requests per second. */
  panicConcurrency: z.number(),
  stableConcurrency: z.number(),
  requestsPerSecond: z.number(),
});

const AUTOSCALE_EXAMPLE = {
  policy: { min: 1, max: 4, targetConcurrency: 10, scaleDownDelaySeconds: 60, idleTimeoutSeconds: 300 },
  desired: 2,
  decisions: [
    {
      at: "2026-01-05T09:31:12.000Z",
      from: 1,
      to: 2,
      by: "autoscaler",
      reason: "18.4 in flight over 60 s, 10 per replica wanted: 2 replicas",
      panic: false,
      panicConcurrency: 17.9,
      stableConcurrency: 18.4,
      requestsPerSecond: 36.2,
    },
  ],
} satisfies { policy: object; desired: number; decisions: Array<z.output<typeof scaleDecisionDto>> };

const scaledBy = (by: string): ScaledBy => (by === "api" || by === "dashboard" ? by : "autoscaler");

const scaleRoutes: FastifyPluginAsyncZod = async (app) => {
  const maxReplicas = app.pier.config.PIER_MAX_REPLICAS;
  const overMaximum = `must be a whole number from 0 to ${maxReplicas} (the operator's maximum, PIER_MAX_REPLICAS)`;
  app.get(
    "/api/apps/:name/autoscale",
    {
      schema: {
        summary: "The app's autoscale policy and every change of its replica count (and why), newest first",
        description:
          "The policy (null: replicas change only by hand), the replica count wanted now, and the log of decisions " +
          "with the load behind each. Set the policy with PATCH /api/apps/{name} (autoscale).",
        operationId: "getAutoscale",
        tags: ["scaling"],
        params: appParams,
        querystring: z.object({ limit: wholeNumberQuery(1, 1000).default(100) }).strict(),
        response: {
          200: z
            .object({ policy: appDto.shape.autoscale, desired: z.number(), decisions: z.array(scaleDecisionDto) })
            .describe("The policy, the replicas wanted, and the decisions, newest first")
            .meta(examples(AUTOSCALE_EXAMPLE)),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const found = await findAppByName(app.pier.prisma, request.params.name);
      const decisions = await app.pier.prisma.scaleDecision.findMany({
        where: { appId: found.id },
        orderBy: { at: "desc" },
        take: request.query.limit,
      });
      return {
        policy: storedAutoscalePolicy(found.autoscale),
        desired: found.replicas,
        decisions: decisions.map((d) => ({
          at: d.at.toISOString(),
          from: d.fromReplicas,
          to: d.toReplicas,
          by: scaledBy(d.by),
          reason: d.reason,
          panic: d.panic,
          panicConcurrency: d.panicConcurrency,
          stableConcurrency: d.stableConcurrency,
          requestsPerSecond: d.requestsPerSecond,
        })),
      };
    },
  );

  const maxMemoryMb = app.pier.config.PIER_MAX_MEMORY_MB;
  const maxCpus = app.pier.config.PIER_MAX_CPUS;
  const memoryRule = `must be a whole number of MB from 16 to ${maxMemoryMb} (PIER_MAX_MEMORY_MB), or null`;
  const cpusRule = `must be a number of CPUs from 0.05 to ${maxCpus} (PIER_MAX_CPUS), or null`;
  app.post(
    "/api/apps/:name/scale",
    {
      schema: {
        summary:
          "Set the number of production replicas (0 … PIER_MAX_REPLICAS) and/or the memory and CPUs of each " +
          "(applied by a redeploy, no build)",
        description:
          "replicas: starts or drains containers of the live deployment, no build; 0 stops production (the app " +
          "answers 503 until scaled up again); the autoscaler, if the app has a policy, moves the count again " +
          "within its min and max. memoryMb and cpus: stored in the app's settings (null: the operator's default) " +
          "and applied by a redeploy of production's image (answered as `redeploy`; none when production already " +
          "runs with them or nothing is live). pier.json `resources` wins over them at the next build. Any of the " +
          "three, at least one.",
        operationId: "scaleApp",
        tags: ["scaling"],
        params: appParams,
        body: z
          .object({
            replicas: wholeNumber(0, maxReplicas, overMaximum).describe("0 … PIER_MAX_REPLICAS"),
            memoryMb: wholeNumber(16, maxMemoryMb, memoryRule)
              .nullable()
              .describe("Memory limit of each replica, MB (16 … PIER_MAX_MEMORY_MB); null: the default"),
            cpus: z
              .number({ error: cpusRule })
              .min(0.05, cpusRule)
              .max(maxCpus, cpusRule)
              .nullable()
              .describe("CPUs of each replica (0.05 … PIER_MAX_CPUS); null: the default"),
          })
          .partial()
          .strict()
          .refine((body) => Object.keys(body).length > 0, { message: "name replicas, memoryMb or cpus (one at least)" })
          .meta(examples({ replicas: Math.min(2, maxReplicas), memoryMb: Math.min(512, maxMemoryMb) })),
        response: {
          200: z
            .object({
              replicas: replicaStatusDto,
              started: z.array(z.number()),
              stopped: z.array(z.number()),
              resources: z
                .object({ memoryMb: z.number().nullable(), cpus: z.number().nullable(), message: z.string() })
                .nullable()
                .describe("The app's memory and CPU settings now (null values: the default); null: not changed"),
              redeploy: appRedeployDto.nullable().describe("The redeploy that applies new resources, queued"),
            })
            .describe("The replicas now, the indexes started and stopped, and the resources and their redeploy")
            .meta(
              examples({ replicas: replicaStatusExample, started: [2], stopped: [], resources: null, redeploy: null }),
            ),
          ...apiErrors({
            404: APP_NOT_FOUND,
            409: "The app has an autoscale policy (which sets the count), or nothing live to run",
          }),
        },
      },
    },
    async (request) => {
      const { replicas, memoryMb, cpus } = request.body;
      const name = request.params.name;
      const scaled = replicas === undefined ? null : await scaleApp(app.pier, name, replicas, "api", request.log);
      const changed =
        memoryMb === undefined && cpus === undefined
          ? null
          : await setAppResources(app.pier, name, { memoryMb, cpus }, "API");
      const status = scaled?.replicas ?? (await replicasOf(app.pier, name));
      const redeploy = changed?.redeploy;
      return {
        replicas: status,
        started: scaled?.started ?? [],
        stopped: scaled?.stopped ?? [],
        resources: changed && { memoryMb: changed.memoryMb, cpus: changed.cpus, message: changed.message },
        redeploy: redeploy ? toAppRedeployDto(app.pier.config, redeploy) : null,
      };
    },
  );
};

export default scaleRoutes;
