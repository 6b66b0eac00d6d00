import type { PierConfig } from "@pier/shared";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { requireAdmin } from "./plugins/app/auth.ts";
import deps from "./plugins/app/deps.ts";
import errorHandler from "./plugins/app/error-handler.ts";
import appsRoutes from "./routes/api/apps/index.ts";
import envRoutes from "./routes/api/apps/env.ts";
import releasesRoutes from "./routes/api/apps/releases.ts";
import deploymentsRoutes from "./routes/api/deployments/index.ts";
import healthz from "./routes/healthz.ts";
import githubWebhook from "./routes/webhooks/github.ts";

export interface PierApiOptions {
  config: PierConfig;
}

/**
 * Builds the API as a plugin: external services first, then Pier's own plugins, then routes.
 * server.ts only listens; tests call this through `app.inject`.
 */
async function pierApi(app: FastifyInstance, options: PierApiOptions): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(deps, { config: options.config });
  await app.register(errorHandler);

  await app.register(healthz);
  await app.register(githubWebhook);
  await app.register(async (api) => {
    api.addHook("onRequest", requireAdmin(options.config.PIER_ADMIN_TOKEN));
    await api.register(appsRoutes);
    await api.register(envRoutes);
    await api.register(releasesRoutes);
    await api.register(deploymentsRoutes);
  });
}

// Not encapsulated: the instance that registers the API sees its decorations (`app.pier`) and hooks.
export default fp(pierApi, { name: "pier-api" });
