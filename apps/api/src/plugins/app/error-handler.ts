import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "@pier/db";
import { ReleaseError } from "@pier/release";
import { AppError, ERROR_STATUS } from "../../errors.ts";

/**
 * One place turns errors into answers: validation errors name each field, domain errors map their
 * code to a status, an unreachable database is a 503, and 5xx answers hide internals (the log keeps them).
 */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = error.validationContext ?? "body";
        const fields = error.validation.map((issue) => {
          const field = issue.instancePath.replace(/^\//, "").replaceAll("/", ".") || where;
          return { field, in: where, message: issue.message ?? "is invalid" };
        });
        return reply.status(400).send({
          error: "validation_failed",
          message: fields.map((f) => `${f.field}: ${f.message}`).join("; "),
          fields,
        });
      }
      if (error instanceof ReleaseError) {
        return reply
          .status(ERROR_STATUS[error.code])
          .send({ error: error.code, message: error.message, field: "deploymentId" });
      }
      if (error instanceof AppError) {
        return reply
          .status(ERROR_STATUS[error.code])
          .send({ error: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
      }
      if (isDatabaseUnavailable(error)) {
        // Down, not broken: a client can try again shortly (a Postgres restart takes seconds).
        request.log.error({ err: error }, "database unavailable");
        return reply.status(ERROR_STATUS.database_unavailable).send({
          error: "database_unavailable",
          message: "Pier's database can't be reached right now; try again shortly.",
        });
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) {
        request.log.error({ err: error }, "request failed");
        return reply.status(status).send({
          error: "internal_error",
          message: "Something went wrong on Pier's side; the server log has the details.",
        });
      }
      // Fastify's own 4xx (malformed JSON, body too large, unsupported media type).
      return reply.status(status).send({ error: error.code?.toLowerCase() ?? "bad_request", message: error.message });
    });
    app.setNotFoundHandler((request, reply) => {
      reply.status(404).send({ error: "not_found", message: `no route ${request.method} ${request.url}` });
    });
  },
  { name: "error-handler" },
);
