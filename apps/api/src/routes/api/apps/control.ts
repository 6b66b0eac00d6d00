import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, examples, wholeNumber, wholeNumberQuery } from "../../../schemas/common.ts";
import { findAppByName } from "../../../services/apps.ts";
import { runInAppImage } from "../../../services/run-command.ts";
import { redactedLines } from "../../../services/redacted-lines.ts";
import { streamRuntimeLogEvents } from "../../../services/runtime-log-events.ts";
import { openEnvVars } from "@pier/shared";

/**
 * Direct control over the running app. Runtime logs: the app's own output (stdout and stderr of its production
 * container): what a hosted PaaS keeps behind a log viewer. With follow=true the answer stays open and streams new
 * lines.
 */
const runtimeErrors = apiErrors({ 404: APP_NOT_FOUND, 409: "The app has no running production container" });

const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/apps/:name/logs",
    {
      schema: {
        summary: "Runtime logs of the app's production container (text; follow=true streams)",
        description: "The last `tail` lines of stdout and stderr; the app's env values are redacted.",
        operationId: "getRuntimeLogs",
        tags: ["runtime"],
        params: appParams,
        querystring: z.object({
          tail: wholeNumberQuery(0, 10_000).default(200),
          follow: z.enum(["true", "false"]).default("false"),
        }),
        response: { 200: z.string().describe("The log lines (text/plain)"), ...runtimeErrors },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(app.pier.prisma, request.params.name);
      const live = target.productionDeploymentId
        ? await app.pier.prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } })
        : null;
      if (!live?.containerId)
        throw new AppError("conflict", `${target.name} has no running production container`, "name");
      const stream = await app.pier.runtime.streamContainerLogs(live.containerId, {
        tail: request.query.tail,
        follow: request.query.follow === "true",
      });
      request.raw.on("close", () => stream.destroy());
      // The app's env values never leave in its logs, as in build logs.
      const envVars = openEnvVars(
        app.pier.config,
        await app.pier.prisma.envVar.findMany({ where: { appId: target.id } }),
      );
      const redacted = redactedLines(envVars.map((v) => v.value));
      // Streamed as it comes, outside the response serializer (which knows only whole strings).
      reply.hijack();
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) reply.raw.setHeader(name, value);
      reply.raw.writeHead(200, { "content-type": "text/plain; charset=utf-8", "x-pier-deployment": live.id });
      stream.on("error", (error) => {
        request.log.error({ err: error }, "runtime log stream failed");
        reply.raw.end(`\n[pier] log stream ended: ${error.message}\n`);
      });
      stream.pipe(redacted).pipe(reply.raw);
    },
  );

  app.get(
    "/api/apps/:name/logs/stream",
    {
      schema: {
        summary: "Runtime logs of every production replica as Server-Sent Events, each line with its time and replica",
        description:
          "Events: `replicas` {deploymentId, replicas: [{index, container, running}]} first; then `line` " +
          "{at, replica, container, line} (at: the engine's RFC 3339 time); `end` {reason} when follow is false " +
          "(after the last `tail` lines, in the order written) or every replica's container stopped; `failed` " +
          "{message} when the engine failed mid-stream. " +
          "The app's env values are redacted.",
        operationId: "streamRuntimeLogs",
        tags: ["runtime"],
        params: appParams,
        querystring: z.object({
          tail: wholeNumberQuery(0, 10_000).default(200),
          follow: z.enum(["true", "false"]).default("true"),
        }),
        response: { 200: z.string().describe("The log as text/event-stream"), ...runtimeErrors },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(app.pier.prisma, request.params.name);
      await streamRuntimeLogEvents(app.pier, target, request, reply, {
        tail: request.query.tail,
        follow: request.query.follow === "true",
      });
    },
  );

  app.post(
    "/api/apps/:name/run",
    {
      schema: {
        summary: "Run a one-off command in the production image (with the app's env and volumes) and return its output",
        description:
          "A migration, a console task: a new container of the live deployment's image, removed when the command " +
          "ends or times out. The command is an argument list, run without a shell.",
        operationId: "runCommand",
        tags: ["runtime"],
        params: appParams,
        body: z
          .object({
            command: z.array(z.string().max(4_096)).min(1, "must name a command").max(100),
            timeoutSeconds: wholeNumber(1, 3_600).default(300),
          })
          .strict()
          .meta(examples({ command: ["npm", "run", "migrate"], timeoutSeconds: 600 })),
        response: {
          200: z
            .object({
              deploymentId: z.string(),
              exitCode: z.number(),
              output: z.string(),
              timedOut: z.boolean(),
              durationMs: z.number(),
            })
            .describe("The command's exit code and output (stdout and stderr, env values redacted)"),
          ...runtimeErrors,
        },
      },
    },
    async (request) =>
      runInAppImage(app.pier, {
        appName: request.params.name,
        command: request.body.command,
        timeoutSeconds: request.body.timeoutSeconds,
      }),
  );
};

export default controlRoutes;
