import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors } from "../../../schemas/common.ts";
import { createScheduleBody, scheduleDto, scheduleParams, schedulesDto } from "../../../schemas/schedule.ts";
import { findAppByName } from "../../../services/apps.ts";
import { createSchedule, deleteSchedule, listSchedules } from "../../../services/schedules.ts";

/** Deploys on a cron schedule: each run is a deployment with trigger SCHEDULE (run by the worker). */
const schedulesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.pier;

  app.get(
    "/api/apps/:name/schedules",
    {
      schema: {
        summary: "List an app's deploy schedules",
        description:
          "Each schedule with its next runs, and when it last ran and what that run did (or why it skipped).",
        operationId: "listSchedules",
        tags: ["deployments"],
        params: appParams,
        response: { 200: schedulesDto.describe("The schedules, oldest first"), ...apiErrors({ 404: APP_NOT_FOUND }) },
      },
    },
    async (request) => ({
      schedules: await listSchedules(app.pier, (await findAppByName(prisma, request.params.name)).id),
    }),
  );

  app.post(
    "/api/apps/:name/schedules",
    {
      schema: {
        summary: "Deploy an app on a cron schedule",
        description:
          "At each tick of the cron (read in the time zone given, UTC by default) the worker deploys the head of the " +
          "app's branch (action deploy) or starts production's image again with the current env vars (redeploy), as " +
          "a deployment with trigger SCHEDULE. A tick that finds the app's previous scheduled deployment unfinished " +
          "is skipped, and the schedule's last outcome says so. At most 10 schedules per app.",
        operationId: "createSchedule",
        tags: ["deployments"],
        params: appParams,
        body: createScheduleBody,
        response: {
          201: scheduleDto.describe("The schedule, with its next runs"),
          ...apiErrors({
            404: APP_NOT_FOUND,
            409: "The app has the most schedules it may have",
            503: "Redis can't be reached: the schedule was not created",
          }),
        },
      },
    },
    async (request, reply) => {
      const target = await findAppByName(prisma, request.params.name);
      const created = await createSchedule({ ...app.pier, log: request.log }, target, request.body);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    "/api/apps/:name/schedules/:id",
    {
      schema: {
        summary: "Delete a deploy schedule",
        description: "No run starts after this; a deployment a run already queued goes on.",
        operationId: "deleteSchedule",
        tags: ["deployments"],
        params: scheduleParams,
        response: {
          200: scheduleDto.describe("The schedule deleted"),
          ...apiErrors({ 404: "No app has this name, or it has no schedule with this id" }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      return deleteSchedule({ ...app.pier, log: request.log }, target.id, request.params.id);
    },
  );
};

export default schedulesRoutes;
