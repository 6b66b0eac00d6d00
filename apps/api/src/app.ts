import type { PierConfig } from "@pier/shared";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import audit from "./plugins/app/audit.ts";
import { authenticate } from "./plugins/app/auth.ts";
import deps from "./plugins/app/deps.ts";
import errorHandler from "./plugins/app/error-handler.ts";
import { byCredential, limitRequests, RequestCounters } from "./plugins/app/rate-limit.ts";
import docs from "./plugins/external/docs.ts";
import security from "./plugins/external/security.ts";
import dashboard from "./dashboard/index.ts";
import appsRoutes from "./routes/api/apps/index.ts";
import envRoutes from "./routes/api/apps/env.ts";
import flagsRoutes from "./routes/api/apps/flags.ts";
import releasesRoutes from "./routes/api/apps/releases.ts";
import deliveriesRoutes from "./routes/api/apps/deliveries.ts";
import controlRoutes from "./routes/api/apps/control.ts";
import scaleRoutes from "./routes/api/apps/scale.ts";
import redeployRoutes from "./routes/api/apps/redeploy.ts";
import metricsRoutes from "./routes/api/apps/metrics.ts";
import domainsRoutes from "./routes/api/apps/domains.ts";
import schedulesRoutes from "./routes/api/apps/schedules.ts";
import rolloutsRoutes from "./routes/api/apps/rollouts.ts";
import deploymentsRoutes from "./routes/api/deployments/index.ts";
import healthz from "./routes/healthz.ts";
import schemasRoutes from "./routes/schemas.ts";
import githubWebhook from "./routes/webhooks/github.ts";
import tokensRoutes from "./routes/api/tokens.ts";
import meRoutes from "./routes/api/me.ts";
import notificationsRoutes from "./routes/api/notifications.ts";
import auditRoutes from "./routes/api/audit.ts";
import credentialsRoutes from "./routes/api/apps/credentials.ts";
import githubAppRoutes from "./routes/api/settings/github-app.ts";
import nodesRoutes from "./routes/api/nodes.ts";

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

  const { config } = options;
  await app.register(security);
  await app.register(docs);
  await app.register(deps, { config });
  await app.register(errorHandler);
  await app.register(audit);
  const counters = new RequestCounters(app.pier.redis, app.log);

  await app.register(healthz);
  await app.register(schemasRoutes);
  // Limits its own deliveries: signed ones per app, refused ones per sender.
  await app.register(githubWebhook, { counters });
  await app.register(async (api) => {
    await limitRequests(api, {
      counters,
      perMinute: config.PIER_API_RATE_LIMIT_PER_MINUTE,
      name: "api",
      keyOf: byCredential,
    });
    api.addHook("onRequest", authenticate(config.PIER_ADMIN_TOKEN, app.pier.prisma));
    await api.register(meRoutes);
    await api.register(tokensRoutes);
    await api.register(notificationsRoutes);
    await api.register(appsRoutes);
    await api.register(envRoutes);
    await api.register(flagsRoutes);
    await api.register(releasesRoutes);
    await api.register(deliveriesRoutes);
    await api.register(controlRoutes);
    await api.register(scaleRoutes);
    await api.register(redeployRoutes);
    await api.register(metricsRoutes);
    await api.register(domainsRoutes);
    await api.register(schedulesRoutes);
    await api.register(rolloutsRoutes);
    await api.register(deploymentsRoutes);
    await api.register(auditRoutes);
    await api.register(credentialsRoutes);
    await api.register(githubAppRoutes);
    await api.register(nodesRoutes);
  });
  await app.register(dashboard);
}

// Not encapsulated: the instance that registers the API sees its decorations (`app.pier`) and hooks.
export default fp(pierApi, { name: "pier-api" });
