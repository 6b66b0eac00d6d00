import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import {
  APP_NOT_FOUND,
  apiErrors,
  examples,
  wholeNumber,
  wholeNumberQuery,
  withExample,
} from "../../../schemas/common.ts";
import { RUNTIME_LOG_EVENTS_EXAMPLE, RUNTIME_LOG_TEXT_EXAMPLE } from "../../../schemas/examples.ts";
import { findAppByName } from "../../../services/apps.ts";
import { runInAppImage } from "../../../services/run-command.ts";
import { streamRuntimeLogEvents } from "../../../services/runtime-log-events.ts";
import { streamRuntimeLogText } from "../../../services/runtime-log-text.ts";

/**
 * Direct control over the running app. Runtime logs: the app's own output (stdout and stderr of its production
 * replicas): what a hosted PaaS keeps behind a log viewer. With follow=true the answer stays open and streams new
 * lines, from replicas that start later too.
 */
const runtimeErrors = apiErrors({ 404: APP_NOT_FOUND, 409: "The app has no running production container" });

const controlRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/apps/:name/logs",
    {
      schema: {
        summary: "Runtime logs of every production replica, as text (follow=true streams)",
        description:
          "The last `tail` lines of stdout and stderr of every production replica, in the order they were written, " +
          "each as `<time> #<replica> <text>` (time: the engine's RFC 3339). With follow=true the answer stays " +
          "open: new lines as they come, from replicas that start later (scale up, restart, a new deploy) too. " +
          "The app's env values are redacted.",
        operationId: "getRuntimeLogs",
        tags: ["runtime"],
        params: appParams,
        querystring: z.object({
          tail: wholeNumberQuery(0, 10_000).default(200),
          follow: z.enum(["true", "false"]).default("false"),
        }),
        response: {
          200: withExample(z.string().describe("The log lines (text/plain)"), RUNTIME_LOG_TEXT_EXAMPLE),
          ...runtimeErrors,
        },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(app.pier.prisma, request.params.name);
      await streamRuntimeLogText(app.pier, target, request, reply, {
        tail: request.query.tail,
        follow: request.query.follow === "true",
      });
    },
  );

  app.get(
    "/api/apps/:name/logs/stream",
    {
      schema: {
        summary: "Runtime logs of every production replica as Server-Sent Events, each line with its time and replica",
        description:
          "Events: `replicas` {deploymentId, replicas: [{index, container, running}]} first, and again whenever " +
          "they change (a replica started, stopped or went away; another deployment went live); `line` " +
          "{at, replica, container, line} (at: the engine's RFC 3339 time); with follow=true, lines of replicas " +
          "that start later too, until the client leaves; `end` {reason} when follow is false (after the last " +
          "`tail` lines, in the order written) or the app was deleted; `failed` {message} when the engine failed " +
          "mid-stream. " +
          "The app's env values are redacted.",
        operationId: "streamRuntimeLogs",
        tags: ["runtime"],
        params: appParams,
        querystring: z.object({
          tail: wholeNumberQuery(0, 10_000).default(200),
          follow: z.enum(["true", "false"]).default("true"),
        }),
        response: {
          200: withExample(z.string().describe("The log as text/event-stream"), RUNTIME_LOG_EVENTS_EXAMPLE),
          ...runtimeErrors,
        },
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
            .describe("The command's exit code and output (stdout and stderr, env values redacted)")
            .meta(
              examples({
                deploymentId: "k3v9x2m1q8",
                exitCode: 0,
                output: "Applied 2 migrations\n",
                timedOut: false,
                durationMs: 1840,
              }),
            ),
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
