import type { PrismaClient } from "@pier/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { actorOf, recordAuditEvent, type AuditActor } from "../../services/audit.ts";
import { diffAppSnapshots, readAppSnapshot, type AppSnapshot } from "../../services/audit-changes.ts";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * Who to record for a request without a principal that is still worth the log: a signed webhook delivery,
     * a sign-in.
     */
    auditActor?: AuditActor;
    /** The app a change names when its route has no :name (creating an app). */
    auditTarget?: string;
    /** The app named by :name as it was before the handler ran (null: none), to tell what the change changed. */
    auditBefore?: AppSnapshot | null;
  }
}

/** Methods that change nothing: not recorded. */
const READS = new Set(["GET", "HEAD", "OPTIONS"]);

const nameParam = (request: FastifyRequest): string | undefined => {
  const name = (request.params as Record<string, unknown> | undefined)?.name;
  return typeof name === "string" ? name : undefined;
};

/**
 * What the request changed of the app it names: compared with the app as it was before the handler (a route with
 * :name), or, for an app just created (auditTarget, answered 2xx or a redirect), with no app at all.
 */
async function changesOf(prisma: PrismaClient, request: FastifyRequest, reply: FastifyReply) {
  const name = nameParam(request);
  if (name !== undefined && request.auditBefore !== undefined)
    return diffAppSnapshots(request.auditBefore, await readAppSnapshot(prisma, name));
  if (name === undefined && request.auditTarget && reply.statusCode < 400)
    return diffAppSnapshots(null, await readAppSnapshot(prisma, request.auditTarget));
  return [];
}

/**
 * The audit log's one hook: every change asked of the API or the dashboard by someone it knows (an API
 * token, the admin token, a dashboard session), refused ones (403) included, is recorded before the answer
 * leaves, so whoever sees the answer finds it in GET /api/audit. So are sign-ins to the dashboard, right or
 * wrong, and GitHub's deliveries once their signature checks out. Other requests nobody signed (401) are not:
 * anyone can send those, and they change nothing. Records who, the route and path, the app and the status:
 * never a body, a query string or a header. A change to an app also records what it changed: the app is read
 * before the handler runs and again before the answer leaves (services/audit-changes.ts), so every route that
 * changes an app's settings, env, credential or replicas is covered without telling the log itself.
 */
export default fp(
  async (app: FastifyInstance) => {
    app.addHook("preHandler", async (request) => {
      const name = nameParam(request);
      if (!name || READS.has(request.method) || !(request.principal || request.auditActor)) return;
      request.auditBefore = await readAppSnapshot(app.pier.prisma, name);
    });

    app.addHook("onSend", async (request, reply, payload) => {
      const who = request.principal ? actorOf(request.principal) : request.auditActor;
      const route = request.routeOptions.url;
      if (!who || !route || READS.has(request.method)) return payload;
      const target = nameParam(request) ?? request.auditTarget;
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
      await changesOf(app.pier.prisma, request, reply)
        .then((changes) => recordAuditEvent(app.pier.prisma, { ...entry, changes }))
        .catch((error) =>
          request.log.error(
            { err: error, audit: { ...entry, who: who.actorKind } },
            "could not record the audit event",
          ),
        );
      return payload;
    });
  },
  { name: "audit", dependencies: ["pier-deps"] },
);
