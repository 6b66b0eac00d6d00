import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "@pier/db";
import { ReleaseError } from "@pier/release";
import { AppError, ERROR_STATUS, type ErrorCode } from "../../errors.ts";
import type { errorResponse } from "../../schemas/common.ts";
import { type FieldError, fieldErrors } from "../../schemas/validation-messages.ts";
import type { z } from "zod";

type ErrorBody = z.infer<typeof errorResponse>;

/** A domain error's message often starts with its field ("replicas: …"); the field's own entry doesn't repeat it. */
const withoutField = (message: string, field: string) =>
  message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;

const bodyError = (error: string, message: string, why: string): ErrorBody => ({
  error,
  message,
  fields: [{ field: "body", message: why }],
});

/** Fastify's own refusals of a body, before any route sees it, in the API's words. */
function fastifyBodyError(error: FastifyError, request: FastifyRequest): ErrorBody | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return bodyError("invalid_json", "The body is not valid JSON.", "is not valid JSON");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return bodyError(
        "empty_body",
        "The body is empty but Content-Type says application/json: send a JSON object, or no Content-Type.",
        "is empty",
      );
    case "FST_ERR_CTP_BODY_TOO_LARGE": {
      const limit = request.routeOptions.bodyLimit;
      const most = limit ? ` (at most ${Math.floor(limit / 1024)} KiB)` : "";
      return bodyError("body_too_large", `The body is larger than this route accepts${most}.`, "is too large");
    }
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return bodyError(
        "unsupported_media_type",
        `Content-Type ${String(request.headers["content-type"] ?? "(none)").slice(0, 100)} is not read here: ` +
          "send application/json.",
        "has an unsupported Content-Type",
      );
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return bodyError("bad_request", "The body's length doesn't match its Content-Length header.", "is cut short");
    default:
      return undefined;
  }
}

/** Codes for the statuses Fastify answers with no code of ours. */
const STATUS_CODES: Record<number, string> = {
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  408: "request_timeout",
  413: "body_too_large",
  415: "unsupported_media_type",
  431: "headers_too_large",
};

function validationError(error: FastifyError): ErrorBody {
  const where = error.validationContext ?? "body";
  const fields: FieldError[] = (error.validation ?? []).flatMap((issue) => fieldErrors(issue, where));
  return {
    error: "validation_failed",
    message: fields.map((f) => `${f.field}: ${f.message}`).join("; "),
    fields,
  };
}

function domainError(code: ErrorCode, message: string, field: string | undefined): ErrorBody {
  return { error: code, message, ...(field ? { fields: [{ field, message: withoutField(message, field) }] } : {}) };
}

/** The API's answer to an address nothing answers (dashboard/routes/not-found.ts decides who gets it). */
export function routeNotFound(request: FastifyRequest): ErrorBody {
  return {
    error: "not_found",
    message: `There is no route ${request.method} ${request.url.split("?")[0]!.slice(0, 200)}; /docs lists them.`,
  };
}

/**
 * One place turns errors into answers, all of one shape (schemas/common.ts): validation errors name each field,
 * domain errors map their code to a status, Fastify's own refusals of a body name it, an unreachable database is a
 * 503, and 5xx answers hide internals (the log keeps them).
 */
export function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (hasZodFastifySchemaValidationErrors(error)) return reply.status(400).send(validationError(error));
  if (error instanceof ReleaseError) {
    return reply.status(ERROR_STATUS[error.code]).send(domainError(error.code, error.message, "deploymentId"));
  }
  if (error instanceof AppError)
    return reply.status(ERROR_STATUS[error.code]).send(domainError(error.code, error.message, error.field));
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
  const body = fastifyBodyError(error, request);
  if (body) return reply.status(status).send(body);
  request.log.info({ err: error }, "request refused by Fastify");
  return reply.status(status).send({ error: STATUS_CODES[status] ?? "bad_request", message: error.message });
}

/**
 * The API's error handler. Unknown addresses are answered by the one not-found handler, set in the dashboard's
 * scope (dashboard/routes/not-found.ts): Fastify allows one per prefix, and the dashboard's pages live at "/".
 */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler(answerError);
  },
  { name: "error-handler" },
);
