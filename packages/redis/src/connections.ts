import { Redis, type RedisOptions } from "ioredis";

/**
 * What a connection is for, which decides how long a command waits for Redis that is away:
 * - `commands`: a request fails after two retries, so its caller answers without Redis instead of hanging
 *   (the API's rate limits, the router's signals);
 * - `patient`: ioredis' default retries (a process's own bookkeeping: locks, the controller's state);
 * - `blocking`: never fails a request (BullMQ's queues and workers, subscribers), as BullMQ requires.
 */
export type RedisRole = "commands" | "patient" | "blocking";

const RETRIES: Record<RedisRole, RedisOptions> = {
  commands: { maxRetriesPerRequest: 2 },
  patient: {},
  blocking: { maxRetriesPerRequest: null },
};

/** Where connection errors go: each connection says what it is for (`name`) in the log. */
export interface RedisErrorLog {
  error(obj: object, msg: string): void;
}

/**
 * The one way Pier connects to Redis: options by role, and an error listener on every connection
 * (without one, ioredis reports a lost connection as an unhandled error event).
 */
export function connectRedis(url: string, role: RedisRole, name: string, log: RedisErrorLog): Redis {
  const redis = new Redis(url, { ...RETRIES[role] });
  redis.on("error", (error) => log.error({ err: error, connection: name }, `redis connection error (${name})`));
  return redis;
}

/**
 * A connection handed to a BullMQ queue or worker: BullMQ listens to its errors and emits them on the
 * queue or worker, whose own "error" listener logs them (one listener here would log each twice).
 */
export function bullmqConnection(url: string, role: RedisRole): Redis {
  return new Redis(url, { ...RETRIES[role] });
}
