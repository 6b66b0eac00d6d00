import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { flagKeySchema, flagValueSchema, type FlagValue } from "@pier/shared";
import { appParams } from "../../schemas/app.ts";
import { findAppByName } from "../../services/apps.ts";
import { changeFlags, listFlags } from "../../services/flags.ts";
import { toAppDto } from "../../services/views.ts";
import { csrfBody, formText, formValues, html200, type FieldErrors, type FormValues } from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { FLAG_TYPES, flagsPage, type FlagType } from "../pages/flags.ts";

const flagForm = csrfBody.extend({ key: formText, value: z.string().max(4_000).default(""), type: z.enum(FLAG_TYPES) });

/** The form's value as its type says, or why it can't be one. */
function typedValue(raw: string, type: FlagType): { value: FlagValue } | { error: string } {
  if (type === "boolean") {
    if (raw === "true" || raw === "false") return { value: raw === "true" };
    return { error: "must be true or false for a boolean" };
  }
  if (type === "number") {
    const value = Number(raw);
    return raw.trim() !== "" && Number.isFinite(value) ? { value } : { error: "must be a number, such as 20 or 0.5" };
  }
  const checked = flagValueSchema.safeParse(raw);
  return checked.success ? { value: raw } : { error: checked.error.issues[0]?.message ?? "is not a valid value" };
}

/** The Flags tab: toggle, edit, add and remove flags, through the same service as the JSON API. */
const flagsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const back = (name: string) => `/apps/${name}/flags`;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    name: string,
    values: FormValues = {},
    errors: FieldErrors = {},
    status = 200,
  ) {
    const target = await findAppByName(deps.prisma, name);
    const [flags, deploymentCount] = await Promise.all([
      listFlags(deps.prisma, target.id),
      deps.prisma.deployment.count({ where: { appId: target.id } }),
    ]);
    const page = flagsPage(
      kit.context(request, reply),
      toAppDto(deps.config, target),
      target.productionDeploymentId !== null,
      deploymentCount > 0,
      flags,
      values,
      errors,
    );
    return kit.page(reply, page, status);
  }

  app.get(
    "/apps/:name/flags",
    { schema: { hide: true, params: appParams, response: html200 } },
    async (request, reply) => render(request, reply, request.params.name),
  );

  app.post(
    "/apps/:name/flags",
    { schema: { hide: true, params: appParams, body: flagForm, response: { 400: z.string() } } },
    async (request, reply) => {
      const { name } = request.params;
      const values: FormValues = { ...formValues(request.body), value: request.body.value };
      const errors: FieldErrors = {};
      const key = flagKeySchema.safeParse(values.key);
      if (!values.key) errors.key = "Enter a key, such as NEW_CHECKOUT.";
      else if (!key.success) errors.key = key.error.issues[0]?.message ?? "is not a valid key";
      const typed = typedValue(request.body.value, request.body.type);
      if ("error" in typed) errors.value = typed.error;
      if (Object.keys(errors).length > 0 || "error" in typed) return render(request, reply, name, values, errors, 400);
      const target = await findAppByName(deps.prisma, name);
      await changeFlags(deps, target.id, { set: { [values.key!]: typed.value } }, "DASHBOARD");
      const text = `Set ${values.key} to ${JSON.stringify(typed.value)}: running apps see it within seconds.`;
      return kit.flashAndGo(request, reply, { kind: "ok", text }, back(name));
    },
  );

  app.post(
    "/apps/:name/flags/remove",
    { schema: { hide: true, params: appParams, body: csrfBody.extend({ key: flagKeySchema }) } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: `Remove ${request.body.key}?`,
        text: `${request.params.name}'s running containers stop seeing ${request.body.key} at once.`,
        button: "Remove flag",
        back: back(request.params.name),
      }) ??
      kit.action(request, reply, back(request.params.name), async () => {
        const target = await findAppByName(deps.prisma, request.params.name);
        await changeFlags(deps, target.id, { remove: request.body.key }, "DASHBOARD");
        return { flash: { kind: "ok", text: `Removed ${request.body.key}.` } };
      }),
  );
};

export default flagsRoutes;
