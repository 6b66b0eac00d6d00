import { apiExposureProblem, ConfigError, type PierConfig } from "@pier/shared";
import Fastify, { type FastifyInstance } from "fastify";
import pierApi from "./app.ts";

/**
 * A ready Fastify instance with the whole API; used by server.ts and by tests. Refuses (ConfigError) to
 * build an API that would accept the well-known development admin token from other machines.
 */
export async function buildApp(config: PierConfig, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const exposed = apiExposureProblem(config);
  if (exposed) throw new ConfigError([exposed]);
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.LOG_LEVEL },
    // GitHub retries deliveries that take over 10 s; nothing here should come close.
    requestTimeout: 30_000,
    // Pier's router (HAProxy, on this machine) serves the API on PIER_API_DOMAIN: its X-Forwarded-For/-Proto say
    // who the client is and whether it came over HTTPS (Secure cookies). Nobody else's forwarding headers count.
    trustProxy: "loopback",
  });
  await app.register(pierApi, { config });
  await app.ready();
  return app;
}
