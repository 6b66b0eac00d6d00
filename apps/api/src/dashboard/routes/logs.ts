import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { appParams } from "../../schemas/app.ts";
import { findAppByName } from "../../services/apps.ts";
import { streamRuntimeLogEvents } from "../../services/runtime-log-events.ts";
import { recentRuntimeLines, runtimeLogSource } from "../../services/runtime-logs.ts";
import { toAppDto } from "../../services/views.ts";
import { html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { runtimeLogsPage } from "../pages/logs.ts";

const PAGE_LINES = 300;

/** The Logs tab: the running app's own output, the last lines in the page and new ones streamed (SSE). */
const logsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const { config, prisma } = deps;

  app.get(
    "/apps/:name/logs",
    { schema: { hide: true, params: appParams, response: html200 } },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const source = await runtimeLogSource(deps, target).catch((error: unknown) => {
        // Nothing runs in production: the page says so.
        if (error instanceof AppError && error.code === "conflict") return null;
        throw error;
      });
      const lines = source ? await recentRuntimeLines(deps, source, PAGE_LINES) : null;
      const hasDeployments = (await prisma.deployment.count({ where: { appId: target.id } })) > 0;
      const ctx = kit.context(request, reply);
      const view = toAppDto(config, target);
      return kit.page(reply, runtimeLogsPage(ctx, view, Boolean(target.productionDeploymentId), hasDeployments, lines));
    },
  );

  // New lines only: the page already shows the last ones.
  app.get(
    "/apps/:name/logs/events",
    {
      schema: {
        hide: true,
        params: appParams,
        response: { 200: z.string().describe("text/event-stream") },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      await streamRuntimeLogEvents(deps, target, request, reply, { tail: 0, follow: true });
    },
  );
};

export default logsRoutes;
