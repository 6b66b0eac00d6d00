import type { AuditEvent } from "@pier/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditEventDto, auditQuery } from "../../schemas/audit.ts";
import { apiErrors, withExample } from "../../schemas/common.ts";
import { auditEventExample } from "../../schemas/examples.ts";
import { auditChangesOf, listAuditEvents } from "../../services/audit.ts";

const toDto = (e: AuditEvent): z.infer<typeof auditEventDto> => ({
  id: e.id,
  at: e.at.toISOString(),
  actor: e.actor,
  // Only services/audit.ts writes these rows, with one of AUDIT_ACTOR_KINDS.
  actorKind: e.actorKind as z.infer<typeof auditEventDto>["actorKind"],
  tokenId: e.tokenId,
  method: e.method,
  route: e.route,
  path: e.path,
  target: e.target,
  status: e.status,
  ip: e.ip,
  changes: auditChangesOf(e),
});

/** The audit log: every change asked of the API and the dashboard (plugins/app/audit.ts records them). Admin scope. */
const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit",
    {
      schema: {
        summary: "Changes asked of Pier (who, what, when, the answer's status), newest first",
        description:
          "Every change asked of the API and the dashboard, refused ones too, with what it changed (secrets' values " +
          "never). Admin scope.",
        operationId: "listAuditEvents",
        tags: ["audit"],
        querystring: auditQuery,
        response: {
          200: withExample(z.object({ events: z.array(auditEventDto) }).describe("The events, newest first"), {
            events: [auditEventExample],
          }),
          ...apiErrors(),
        },
      },
    },
    async (request) => ({ events: (await listAuditEvents(app.pier.prisma, request.query)).map(toDto) }),
  );
};

export default auditRoutes;
