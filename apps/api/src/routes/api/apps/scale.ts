import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams, replicaStatusDto } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { scaleApp } from "../../../services/scale.ts";

/** Desired state: how many replicas production runs. */
const scaleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/apps/:name/scale",
    {
      schema: {
        summary: "Set the number of production replicas (0 … PIER_MAX_REPLICAS): starts or drains containers of the live deployment, no build",
        params: appParams,
        body: z.object({ replicas: z.number().int().min(0, "must be 0 or more") }).strict(),
        response: { 200: z.object({ replicas: replicaStatusDto, started: z.array(z.number()), stopped: z.array(z.number()) }), ...errorResponses },
      },
    },
    async (request) => scaleApp(app.pier, request.params.name, request.body.replicas),
  );
};

export default scaleRoutes;
