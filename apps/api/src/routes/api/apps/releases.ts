import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { promoteBody, releaseDto, releaseResultDto, rollbackBody } from "../../../schemas/release.ts";
import { findAppByName } from "../../../services/apps.ts";
import { releaseExistingDeployment, toReleaseDtos } from "../../../services/releases.ts";

const releasesRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.pier;

  app.get(
    "/api/apps/:name/releases",
    {
      schema: {
        summary: "Every change of the app's production, newest first",
        params: appParams,
        response: { 200: z.object({ releases: z.array(releaseDto) }), ...errorResponses },
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
        params: appParams,
        body: rollbackBody,
        response: { 200: releaseResultDto, 422: errorResponses[400], ...errorResponses },
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
        params: appParams,
        body: promoteBody,
        response: { 200: releaseResultDto, 422: errorResponses[400], ...errorResponses },
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
