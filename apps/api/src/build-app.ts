import type { PierConfig } from "@pier/shared";
import Fastify, { type FastifyInstance } from "fastify";
import pierApi from "./app.ts";

/** A ready Fastify instance with the whole API; used by server.ts and by tests. */
export async function buildApp(config: PierConfig, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    // GitHub retries deliveries that take over 10 s; nothing here should come close.
    requestTimeout: 30_000,
  });
  await app.register(pierApi, { config });
  await app.ready();
  return app;
}
