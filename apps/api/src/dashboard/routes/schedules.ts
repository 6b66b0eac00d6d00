import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../schemas/app.ts";
import { createScheduleBody } from "../../schemas/schedule.ts";
import { findAppByName } from "../../services/apps.ts";
import { createSchedule, deleteSchedule } from "../../services/schedules.ts";
import { csrfBody, fieldErrors, formText, formValues } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { renderAppPage } from "../render-app-page.ts";

const scheduleForm = csrfBody.extend({ cron: formText, timezone: formText, action: formText });
const scheduleAction = csrfBody.extend({ id: z.string().min(1).max(64) });

/** The app page's Schedules card: add and delete, through the same services (and checks) as the JSON API. */
const schedulesRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const back = (name: string) => `/apps/${name}#schedules`;

  app.post(
    "/apps/:name/schedules",
    { schema: { hide: true, params: appParams, body: scheduleForm, response: { 400: z.string(), 409: z.string() } } },
    async (request, reply) => {
      const { name } = request.params;
      const values = formValues(request.body);
      const target = await findAppByName(deps.prisma, name);
      // The API's own schema checks the form: the same messages, next to their fields.
      const parsed = createScheduleBody.safeParse({
        cron: values.cron,
        timezone: values.timezone || undefined,
        action: values.action || undefined,
      });
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error.issues);
        return renderAppPage(kit, request, reply, name, "1h", { schedule: { values, errors } }, 400);
      }
      return kit.action(request, reply, back(name), async () => {
        const created = await createSchedule({ ...deps, log: request.log }, target, parsed.data);
        const when = `${created.cron} (${created.timezone})`;
        const text = `Scheduled: ${created.action} at ${when}; next run ${created.nextRuns[0]}.`;
        return { flash: { kind: "ok", text } };
      });
    },
  );

  app.post(
    "/apps/:name/schedules/remove",
    { schema: { hide: true, params: appParams, body: scheduleAction } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: "Delete this schedule?",
        text: `No scheduled run of ${request.params.name} starts after it; a deployment already queued goes on.`,
        button: "Delete schedule",
        back: back(request.params.name),
      }) ??
      kit.action(request, reply, back(request.params.name), async () => {
        const target = await findAppByName(deps.prisma, request.params.name);
        const deleted = await deleteSchedule({ ...deps, log: request.log }, target.id, request.body.id);
        return { flash: { kind: "ok", text: `Deleted the schedule ${deleted.cron} (${deleted.timezone}).` } };
      }),
  );
};

export default schedulesRoutes;
