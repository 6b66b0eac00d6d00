import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import { createHash } from "node:crypto";
import { AppError } from "../../errors.ts";

/**
 * Limits requests per minute within the scope it is registered in. Counters live in Redis, so every
 * API process shares them. `keyOf` says who is counted (a token, an app's webhook…).
 */
export async function limitRequests(scope: FastifyInstance, options: { redis: Redis; perMinute: number; name: string; keyOf: (request: FastifyRequest) => string }) {
  await scope.register(rateLimit, {
    max: options.perMinute,
    timeWindow: 60_000,
    redis: options.redis,
    nameSpace: `pier:rate:${options.name}:`,
    keyGenerator: options.keyOf,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new AppError("rate_limited", `too many requests: at most ${context.max} a minute; retry in ${Math.ceil(context.ttl / 1000)} s`), { statusCode: 429 }),
  });
}

/** Requests are counted per bearer token (hashed), or per client address without one. */
export const byCredential = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header ? createHash("sha256").update(header).digest("hex").slice(0, 32) : request.ip;
};
