/** Domain error codes. Only the HTTP layer (plugins/app/error-handler.ts) turns them into status codes. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  empty_body: 400,
  bad_request: 400,
  unauthorized: 401,
  invalid_signature: 401,
  forbidden: 403,
  token_not_found: 404,
  rate_limited: 429,
  not_found: 404,
  app_not_found: 404,
  deployment_not_found: 404,
  node_not_found: 404,
  conflict: 409,
  app_exists: 409,
  /** A node operation on single Docker: there is one machine, no cluster. */
  no_cluster: 409,
  method_not_allowed: 405,
  body_too_large: 413,
  unsupported_media_type: 415,
  queue_unavailable: 503,
  database_unavailable: 503,
  // Release errors (from @pier/release): production is untouched when one is returned.
  not_deployable: 409,
  already_live: 409,
  no_previous: 409,
  image_pruned: 409,
  unhealthy: 422,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * A domain error: its code says the status, `field` (a JSON path of the request, `body` for the whole) which part of
 * the request is at fault, if one is.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
