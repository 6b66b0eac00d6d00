import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams, replicaStatusDto } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, examples, wholeNumber, wholeNumberQuery } from "../../../schemas/common.ts";
import { scaleApp } from "../../../services/scale.ts";
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
            .describe("The policy, the replicas wanted, and the decisions, newest first"),
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

  app.post(
    "/api/apps/:name/scale",
    {
      schema: {
        summary:
          "Set the number of production replicas (0 … PIER_MAX_REPLICAS): " +
          "starts or drains containers of the live deployment, no build",
        description:
          "0 stops production (the app answers 503 until scaled up again). The autoscaler, if the app has a " +
          "policy, moves the count again within its min and max.",
        operationId: "scaleApp",
        tags: ["scaling"],
        params: appParams,
        body: z
          .object({ replicas: wholeNumber(0, maxReplicas, overMaximum).describe("0 … PIER_MAX_REPLICAS") })
          .strict()
          .meta(examples({ replicas: Math.min(2, maxReplicas) })),
        response: {
          200: z
            .object({ replicas: replicaStatusDto, started: z.array(z.number()), stopped: z.array(z.number()) })
            .describe("The replicas now, and the indexes started and stopped"),
          ...apiErrors({
            404: APP_NOT_FOUND,
            409: "The app has an autoscale policy (which sets the count), or nothing live to run",
          }),
        },
      },
    },
    async (request) => scaleApp(app.pier, request.params.name, request.body.replicas, "api", request.log),
  );
};

export default scaleRoutes;
