import { replicaStatuses } from "@pier/replicas";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError, ERROR_STATUS } from "../../errors.ts";
import { createAppBody } from "../../schemas/app.ts";
import { createApp } from "../../services/apps.ts";
import { liveSinceOf, toAppDto } from "../../services/views.ts";
import { csrfBody, fieldErrors, formText, formValues, html200, withoutField, type FieldErrors } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { appsPage, newAppPage } from "../pages/apps.ts";

/** The apps list and the new-app form. */
const appsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;

  app.get("/", { schema: { hide: true, response: html200 } }, async (request, reply) => {
    const apps = await deps.prisma.app.findMany({
      orderBy: { name: "asc" },
      include: {
        deployments: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 },
        productionDeployment: true,
      },
    });
    const [statuses, liveSince] = await Promise.all([replicaStatuses(deps, apps), liveSinceOf(deps.prisma, apps)]);
    const rows = apps.map((a) => ({
      app: toAppDto(deps.config, a, statuses.get(a.id)),
      latest: a.deployments[0] ?? null,
      live: a.productionDeployment ? { deployment: a.productionDeployment, since: liveSince.get(a.id)! } : null,
    }));
    return kit.page(reply, appsPage(kit.context(request, reply), rows));
  });

  app.get("/apps/new", { schema: { hide: true, response: html200 } }, async (request, reply) =>
    kit.page(reply, newAppPage(kit.context(request, reply), {}, {})),
  );

  const newAppForm = csrfBody.extend({
    name: formText,
    repoUrl: formText,
    branch: formText,
    rootDir: formText,
    port: formText,
    healthCheckPath: formText,
  });
  app.post(
    "/apps/new",
    { schema: { hide: true, body: newAppForm, response: { ...html200, 400: z.string(), 409: z.string() } } },
    async (request, reply) => {
      const values = formValues(request.body);
      if (values.name) request.auditTarget = values.name;
      const errors: FieldErrors = {};
      if (!values.name) errors.name = "Give the app a name.";
      else if (values.name === "new") errors.name = "“new” is reserved by the dashboard; pick another name.";
      if (!values.repoUrl) errors.repoUrl = "Paste the repository's URL.";
      if (values.port && !/^\d{1,5}$/.test(values.port)) errors.port = "must be a whole number between 1 and 65535";
      const parsed = createAppBody.safeParse({
        name: values.name,
        repoUrl: values.repoUrl,
        branch: values.branch || undefined,
        rootDir: values.rootDir || undefined,
        port: values.port && !errors.port ? Number(values.port) : undefined,
        healthCheckPath: values.healthCheckPath || undefined,
      });
      if (!parsed.success)
        for (const [k, message] of Object.entries(fieldErrors(parsed.error.issues))) errors[k] ??= message;
      if (Object.keys(errors).length > 0 || !parsed.success)
        return kit.page(reply, newAppPage(kit.context(request, reply), values, errors), 400);
      try {
        const created = await createApp(deps, parsed.data);
        return kit.flashAndGo(
          request,
          reply,
          {
            kind: "ok",
            text:
              `Created ${created.name}. ` +
              "Press Deploy to build it now, or add the webhook from Settings so every push deploys.",
          },
          `/apps/${created.name}`,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const field = error.field && error.field in values ? error.field : "_form";
        const status = ERROR_STATUS[error.code];
        return kit.page(
          reply,
          newAppPage(kit.context(request, reply), values, { [field]: withoutField(error.message, "repoUrl") }),
          status === 409 ? 409 : 400,
        );
      }
    },
  );
};

export default appsRoutes;
