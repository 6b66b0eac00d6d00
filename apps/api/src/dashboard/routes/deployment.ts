import { replicaStatuses } from "@pier/replicas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { deploymentParams } from "../../schemas/deployment.ts";
import { streamDeploymentLog } from "../../services/log-stream.ts";
import { toAppDto, toDeploymentDto } from "../../services/views.ts";
import { redeployDeployment } from "../../services/create-deployment.ts";
import { csrfBody, html200 } from "../forms.ts";
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
        const older = production && deployment.createdAt < production.createdAt;
        canRelease = older && deployment.promote ? "rollback" : "promote";
      }
      const view = toDeploymentDto(config, deployment, target);
      const logLines = lines.map((l) => ({ id: l.id.toString(), stream: l.stream, line: l.line, at: l.createdAt }));
      // Production's replicas decide the state its page shows (shownState).
      const replicas = (await replicaStatuses(deps, [target])).get(target.id)!;
      const appView = toAppDto(config, target, replicas);
      const ctx = kit.context(request, reply);
      return kit.page(reply, deploymentPage(ctx, appView, view, logLines, canRelease, replicas));
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

  // "Redeploy" on a deployment's page builds that deployment's commit (not the branch head), and says so.
  app.post(
    "/deployments/:id/redeploy",
    { schema: { hide: true, params: deploymentParams, body: csrfBody } },
    async (request, reply) =>
      kit.action(request, reply, `/deployments/${request.params.id}`, async () => {
        const redeployed = await redeployDeployment(deps, request.params.id, "DASHBOARD");
        request.auditTarget = redeployed.app.name;
        return {
          flash: { kind: "ok", text: `${redeployed.message}.` },
          to: `/deployments/${redeployed.deployment.id}`,
        };
      }),
  );
};

export default deploymentRoutes;
