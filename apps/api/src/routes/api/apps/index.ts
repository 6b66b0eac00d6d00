import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appDto, appParams, createAppBody, deleteAppQuery, updateAppBody } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { deploymentDto } from "../../../schemas/deployment.ts";
import { createApp, deleteApp, findAppByName, updateApp } from "../../../services/apps.ts";
import { createDeployment } from "../../../services/create-deployment.ts";
import { domainsByApp, listDomains } from "../../../services/domains.ts";
import { exportCompose } from "../../../services/export-compose.ts";
import { toAppDto, toDeploymentDto } from "../../../services/views.ts";
import { replicaStatuses } from "@pier/replicas";
import { maySeeSecrets } from "../../../plugins/app/scopes.ts";

const appsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, prisma } = app.pier;

  app.post(
    "/api/apps",
    { schema: { summary: "Create an app", body: createAppBody, response: { 201: appDto, ...errorResponses } } },
    async (request, reply) => {
      request.auditTarget = request.body.name;
      const created = await createApp(app.pier, request.body);
      return reply
        .status(201)
        .send(toAppDto(config, created, undefined, { secrets: maySeeSecrets(request.principal) }));
    },
  );

  app.get(
    "/api/apps",
    { schema: { summary: "List apps", response: { 200: z.object({ apps: z.array(appDto) }), ...errorResponses } } },
    async (request) => {
      const apps = await prisma.app.findMany({ orderBy: { name: "asc" } });
      const [statuses, domains] = await Promise.all([
        replicaStatuses(app.pier, apps),
        domainsByApp(
          { ...app.pier, log: request.log },
          apps.map((a) => a.id),
        ),
      ]);
      const secrets = maySeeSecrets(request.principal);
      return {
        apps: apps.map((a) => toAppDto(config, a, statuses.get(a.id), { secrets, domains: domains.get(a.id) })),
      };
    },
  );

  app.get(
    "/api/apps/:name",
    { schema: { summary: "Get an app", params: appParams, response: { 200: appDto, ...errorResponses } } },
    async (request) => {
      const found = await findAppByName(prisma, request.params.name);
      return toAppDto(config, found, (await replicaStatuses(app.pier, [found])).get(found.id), {
        secrets: maySeeSecrets(request.principal),
        domains: await listDomains({ ...app.pier, log: request.log }, found.id),
      });
    },
  );

  app.patch(
    "/api/apps/:name",
    {
      schema: {
        summary:
          "Change an app's settings: build and run settings apply to the next deploy; autoscale, httpsRedirect " +
          "and hsts at once",
        params: appParams,
        body: updateAppBody,
        response: { 200: appDto, ...errorResponses },
      },
    },
    async (request) => {
      const updated = await updateApp(app.pier, request.params.name, request.body, { by: "api", log: request.log });
      return toAppDto(config, updated, (await replicaStatuses(app.pier, [updated])).get(updated.id), {
        secrets: maySeeSecrets(request.principal),
        domains: await listDomains({ ...app.pier, log: request.log }, updated.id),
      });
    },
  );

  app.delete(
    "/api/apps/:name",
    {
      schema: {
        summary: "Delete an app and stop its containers (its volumes only with ?volumes=true)",
        params: appParams,
        querystring: deleteAppQuery,
        response: {
          200: z.object({
            deleted: z.string(),
            removedContainers: z.number(),
            removedVolumes: z.array(z.string()),
            keptVolumes: z.array(z.string()),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const result = await deleteApp(app.pier, request.params.name, request.query.volumes === "true");
      return { deleted: request.params.name, ...result };
    },
  );

  app.post(
    "/api/apps/:name/deploy",
    {
      schema: {
        summary: "Deploy the head of the app's branch now",
        params: appParams,
        response: { 202: deploymentDto, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const { deployment } = await createDeployment(app.pier, { app: target, trigger: "API", branch: target.branch });
      return reply.status(202).send(toDeploymentDto(config, deployment, target));
    },
  );

  app.get(
    "/api/apps/:name/deployments",
    {
      schema: {
        summary: "An app's deployments, newest first",
        params: appParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ deployments: z.array(deploymentDto) }), ...errorResponses },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      const deployments = await prisma.deployment.findMany({
        where: { appId: target.id },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: request.query.limit,
      });
      return { deployments: deployments.map((d) => toDeploymentDto(config, d, target)) };
    },
  );

  app.get(
    "/api/apps/:name/export",
    {
      schema: {
        summary: "A docker-compose file that runs the current release without Pier",
        params: appParams,
        response: { 200: z.string(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const yaml = await exportCompose(app.pier, request.params.name);
      return reply
        .type("application/yaml")
        .header("content-disposition", `attachment; filename="${request.params.name}.compose.yml"`)
        .send(yaml);
    },
  );
};

export default appsRoutes;
