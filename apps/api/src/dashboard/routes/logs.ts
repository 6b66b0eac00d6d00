import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../schemas/app.ts";
import { findAppByName } from "../../services/apps.ts";
import { toAppDto } from "../../services/views.ts";
import { html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { runtimeLogsPage } from "../pages/logs.ts";

/** The Logs tab: the running app's own output. */
const logsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { config, prisma, runtime } = kit.deps;

  app.get(
    "/apps/:name/logs",
    {
      schema: {
        hide: true,
        params: appParams,
        querystring: z.object({ follow: z.enum(["1", "0"]).optional() }),
        response: html200,
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const live = target.productionDeploymentId
        ? await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } })
        : null;
      const output = live?.containerId ? await runtime.containerLogs(live.containerId, 300) : null;
      const hasDeployments = (await prisma.deployment.count({ where: { appId: target.id } })) > 0;
      return kit.page(
        reply,
        runtimeLogsPage(
          kit.context(request, reply),
          toAppDto(config, target),
          Boolean(live),
          hasDeployments,
          output,
          request.query.follow === "1",
        ),
      );
    },
  );
};

export default logsRoutes;
