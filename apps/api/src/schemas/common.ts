import { z } from "zod";

export const errorResponse = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string().optional(),
  fields: z.array(z.object({ field: z.string(), in: z.string(), message: z.string() })).optional(),
});

/** Standard error answers a route can give, merged into its response schema. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  503: errorResponse,
};
