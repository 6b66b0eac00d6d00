import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { apiErrors, examples, withExample } from "../../../schemas/common.ts";
import {
  DEPLOYMENT_EVENTS_EXAMPLE,
  deploymentExample,
  logsExample,
  queuedDeploymentExample,
} from "../../../schemas/examples.ts";
import { deploymentDto, deploymentParams, lineId, logsDto, logsQuery } from "../../../schemas/deployment.ts";
import { toDeploymentDto } from "../../../services/views.ts";
import { AppError } from "../../../errors.ts";
import type { PrismaClient } from "@pier/db";
import { z } from "zod";
import { streamDeploymentLog } from "../../../services/log-stream.ts";
import { redeployDeployment } from "../../../services/create-deployment.ts";

async function findDeployment(prisma: PrismaClient, id: string) {
  const deployment = await prisma.deployment.findUnique({ where: { id }, include: { app: true } });
  if (!deployment) throw new AppError("deployment_not_found", `deployment ${id} does not exist`, "id");
  return deployment;
}

const DEPLOYMENT_NOT_FOUND = "No deployment has this id";

const deploymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, prisma } = app.pier;

  app.get(
    "/api/deployments/:id",
    {
      schema: {
        summary: "Get a deployment",
        description: "Its status (and why, once FAILED or CANCELLED), commit, image, URLs and the time of each phase.",
        operationId: "getDeployment",
        tags: ["deployments"],
        params: deploymentParams,
        response: {
          200: withExample(deploymentDto.describe("The deployment"), deploymentExample),
          ...apiErrors({ 404: DEPLOYMENT_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const deployment = await findDeployment(prisma, request.params.id);
      return toDeploymentDto(config, deployment, deployment.app);
    },
  );

  app.get(
    "/api/deployments/:id/logs",
    {
      schema: {
        summary: "A deployment's build and deploy log",
        description: "Lines after the line id `after`, oldest first: poll with the last id seen, or use the stream.",
        operationId: "getDeploymentLog",
        tags: ["deployments"],
        params: deploymentParams,
        querystring: logsQuery,
        response: {
          200: withExample(logsDto.describe("The lines, and the deployment's status"), logsExample),
          ...apiErrors({ 404: DEPLOYMENT_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const deployment = await findDeployment(prisma, request.params.id);
      const lines = await prisma.buildLog.findMany({
        where: {
          deploymentId: deployment.id,
          ...(request.query.after !== undefined ? { id: { gt: request.query.after } } : {}),
        },
        orderBy: { id: "asc" },
        take: request.query.limit,
      });
      return {
        deploymentId: deployment.id,
        status: deployment.status,
        lines: lines.map((l) => ({
          id: l.id.toString(),
          stream: l.stream,
          line: l.line,
          at: l.createdAt.toISOString(),
        })),
      };
    },
  );

  app.get(
    "/api/deployments/:id/logs/stream",
    {
      schema: {
        summary: "The log as Server-Sent Events (line, status, end), live while it builds",
        description:
          "Events: `line` (id, stream, line, at), `status` on each change, and `end` with the final status, after " +
          "which the stream closes.",
        operationId: "streamDeploymentLog",
        tags: ["deployments"],
        params: deploymentParams,
        querystring: z.object({ after: lineId.optional() }),
        response: {
          200: withExample(z.string().describe("The log as text/event-stream"), DEPLOYMENT_EVENTS_EXAMPLE),
          ...apiErrors({ 404: DEPLOYMENT_NOT_FOUND }),
        },
      },
    },
    async (request, reply) =>
      streamDeploymentLog(app.pier, request.params.id, request, reply, request.query.after ?? 0n),
  );

  app.post(
    "/api/deployments/:id/redeploy",
    {
      schema: {
        summary: "Build this deployment's commit again (that commit, not the branch head)",
        description:
          "A new deployment of the same app, branch and commit, queued like a deploy: clone and build included. " +
          "To start production's image again without a build (env var changes), POST /api/apps/{name}/redeploy.",
        operationId: "redeployDeployment",
        tags: ["deployments"],
        params: deploymentParams,
        response: {
          202: deploymentDto
            .extend({
              redeployOf: z.string().describe("The deployment whose commit it builds"),
              message: z.string().describe("Which commit it builds, in words"),
            })
            .describe("The new deployment, queued")
            .meta(
              examples({
                ...queuedDeploymentExample,
                id: "r6t2y8u4i0",
                shortId: "r6t2y8u4",
                trigger: "API",
                redeployOf: "k3v9x2m1q8",
                message: "Builds commit 4f9a2c0 (Add the pricing page) again",
              }),
            ),
          ...apiErrors({ 404: DEPLOYMENT_NOT_FOUND, 409: "Its commit can't be built again (none recorded)" }),
        },
      },
    },
    async (request, reply) => {
      const redeployed = await redeployDeployment(app.pier, request.params.id, "API");
      request.auditTarget = redeployed.app.name;
      const dto = toDeploymentDto(config, redeployed.deployment, redeployed.app);
      return reply.status(202).send({ ...dto, redeployOf: redeployed.source.id, message: redeployed.message });
    },
  );
};

export default deploymentsRoutes;
