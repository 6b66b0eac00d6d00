import { autoscalePolicySchema } from "@pier/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { appParams } from "../../schemas/app.ts";
import { updateApp } from "../../services/apps.ts";
import {
  csrfBody,
  fieldErrors,
  formText,
  formValues,
  withoutField,
  type FieldErrors,
  type FormValues,
} from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { describePolicy } from "../pages/autoscale.ts";
import { renderAppPage } from "../render-app-page.ts";

/** The policy's fields as the form names them, and whether each takes whole numbers only (as the schema does). */
const POLICY_FIELDS = [
  ["min", true],
  ["max", true],
  ["targetConcurrency", false],
  ["targetRps", false],
  ["scaleDownDelaySeconds", true],
  ["idleTimeoutSeconds", true],
] as const;

const autoscaleForm = csrfBody.extend({
  min: formText,
  max: formText,
  targetConcurrency: formText,
  targetRps: formText,
  scaleDownDelaySeconds: formText,
  idleTimeoutSeconds: formText,
});

/**
 * The typed numbers, by field. An empty field is left out, so the policy schema's default applies (as
 * with the JSON API and `pier autoscale`); ranges and min ≤ max are the schema's to check.
 */
function typedNumbers(values: FormValues): { input: Record<string, number>; errors: FieldErrors } {
  const input: Record<string, number> = {};
  const errors: FieldErrors = {};
  for (const [name, whole] of POLICY_FIELDS) {
    const text = values[name] ?? "";
    if (text === "") continue;
    if (!(whole ? /^\d{1,6}$/ : /^\d{1,7}(\.\d{1,3})?$/).test(text))
      errors[name] = whole ? "Enter a whole number." : "Enter a number, like 10 or 2.5.";
    else input[name] = Number(text);
  }
  if (values.max === "") errors.max = "Enter the most replicas the autoscaler may run.";
  return { input, errors };
}

/** The app page's Autoscale card: set the policy (through the same service as PATCH /api/apps/:name) or turn it off. */
const autoscaleRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;

  app.post(
    "/apps/:name/autoscale",
    { schema: { hide: true, params: appParams, body: autoscaleForm, response: { 400: z.string() } } },
    async (request, reply) => {
      const { name } = request.params;
      const values = formValues(request.body);
      const again = (errors: FieldErrors) =>
        renderAppPage(kit, request, reply, name, "1h", { autoscale: { values, errors } }, 400);
      const typed = typedNumbers(values);
      if (Object.keys(typed.errors).length > 0) return again(typed.errors);
      const parsed = autoscalePolicySchema.safeParse(typed.input);
      if (!parsed.success) return again(fieldErrors(parsed.error.issues));
      try {
        await updateApp(deps, name, { autoscale: parsed.data }, { by: "dashboard", log: request.log });
      } catch (error) {
        // Over the operator's maximum: the service names the field ("autoscale.max"); show it next to that input.
        if (error instanceof AppError && error.field?.startsWith("autoscale."))
          return again({ [error.field.slice("autoscale.".length)]: withoutField(error.message, error.field) });
        throw error;
      }
      const text =
        `Autoscale on for ${name}: ${describePolicy(parsed.data)}. ` +
        "The autoscaler applies it within seconds; no deploy needed.";
      return kit.flashAndGo(request, reply, { kind: "ok", text }, `/apps/${name}#autoscale`);
    },
  );

  app.post(
    "/apps/:name/autoscale/off",
    { schema: { hide: true, params: appParams, body: csrfBody } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: `Turn autoscaling off for ${request.params.name}?`,
        text: "Replicas stay where they are; from then on only you change their number.",
        button: "Turn autoscale off",
        back: `/apps/${request.params.name}#production`,
      }) ??
      kit.action(request, reply, `/apps/${request.params.name}#production`, async () => {
        const updated = await updateApp(
          deps,
          request.params.name,
          { autoscale: null },
          { by: "dashboard", log: request.log },
        );
        const count = `${updated.replicas} ${updated.replicas === 1 ? "replica" : "replicas"}`;
        return {
          flash: {
            kind: "ok",
            text: `Autoscale off for ${updated.name}: it keeps ${count}; scale it by hand from now on.`,
          },
        };
      }),
  );
};

export default autoscaleRoutes;
