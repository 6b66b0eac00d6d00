import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
import { queuedDeploymentExample } from "../../../schemas/examples.ts";
import { deploymentDto } from "../../../schemas/deployment.ts";
import { redeployApp, type QueuedAppRedeploy } from "../../../services/redeploy.ts";
import type { PierConfig } from "@pier/shared";
import { toDeploymentDto } from "../../../services/views.ts";

/** The answer to a redeploy: the new deployment, queued, and the production deployment whose image it reuses. */
export const appRedeployDto = deploymentDto.extend({
  redeployOf: z.string().describe("The production deployment whose image it starts again"),
  message: z.string().describe("What it does, in words"),
});

/** A queued redeploy as the API answers it. */
export const toAppRedeployDto = (config: PierConfig, queued: QueuedAppRedeploy): z.infer<typeof appRedeployDto> => ({
  ...toDeploymentDto(config, queued.deployment, queued.app),
  redeployOf: queued.source.id,
  message: queued.message,
});

const redeployRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/apps/:name/redeploy",
    {
      schema: {
        summary: "Start production's image again with the current env vars and settings (no clone, no build)",
        description:
          "How env var and resource changes go live without a rebuild: a new deployment of the same image, its env " +
          "frozen from the app's production env vars now and its memory and CPUs from the app's settings, started, " +
          "health-checked and switched in with no downtime (a REDEPLOY release). No body. Different from " +
          "POST /api/deployments/{id}/redeploy, which builds a deployment's commit again.",
        operationId: "redeployApp",
        tags: ["deployments"],
        params: appParams,
        response: {
          202: withExample(appRedeployDto.describe("The redeploy, queued"), {
            ...queuedDeploymentExample,
            id: "p8w2n5r7t1",
            shortId: "p8w2n5r",
            trigger: "api",
            redeployOf: "k3v9x2m1q8",
            message:
              "Redeploying production k3v9x2m (image pier/web:4f9a2c0d1e8b, no build) with the current env vars and " +
              "settings as deployment p8w2n5r",
          }),
          ...apiErrors({
            404: APP_NOT_FOUND,
            409: "The app has no production deployment, or its image was pruned (deploy again)",
            503: "The job queue (Redis) or the database can't be reached",
          }),
        },
      },
    },
    async (request, reply) => {
      const queued = await redeployApp(app.pier, request.params.name, "API");
      return reply.status(202).send(toAppRedeployDto(app.pier.config, queued));
    },
  );
};

export default redeployRoutes;
