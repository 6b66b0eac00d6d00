import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../schemas/common.ts";
import { deploymentDto, deploymentParams, logsDto, logsQuery } from "../../../schemas/deployment.ts";
import { toDeploymentDto } from "../../../services/views.ts";
import { AppError } from "../../../errors.ts";
import type { PrismaClient } from "@pier/db";
import { z } from "zod";
import { streamDeploymentLog } from "../../../services/log-stream.ts";

async function findDeployment(prisma: PrismaClient, id: string) {
  const deployment = await prisma.deployment.findUnique({ where: { id }, include: { app: true } });
  if (!deployment) throw new AppError("deployment_not_found", `deployment ${id} does not exist`, "id");
  return deployment;
}

const deploymentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, prisma } = app.pier;

  app.get(
    "/api/deployments/:id",
    {
      schema: {
        summary: "Get a deployment",
        params: deploymentParams,
        response: { 200: deploymentDto, ...errorResponses },
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
        params: deploymentParams,
        querystring: logsQuery,
        response: { 200: logsDto, ...errorResponses },
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
        params: deploymentParams,
        querystring: z.object({ after: z.coerce.bigint().optional() }),
        response: { 200: z.string().describe("text/event-stream"), ...errorResponses },
      },
    },
    async (request, reply) =>
      streamDeploymentLog(app.pier, request.params.id, request, reply, request.query.after ?? 0n),
  );
};

export default deploymentsRoutes;
