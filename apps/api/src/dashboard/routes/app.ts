import { replicaStatuses } from "@pier/replicas";
import { METRIC_WINDOWS, type MetricWindow } from "@pier/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { appParams } from "../../schemas/app.ts";
import { deploymentIdField } from "../../schemas/release.ts";
import { findAppByName } from "../../services/apps.ts";
import { createDeployment } from "../../services/create-deployment.ts";
import { redeployApp } from "../../services/redeploy.ts";
import { releaseExistingDeployment } from "../../services/releases.ts";
import { scaleApp } from "../../services/scale.ts";
import { csrfBody, formText, html200, withoutField } from "../forms.ts";
import { deploymentFilterQuery } from "../deployment-filter.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { renderAppPage } from "../render-app-page.ts";
import { replicasPanel } from "../pages/production.ts";

const windows = Object.keys(METRIC_WINDOWS) as [MetricWindow, ...MetricWindow[]];
/** An unknown window (or filter) falls back to the default rather than failing the page. */
const appQuery = deploymentFilterQuery.extend({ window: z.enum(windows).catch("1h") });

/** Rolling back or promoting changes what production serves: asked first (see DashboardKit.confirmFirst). */
const releaseQuestion = (kind: "ROLLBACK" | "PROMOTE", app: string, deploymentId: string | undefined) => ({
  title: kind === "ROLLBACK" ? `Roll ${app} back?` : `Promote this deployment of ${app}?`,
  text:
    `Production of ${app} switches to ${deploymentId ? "this deployment" : "the previous release"} at once; ` +
    "the one live now stops serving.",
  button: kind === "ROLLBACK" ? "Roll back" : "Promote to production",
  back: `/apps/${app}`,
});

/** Scaling to 0 takes the app offline: asked first. */
const scaleToZeroQuestion = (app: string) => ({
  title: `Stop every replica of ${app}?`,
  text: `Scaling to 0 takes ${app} offline: nothing answers at its URL until you scale it up again.`,
  button: "Scale to 0",
  back: `/apps/${app}#production`,
});

/** The app's overview page and what its buttons do: deploy, roll back, promote, scale. */
const appRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const { config, prisma } = deps;

  app.get(
    "/apps/:name",
    { schema: { hide: true, params: appParams, querystring: appQuery, response: html200 } },
    async (request, reply) => {
      const { window, ...filter } = request.query;
      return renderAppPage(kit, request, reply, request.params.name, window, {}, 200, filter);
    },
  );

  // The replicas panel alone: the app page fetches it every few seconds to stay live.
  app.get(
    "/apps/:name/replicas",
    { schema: { hide: true, params: appParams, response: html200 } },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const status = (await replicaStatuses(deps, [target])).get(target.id)!;
      return kit.page(reply, replicasPanel(target.name, status).value);
    },
  );

  app.post(
    "/apps/:name/deploy",
    { schema: { hide: true, params: appParams, body: csrfBody } },
    async (request, reply) =>
      kit.action(request, reply, `/apps/${request.params.name}`, async () => {
        const target = await findAppByName(prisma, request.params.name);
        const { deployment } = await createDeployment(deps, {
          app: target,
          trigger: "DASHBOARD",
          branch: target.branch,
        });
        return { to: `/deployments/${deployment.id}` };
      }),
  );

  // Production's image again, no build (redeploy is safe: nothing to confirm). Back to where it was pressed.
  app.post(
    "/apps/:name/redeploy",
    { schema: { hide: true, params: appParams, body: csrfBody } },
    async (request, reply) =>
      kit.action(request, reply, `/apps/${request.params.name}`, async () => {
        const { deployment } = await redeployApp(deps, request.params.name, "DASHBOARD");
        return { to: `/deployments/${deployment.id}` };
      }),
  );

  const releaseBody = csrfBody.extend({ deploymentId: deploymentIdField.optional() });
  for (const kind of ["ROLLBACK", "PROMOTE"] as const) {
    app.post(
      `/apps/:name/${kind.toLowerCase()}`,
      { schema: { hide: true, params: appParams, body: releaseBody } },
      async (request, reply) =>
        kit.confirmFirst(request, reply, releaseQuestion(kind, request.params.name, request.body.deploymentId)) ??
        kit.action(request, reply, `/apps/${request.params.name}`, async () => {
          if (kind === "PROMOTE" && !request.body.deploymentId)
            throw new AppError("validation_failed", "choose a deployment to promote");
          const result = await releaseExistingDeployment(deps, request.log, {
            appName: request.params.name,
            deploymentId: request.body.deploymentId,
            kind,
            cause: "DASHBOARD",
          });
          const verb = kind === "ROLLBACK" ? "Rolled back" : "Promoted";
          const routed = result.routed ? "" : " The router hasn't confirmed yet; it will pick it up shortly.";
          return {
            flash: {
              kind: "ok",
              text: `${verb}: ${result.release.name} puts deployment ${result.deployment.shortId} live.${routed}`,
            },
          };
        }),
    );
  }

  app.post(
    "/apps/:name/scale",
    {
      schema: {
        hide: true,
        params: appParams,
        body: csrfBody.extend({ replicas: formText }),
        response: { 400: z.string() },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const typed = request.body.replicas.trim();
      const again = (message: string) =>
        renderAppPage(
          kit,
          request,
          reply,
          name,
          "1h",
          { scale: { values: { replicas: typed }, errors: { replicas: message } } },
          400,
        );
      if (!/^\d{1,4}$/.test(typed)) return again(`Enter a whole number from 0 to ${config.PIER_MAX_REPLICAS}.`);
      const stopAll = Number(typed) === 0 ? kit.confirmFirst(request, reply, scaleToZeroQuestion(name)) : null;
      if (stopAll) return stopAll;
      try {
        const { replicas } = await scaleApp(deps, name, Number(typed), "dashboard", request.log);
        const all = replicas.running === replicas.desired;
        const count = `${replicas.desired} ${replicas.desired === 1 ? "replica" : "replicas"}`;
        const why = all ? "" : " The controller keeps trying; the replicas below show why.";
        const text = `Scaled ${name} to ${count}: ${replicas.running} running.${why}`;
        return kit.flashAndGo(request, reply, { kind: all ? "ok" : "error", text }, `/apps/${name}#production`);
      } catch (error) {
        // A wrong number shows next to the field; "not deployed yet", "busy" or "autoscaled" is a message on the page.
        if (error instanceof AppError && error.code === "validation_failed" && error.field === "replicas")
          return again(withoutField(error.message, "replicas"));
        if (error instanceof AppError && error.code !== "app_not_found")
          return kit.flashAndGo(request, reply, { kind: "error", text: error.message }, `/apps/${name}#production`);
        throw error;
      }
    },
  );
};

export default appRoutes;
