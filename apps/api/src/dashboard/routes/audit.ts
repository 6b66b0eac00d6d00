import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appName } from "../../schemas/app.ts";
import { listAuditEvents } from "../../services/audit.ts";
import { html200 } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { auditPage } from "../pages/audit.ts";

/** Rows the page shows; the JSON API goes further back. */
const PAGE_LIMIT = 200;

/** The Audit page: the same log as GET /api/audit. */
const auditRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  app.get(
    "/audit",
    { schema: { hide: true, querystring: z.object({ app: appName.optional() }), response: html200 } },
    async (request, reply) => {
      const events = await listAuditEvents(kit.deps.prisma, { app: request.query.app, limit: PAGE_LIMIT });
      return kit.page(
        reply,
        auditPage(kit.context(request, reply), { events, app: request.query.app, limit: PAGE_LIMIT }),
      );
    },
  );
};

export default auditRoutes;
