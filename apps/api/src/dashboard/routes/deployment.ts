import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { deploymentParams } from "../../schemas/deployment.ts";
import { streamDeploymentLog } from "../../services/log-stream.ts";
import { toAppDto, toDeploymentDto } from "../../services/views.ts";
import { html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { deploymentPage } from "../pages/deployment.ts";

/** A deployment's page: its build log, live while it builds (Server-Sent Events). */
const deploymentRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const { config, prisma } = deps;

  app.get(
    "/deployments/:id",
    { schema: { hide: true, params: deploymentParams, response: html200 } },
    async (request, reply) => {
      const deployment = await prisma.deployment.findUnique({
        where: { id: request.params.id },
        include: { app: true },
      });
      if (!deployment)
        throw new AppError("deployment_not_found", `deployment ${request.params.id} does not exist`, "id");
      const lines = await prisma.buildLog.findMany({
        where: { deploymentId: deployment.id },
        orderBy: { id: "asc" },
        take: 10_000,
      });
      const target = deployment.app;
      let canRelease: "rollback" | "promote" | null = null;
      if (
        deployment.status === "READY" &&
        target.productionDeploymentId !== deployment.id &&
        !deployment.imagePrunedAt
      ) {
        const production = target.productionDeploymentId
          ? await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } })
          : null;
        canRelease = production && deployment.createdAt < production.createdAt ? "rollback" : "promote";
      }
      const view = toDeploymentDto(config, deployment, target);
      const logLines = lines.map((l) => ({ id: l.id.toString(), stream: l.stream, line: l.line, at: l.createdAt }));
      return kit.page(
        reply,
        deploymentPage(kit.context(request, reply), toAppDto(config, target), view, logLines, canRelease),
      );
    },
  );

  app.get(
    "/deployments/:id/events",
    {
      schema: {
        hide: true,
        params: deploymentParams,
        querystring: z.object({ after: z.coerce.bigint().min(0n).optional() }),
        response: { 200: z.string().describe("text/event-stream") },
      },
    },
    async (request, reply) => streamDeploymentLog(deps, request.params.id, request, reply, request.query.after ?? 0n),
  );
};

export default deploymentRoutes;
