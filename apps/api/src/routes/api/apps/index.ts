import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appDto, appParams, createAppBody, deleteAppQuery, updateAppBodyFor } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, examples, wholeNumberQuery, withExample } from "../../../schemas/common.ts";
import {
  COMPOSE_EXAMPLE,
  appExample,
  deploymentExample,
  newAppExample,
  queuedDeploymentExample,
} from "../../../schemas/examples.ts";
import { deployBody, deploymentDto } from "../../../schemas/deployment.ts";
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
    {
      schema: {
        summary: "Create an app",
        description:
          "Registers a repository and branch as an app. Nothing is built until a push (its webhook) or a deploy; " +
          "the answer carries the webhook URL and secret to give GitHub.",
        operationId: "createApp",
        tags: ["apps"],
        body: createAppBody,
        response: {
          201: withExample(appDto.describe("The app as created"), newAppExample),
          ...apiErrors({ 409: "An app with this name exists, or the name would shadow another app's preview host" }),
        },
      },
    },
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
    {
      schema: {
        summary: "List apps",
        description: "Every app by name, each with its production replicas and domains.",
        operationId: "listApps",
        tags: ["apps"],
        response: {
          200: withExample(z.object({ apps: z.array(appDto) }).describe("The apps, by name"), { apps: [appExample] }),
          ...apiErrors(),
        },
      },
    },
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
    {
      schema: {
        summary: "Get an app",
        description: "An app's settings, its production replicas (desired, running, each one's state) and domains.",
        operationId: "getApp",
        tags: ["apps"],
        params: appParams,
        response: { 200: withExample(appDto.describe("The app"), appExample), ...apiErrors({ 404: APP_NOT_FOUND }) },
      },
    },
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
        description:
          "Only the fields sent change. repoUrl, branch, rootDir, port, healthCheckPath and volumes apply to the " +
          "next deploy; autoscale, httpsRedirect, hsts and the alert thresholds take effect at once.",
        operationId: "updateApp",
        tags: ["apps"],
        params: appParams,
        body: updateAppBodyFor(config.PIER_MAX_REPLICAS),
        response: {
          200: withExample(appDto.describe("The app as changed"), appExample),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
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
        description:
          "Stops and removes the app's containers and images, its routes, and forgets its settings, env, credential " +
          "and domains; its persistent volumes are kept unless volumes=true. The audit log keeps the record.",
        operationId: "deleteApp",
        tags: ["apps"],
        params: appParams,
        querystring: deleteAppQuery,
        response: {
          200: z
            .object({
              deleted: z.string(),
              removedContainers: z.number(),
              removedImages: z.array(z.string()).describe("Its images (tags and ids), build stages included"),
              leftImages: z
                .array(z.object({ image: z.string(), reason: z.string() }))
                .describe("Images the engine refused to remove (another container uses them), with its reason"),
              removedVolumes: z.array(z.string()),
              keptVolumes: z.array(z.string()),
            })
            .describe("What was removed, and the volumes kept")
            .meta(
              examples({
                deleted: "web",
                removedContainers: 2,
                removedImages: ["pier/web:k3v9x2m1q8", "pier/web:p8w2n5r7t1"],
                leftImages: [],
                removedVolumes: [],
                keptVolumes: ["pier-c1a2b3d4e5-data"],
              }),
            ),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const result = await deleteApp(app.pier, request.params.name, request.query.volumes === "true");
      if (result.leftImages.length)
        request.log.error({ app: request.params.name, left: result.leftImages }, "a deleted app's images were left");
      return { deleted: request.params.name, ...result };
    },
  );

  app.post(
    "/api/apps/:name/deploy",
    {
      schema: {
        summary: "Deploy the head of the app's branch (or a commit) now, live or staged",
        description:
          "Queues a deployment of the branch's head commit (or `commit`, or the head of `branch`): clone, build, " +
          "start, health check, then it goes live. With promote false it is staged: it starts at its own URL " +
          "(<app>-<shortId>) and production stays as it is until POST /api/apps/{name}/promote (or a rollout) makes " +
          "it live; a newer staged deployment replaces it. Follow it with GET /api/deployments/{id} or its log stream.",
        operationId: "deployApp",
        tags: ["deployments"],
        params: appParams,
        body: deployBody,
        response: {
          202: withExample(deploymentDto.describe("The deployment, queued"), queuedDeploymentExample),
          ...apiErrors({ 404: APP_NOT_FOUND, 503: "The job queue (Redis) or the database can't be reached" }),
        },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const body = request.body;
      const { deployment } = await createDeployment(app.pier, {
        app: target,
        trigger: "API",
        branch: body.branch ?? target.branch,
        ...(body.commit ? { commit: { sha: body.commit, message: null, author: null } } : {}),
        promote: body.promote ?? true,
      });
      return reply.status(202).send(toDeploymentDto(config, deployment, target));
    },
  );

  app.get(
    "/api/apps/:name/deployments",
    {
      schema: {
        summary: "An app's deployments, newest first",
        description: "Production and preview deployments alike, with their status, commit and timings.",
        operationId: "listDeployments",
        tags: ["deployments"],
        params: appParams,
        querystring: z.object({ limit: wholeNumberQuery(1, 500).default(50) }),
        response: {
          200: withExample(
            z.object({ deployments: z.array(deploymentDto) }).describe("The deployments, newest first"),
            {
              deployments: [queuedDeploymentExample, deploymentExample],
            },
          ),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
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
        description:
          "YAML for docker compose: the live deployment's image, env (values included: admin scope), volumes, " +
          "port and health check.",
        operationId: "exportApp",
        tags: ["apps"],
        params: appParams,
        response: {
          200: withExample(z.string().describe("The compose file (application/yaml)"), COMPOSE_EXAMPLE),
          ...apiErrors({ 404: APP_NOT_FOUND, 409: "The app has no live deployment to export" }),
        },
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
