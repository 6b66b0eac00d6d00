import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams, replicaStatusDto } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
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
  app.get(
    "/api/apps/:name/autoscale",
    {
      schema: {
        summary: "The app's autoscale policy and every change of its replica count (and why), newest first",
        params: appParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict(),
        response: {
          200: z.object({ policy: appDto.shape.autoscale, desired: z.number(), decisions: z.array(scaleDecisionDto) }),
          ...errorResponses,
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
        params: appParams,
        body: z.object({ replicas: z.number().int().min(0, "must be 0 or more") }).strict(),
        response: {
          200: z.object({ replicas: replicaStatusDto, started: z.array(z.number()), stopped: z.array(z.number()) }),
          ...errorResponses,
        },
      },
    },
    async (request) => scaleApp(app.pier, request.params.name, request.body.replicas, "api", request.log),
  );
};

export default scaleRoutes;
