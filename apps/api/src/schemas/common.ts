import { z } from "zod";

/**
 * Examples of a request or response body, as schema meta: `.meta(examples({ replicas: 2 }))`. Written as
 * x-examples, which the document keeps even for schemas that transform what they read (zod leaves `examples` out of
 * those).
 */
export const examples = (...values: unknown[]) => ({
  "x-examples": Object.fromEntries(values.map((value, index) => [`example${index + 1}`, { value }])),
});

/**
 * A response schema with examples of its answer: `200: withExample(appDto.describe("The app"), appExample)`. The
 * type checker holds each example to the schema's type; apps/api/test/openapi.test.ts holds every success answer to
 * having one, and the OpenAPI linter each example to the document's schema (no property the schema lacks).
 */
export const withExample = <T extends z.ZodType>(schema: T, ...values: [z.output<T>, ...z.output<T>[]]): T =>
  schema.meta(examples(...values)) as T;

/**
 * Every 4xx and 5xx answer of the API has this one shape: a stable code for programs, a sentence for a person, and
 * the fields at fault when the request's content is (a JSON path such as `vars.API_KEY`, or `body` for the whole).
 */
export const errorResponse = z
  .object({
    error: z.string().describe("A stable snake_case code, e.g. validation_failed, app_not_found"),
    message: z.string().describe("What went wrong, as a sentence for a person"),
    fields: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe("The fields at fault, each with why (present when the request's content is)"),
  })
  .meta(
    examples({
      error: "validation_failed",
      message: "replicas: must be a whole number from 0 to 10",
      fields: [{ field: "replicas", message: "must be a whole number from 0 to 10" }],
    }),
  );

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** What each error status of the API means, unless a route says more. */
const ERROR_MEANINGS: Record<ErrorStatus, string> = {
  400: "The request is invalid: malformed JSON, or fields that are wrong (each named, with why)",
  401: "No bearer token, or one that is invalid, revoked or expired",
  403: "The token's scope doesn't allow this route",
  404: "Nothing has that name or id",
  409: "It conflicts with the current state",
  413: "The body is larger than this route accepts",
  415: "The body's Content-Type is not one this route reads (application/json)",
  422: "Pier could not carry it out; production is untouched",
  429: "Too many requests in the last minute; the message says when to retry",
  503: "Pier's database or job queue can't be reached right now; try again shortly",
};

// Every route behind the bearer token can answer these, whatever it does.
const AUTHENTICATED: ErrorStatus[] = [400, 401, 403, 429, 503];

/**
 * The error answers of an API route: those every authenticated route can give (bad input, no or bad token, scope,
 * rate limit, database down) and the route's own ones, each described for this route, e.g.
 * `apiErrors({ 404: "No app has this name" })`.
 */
export function apiErrors(
  own: Partial<Record<ErrorStatus, string>> = {},
): Partial<Record<ErrorStatus, typeof errorResponse>> {
  const statuses = new Set([...AUTHENTICATED, ...(Object.keys(own).map(Number) as ErrorStatus[])]);
  return Object.fromEntries(
    [...statuses]
      .sort((a, b) => a - b)
      .map((status) => [status, errorResponse.describe(own[status] ?? ERROR_MEANINGS[status])]),
  );
}

/** The errors of a route written before apiErrors: the usual ones, described in general terms. */
export const errorResponses = apiErrors({ 404: ERROR_MEANINGS[404], 409: ERROR_MEANINGS[409] });

/** Meta of a body schema that may be left out (plugins/external/docs.ts marks it so in the document). */
export const OPTIONAL_BODY = "x-optional-body";

/** The 404 of every route under /api/apps/:name. */
export const APP_NOT_FOUND = "No app has this name";

/** A whole number from `min` to `max`, with one message a person can act on whatever is wrong with it. */
export const wholeNumber = (min: number, max: number, message = `must be a whole number from ${min} to ${max}`) => {
  return z.number({ error: message }).int(message).min(min, message).max(max, message);
};

/** The same, read from a query string ("?limit=50"). */
export const wholeNumberQuery = (min: number, max: number) => {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message);
};
