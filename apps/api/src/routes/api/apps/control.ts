import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { appParams } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { findAppByName } from "../../../services/apps.ts";
import { runInAppImage } from "../../../services/run-command.ts";
import { redactedLines } from "../../../services/redacted-lines.ts";
import { openEnvVars } from "@pier/shared";

/**
 * Direct control over the running app. Runtime logs: the app's own output (stdout and stderr of its production
 * container): what a hosted PaaS keeps behind a log viewer. With follow=true the answer stays open and streams new
 * lines.
 */
const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/apps/:name/logs",
    {
      schema: {
        summary: "Runtime logs of the app's production container (text; follow=true streams)",
        params: appParams,
        querystring: z.object({
          tail: z.coerce.number().int().min(0).max(10_000).default(200),
          follow: z.enum(["true", "false"]).default("false"),
        }),
        response: { 200: z.string().describe("text/plain"), ...errorResponses },
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

  app.post(
    "/api/apps/:name/run",
    {
      schema: {
        summary: "Run a one-off command in the production image (with the app's env and volumes) and return its output",
        params: appParams,
        body: z
          .object({
            command: z.array(z.string().max(4_096)).min(1, "must name a command").max(100),
            timeoutSeconds: z.number().int().min(1).max(3_600).default(300),
          })
          .strict(),
        response: {
          200: z.object({
            deploymentId: z.string(),
            exitCode: z.number(),
            output: z.string(),
            timedOut: z.boolean(),
            durationMs: z.number(),
          }),
          ...errorResponses,
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
