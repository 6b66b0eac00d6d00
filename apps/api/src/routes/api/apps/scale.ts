import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams, replicaStatusDto } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { scaleApp } from "../../../services/scale.ts";
import { notify } from "@pier/notifications";

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
    async (request) => {
      const result = await scaleApp(app.pier, request.params.name, request.body.replicas);
      // Told to the notification channels; an alert that can't be queued is logged, the scale stands.
      const target = await app.pier.prisma.app.findUnique({ where: { name: request.params.name }, select: { id: true, name: true } });
      if (target) {
        const event = {
          event: "app.scaled" as const,
          app: target,
          summary: `${target.name}: scaled to ${result.replicas.desired} replica(s) by hand (${result.replicas.running} running)`,
          details: { desired: result.replicas.desired, running: result.replicas.running, started: result.started, stopped: result.stopped, by: "api" },
          at: new Date().toISOString(),
        };
        await notify({ prisma: app.pier.prisma, queue: app.pier.notifications }, event).catch((error) => request.log.error({ err: error }, "could not queue the scale notification"));
      }
      return result;
    },
  );
};

export default scaleRoutes;
