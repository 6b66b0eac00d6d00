import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
import { releaseExample, releaseResultExample } from "../../../schemas/examples.ts";
import { promoteBody, releaseDto, releaseResultDto, rollbackBody } from "../../../schemas/release.ts";
import { findAppByName } from "../../../services/apps.ts";
import { releaseExistingDeployment, toReleaseDtos } from "../../../services/releases.ts";

// A release refused leaves production as it was.
const releaseErrors = apiErrors({
  404: "No app has this name, or it has no deployment with this id",
  409: "That deployment can't go live: not READY, already live, no earlier production, or its image was pruned",
  422: "The deployment failed its health check; production is untouched",
});

const releasesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.pier;

  app.get(
    "/api/apps/:name/releases",
    {
      schema: {
        summary: "Every change of the app's production, newest first",
        description: "Releases v1, v2, …: each deploy, rollback and promotion, who asked and what it replaced.",
        operationId: "listReleases",
        tags: ["releases"],
        params: appParams,
        response: {
          200: withExample(
            z.object({ releases: z.array(releaseDto) }).describe("The last 200 releases, newest first"),
            {
              releases: [releaseExample],
            },
          ),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(deps.prisma, request.params.name);
      const releases = await deps.prisma.release.findMany({
        where: { appId: target.id },
        orderBy: { version: "desc" },
        take: 200,
      });
      return { releases: await toReleaseDtos(deps, target.id, releases, target.productionDeploymentId) };
    },
  );

  app.post(
    "/api/apps/:name/rollback",
    {
      schema: {
        summary: "Put an earlier deployment back live (default: the previous production), without rebuilding",
        description:
          "Routes production to an earlier READY deployment of the app (its image is kept), after a health check. " +
          "The body may be left out: then the production before the current one comes back.",
        operationId: "rollbackApp",
        tags: ["releases"],
        params: appParams,
        body: rollbackBody,
        response: {
          200: withExample(
            releaseResultDto.describe("The release made, and the deployment now live"),
            releaseResultExample,
          ),
          ...releaseErrors,
        },
      },
    },
    async (request) =>
      releaseExistingDeployment(deps, request.log, {
        appName: request.params.name,
        deploymentId: request.body?.deploymentId,
        kind: "ROLLBACK",
        cause: "API",
      }),
  );

  app.post(
    "/api/apps/:name/promote",
    {
      schema: {
        summary: "Make a deployment production, without rebuilding",
        description:
          "Routes production to a READY deployment of the app (a preview, say) after a health check, without a build.",
        operationId: "promoteDeployment",
        tags: ["releases"],
        params: appParams,
        body: promoteBody,
        response: {
          200: withExample(
            releaseResultDto.describe("The release made, and the deployment now live"),
            releaseResultExample,
          ),
          ...releaseErrors,
        },
      },
    },
    async (request) =>
      releaseExistingDeployment(deps, request.log, {
        appName: request.params.name,
        deploymentId: request.body.deploymentId,
        kind: "PROMOTE",
        cause: "API",
      }),
  );
};

export default releasesRoutes;
