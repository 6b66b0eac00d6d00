import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { actorOf, recordAuditEvent, type AuditActor } from "../../services/audit.ts";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * Who to record for a request without a principal that is still worth the log: a signed webhook delivery,
     * a sign-in.
     */
    auditActor?: AuditActor;
    /** The app a change names when its route has no :name (creating an app). */
    auditTarget?: string;
  }
}

/** Methods that change nothing: not recorded. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The audit log's one hook: every change asked of the API or the dashboard by someone it knows (an API
 * token, the admin token, a dashboard session), refused ones (403) included, is recorded before the answer
 * leaves, so whoever sees the answer finds it in GET /api/audit. So are sign-ins to the dashboard, right or
 * wrong, and GitHub's deliveries once their signature checks out. Other requests nobody signed (401) are not:
 * anyone can send those, and they change nothing. Records who, the route and path, the app and the status:
 * never a body, a query string or a header.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook("onSend", async (request, reply, payload) => {
      const who = request.principal ? actorOf(request.principal) : request.auditActor;
      const route = request.routeOptions.url;
      if (!who || !route || READS.has(request.method)) return payload;
      const name = (request.params as Record<string, unknown> | undefined)?.name;
      const target = typeof name === "string" ? name : request.auditTarget;
      const entry = {
        who,
        method: request.method,
        route,
        path: request.url.split("?")[0]!.slice(0, 500),
        target: target ? target.slice(0, 100) : null,
        status: reply.statusCode,
        ip: request.ip ?? null,
      };
      // The change is made; a log that can't be written is an error in the server log, not a failed answer.
      await recordAuditEvent(app.pier.prisma, entry).catch((error) =>
        request.log.error({ err: error, audit: { ...entry, who: who.actorKind } }, "could not record the audit event"),
      );
      return payload;
    });
  },
  { name: "audit", dependencies: ["pier-deps"] },
);
