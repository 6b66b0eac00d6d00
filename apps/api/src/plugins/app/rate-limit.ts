import rateLimit, { type FastifyRateLimitStore } from "@fastify/rate-limit";
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import { createHash } from "node:crypto";
import { AppError } from "../../errors.ts";

const LOG_EVERY_MS = 10_000;
const LOST = new Set(["reconnecting", "close", "end"]);

/**
 * Fixed-window request counts in Redis, so every API process shares them. Fails open: while Redis can't
 * count (down, reconnecting, erroring), `count` answers null and the caller lets the request through;
 * the error is logged (at most every 10 s), so an outage of Redis doesn't turn every request into a 500.
 */
export class RequestCounters {
  private lastLogged = 0;

  constructor(
    private readonly redis: Redis,
    private readonly log: FastifyBaseLogger,
  ) {}

  async count(key: string, windowMs: number): Promise<{ current: number; ttlMs: number } | null> {
    try {
      // Lost: don't wait for reconnects inside a request (while first connecting, commands wait in ioredis' queue).
      if (LOST.has(this.redis.status)) throw new Error(`redis connection is ${this.redis.status}`);
      const replies = await this.redis.multi().set(key, "0", "PX", windowMs, "NX").incr(key).pttl(key).exec();
      const failed = replies?.find(([error]) => error)?.[0];
      if (!replies || failed) throw failed ?? new Error("transaction aborted");
      return { current: Number(replies[1]![1]), ttlMs: Math.max(0, Number(replies[2]![1])) };
    } catch (error) {
      if (Date.now() - this.lastLogged >= LOG_EVERY_MS) {
        this.lastLogged = Date.now();
        this.log.error({ err: error }, "rate limiter can't count in Redis: letting requests through uncounted");
      }
      return null;
    }
  }
}

const tooMany = (max: number, ttlMs: number) =>
  Object.assign(
    new AppError("rate_limited", `too many requests: at most ${max} a minute; retry in ${Math.ceil(ttlMs / 1000)} s`),
    { statusCode: 429 },
  );

/** @fastify/rate-limit's store over RequestCounters: an uncounted request is skipped (`skipOnError`). */
function countersStore(counters: RequestCounters, prefix: string) {
  return class implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow = 60_000,
    ): void {
      void counters
        .count(prefix + key, timeWindow)
        .then((counted) =>
          counted ? callback(null, { current: counted.current, ttl: counted.ttlMs }) : callback(new Error("uncounted")),
        );
    }

    child(): FastifyRateLimitStore {
      return this;
    }
  };
}

/**
 * Limits requests per minute within the scope it is registered in. `keyOf` says who is counted (a token,
 * a client address…).
 */
export async function limitRequests(
  scope: FastifyInstance,
  options: { counters: RequestCounters; perMinute: number; name: string; keyOf: (request: FastifyRequest) => string },
) {
  await scope.register(rateLimit, {
    max: options.perMinute,
    timeWindow: 60_000,
    store: countersStore(options.counters, `pier:rate:${options.name}:`),
    skipOnError: true,
    keyGenerator: options.keyOf,
    errorResponseBuilder: (_request, context) => tooMany(context.max, context.ttl),
  });
}

/**
 * A per-minute budget spent explicitly, for routes where only some requests count (and only once it is
 * known which): `spend(key)` counts one and throws the 429 past the budget. Uncounted requests pass.
 */
export function requestBudget(counters: RequestCounters, options: { perMinute: number; name: string }) {
  return async (key: string): Promise<void> => {
    const counted = await counters.count(`pier:rate:${options.name}:${key}`, 60_000);
    if (counted && counted.current > options.perMinute) throw tooMany(options.perMinute, counted.ttlMs);
  };
}

/** Requests are counted per bearer token (hashed), or per client address without one. */
export const byCredential = (request: FastifyRequest) => {
  const header = request.headers.authorization;
  return header ? createHash("sha256").update(header).digest("hex").slice(0, 32) : request.ip;
};
