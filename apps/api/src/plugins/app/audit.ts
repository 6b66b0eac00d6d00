import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { recordAuditEvent } from "../../services/audit.ts";

/** Methods that change nothing: not recorded. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The audit log's one hook: every change asked of the API or the dashboard by someone it knows (an API
 * token, the admin token, a dashboard session), refused ones (403) included, is recorded before the answer
 * leaves, so whoever sees the answer finds it in GET /api/audit. Requests nobody signed (401) are not.
 * Records who, the route and path, the app and the status: never a body, a query string or a header.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook("onSend", async (request, reply, payload) => {
      const { principal } = request;
      const route = request.routeOptions.url;
      if (!principal || !route || READS.has(request.method)) return payload;
      const name = (request.params as Record<string, unknown> | undefined)?.name;
      const entry = {
        principal,
        method: request.method,
        route,
        path: request.url.split("?")[0]!.slice(0, 500),
        target: typeof name === "string" ? name.slice(0, 100) : null,
        status: reply.statusCode,
        ip: request.ip ?? null,
      };
      // The change is made; a log that can't be written is an error in the server log, not a failed answer.
      await recordAuditEvent(app.pier.prisma, entry).catch((error) => request.log.error({ err: error, audit: { ...entry, principal: principal.kind } }, "could not record the audit event"));
      return payload;
    });
  },
  { name: "audit", dependencies: ["pier-deps"] },
);
