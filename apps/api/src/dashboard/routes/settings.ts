import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { appParams, updateAppBody } from "../../schemas/app.ts";
import { envKey } from "../../schemas/env.ts";
import { listEnv, setEnv, unsetEnv } from "../../services/env.ts";
import { ENV_TARGETS, reservedEnvKey } from "@pier/shared";
import { deleteApp, findAppByName, updateApp } from "../../services/apps.ts";
import { toAppDto } from "../../services/views.ts";
import { getAppCredential, removeAppCredential, setAppCredential } from "../../services/credentials.ts";
import {
  csrfBody,
  fieldErrors,
  formText,
  formValues,
  html200,
  withoutField,
  type FieldErrors,
  type FormValues,
} from "../forms.ts";
import type { DashboardRoutesOptions } from "../kit.ts";
import { settingsPage } from "../pages/settings.ts";

/**
 * The Settings tab: build and run settings, HTTPS, environment variables, the repository credential, the webhook,
 * deleting the app.
 */
const settingsRoutes: FastifyPluginAsyncZod<DashboardRoutesOptions> = async (app, { kit }) => {
  const { deps } = kit;
  const { config, prisma } = deps;

  async function renderSettings(
    request: FastifyRequest,
    reply: FastifyReply,
    name: string,
    values: FormValues = {},
    errors: FieldErrors = {},
    status = 200,
  ) {
    const target = await findAppByName(prisma, name);
    const [vars, deploymentCount, credential] = await Promise.all([
      listEnv(deps, target.id),
      prisma.deployment.count({ where: { appId: target.id } }),
      getAppCredential(deps, target.id),
    ]);
    const env = vars.map((v) => ({ key: v.key, masked: "••••••••", targets: v.targets, updatedAt: v.updatedAt }));
    // A production var changed since production was made: the env card offers a redeploy (no build).
    const live = target.productionDeploymentId
      ? await prisma.deployment.findUnique({ where: { id: target.productionDeploymentId } })
      : null;
    const envPending =
      live !== null && vars.some((v) => v.targets.includes("production") && v.updatedAt > live.createdAt);
    return kit.page(
      reply,
      settingsPage(
        kit.context(request, reply),
        toAppDto(config, target, undefined, { secrets: true }),
        target.productionDeploymentId !== null,
        deploymentCount > 0,
        env,
        credential,
        values,
        errors,
        envPending,
      ),
      status,
    );
  }

  app.get(
    "/apps/:name/settings",
    { schema: { hide: true, params: appParams, response: html200 } },
    async (request, reply) => renderSettings(request, reply, request.params.name),
  );

  const settingsForm = csrfBody.extend({
    repoUrl: formText,
    branch: formText,
    rootDir: formText,
    port: formText,
    healthCheckPath: formText,
    previews: z.literal("on").optional(),
  });
  app.post(
    "/apps/:name/settings",
    { schema: { hide: true, params: appParams, body: settingsForm, response: { 400: z.string() } } },
    async (request, reply) => {
      const values = formValues(request.body);
      const errors: FieldErrors = {};
      if (values.port && !/^\d{1,5}$/.test(values.port)) errors.port = "must be a whole number between 1 and 65535";
      const parsed = updateAppBody.safeParse({
        repoUrl: values.repoUrl,
        branch: values.branch,
        rootDir: values.rootDir,
        port: values.port && !errors.port ? Number(values.port) : null,
        healthCheckPath: values.healthCheckPath || "/",
        previews: values.previews === "on",
      });
      if (!parsed.success)
        for (const [k, message] of Object.entries(fieldErrors(parsed.error.issues))) errors[k] ??= message;
      if (Object.keys(errors).length > 0 || !parsed.success)
        return renderSettings(request, reply, request.params.name, values, errors, 400);
      try {
        await updateApp(deps, request.params.name, parsed.data, { by: "dashboard", log: request.log });
      } catch (error) {
        if (error instanceof AppError && error.field === "repoUrl") {
          return renderSettings(
            request,
            reply,
            request.params.name,
            values,
            { repoUrl: withoutField(error.message, "repoUrl") },
            400,
          );
        }
        throw error;
      }
      return kit.flashAndGo(
        request,
        reply,
        { kind: "ok", text: "Settings saved. They apply to the next deploy." },
        `/apps/${request.params.name}/settings`,
      );
    },
  );

  // Unchecked boxes send nothing: both are set from what the form sends.
  const httpsForm = csrfBody.extend({ httpsRedirect: z.literal("on").optional(), hsts: z.literal("on").optional() });
  app.post(
    "/apps/:name/https",
    { schema: { hide: true, params: appParams, body: httpsForm } },
    async (request, reply) =>
      kit.action(request, reply, `/apps/${request.params.name}/settings#https`, async () => {
        const settings = { httpsRedirect: request.body.httpsRedirect === "on", hsts: request.body.hsts === "on" };
        await updateApp(deps, request.params.name, settings, { by: "dashboard", log: request.log });
        const words = `HTTPS redirect ${settings.httpsRedirect ? "on" : "off"}, HSTS ${settings.hsts ? "on" : "off"}`;
        return { flash: { kind: "ok", text: `Saved: ${words}. It takes effect at once.` } };
      }),
  );

  const envForm = csrfBody.extend({
    key: formText,
    value: z.string().max(40_000).optional().default(""),
    target: z.enum(["both", ...ENV_TARGETS]).default("both"),
  });
  app.post(
    "/apps/:name/env",
    { schema: { hide: true, params: appParams, body: envForm, response: { 400: z.string() } } },
    async (request, reply) => {
      const key = request.body.key.trim();
      const { value } = request.body;
      const checked = envKey.safeParse(key);
      const errors: FieldErrors = {};
      if (!key) errors.key = "Enter a key.";
      else if (!checked.success) errors.key = checked.error.issues[0]?.message ?? "is not a valid key";
      else if (reservedEnvKey(key)) errors.key = reservedEnvKey(key)!;
      if (value.length > 32_768) errors.value = "must be at most 32 768 characters";
      if (Object.keys(errors).length > 0)
        return renderSettings(request, reply, request.params.name, { key, value }, errors, 400);
      const target = await findAppByName(prisma, request.params.name);
      const targets = request.body.target === "both" ? ENV_TARGETS : [request.body.target];
      await setEnv(deps, target.id, { [key]: value }, targets);
      return kit.flashAndGo(
        request,
        reply,
        { kind: "ok", text: `Set ${key} for ${targets.join(" and ")}. Env changes apply on the next deploy.` },
        `/apps/${target.name}/settings#env`,
      );
    },
  );

  app.post(
    "/apps/:name/env/unset",
    { schema: { hide: true, params: appParams, body: csrfBody.extend({ key: envKey }) } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: `Remove ${request.body.key}?`,
        text: `The next deploy of ${request.params.name} runs without ${request.body.key}.`,
        button: "Remove variable",
        back: `/apps/${request.params.name}/settings#env`,
      }) ??
      kit.action(request, reply, `/apps/${request.params.name}/settings#env`, async () => {
        const target = await findAppByName(prisma, request.params.name);
        if ((await unsetEnv(deps, target.id, request.body.key)) === 0)
          throw new AppError("not_found", `${request.body.key} is not set`);
        return { flash: { kind: "ok", text: `Removed ${request.body.key}. Changes apply to the next deploy.` } };
      }),
  );

  // A token or a deploy key (whichever the form filled in), sealed like env values; never shown again.
  const credentialForm = csrfBody.extend({
    token: z.string().max(4_096).optional().default(""),
    deployKey: z.string().max(16_384).optional().default(""),
  });
  app.post(
    "/apps/:name/credential",
    { schema: { hide: true, params: appParams, body: credentialForm, response: { 400: z.string() } } },
    async (request, reply) => {
      const { name } = request.params;
      const token = request.body.token.trim();
      const deployKey = request.body.deployKey.trim();
      if (Boolean(token) === Boolean(deployKey)) {
        const text = "Fill in a token or a deploy key (one of them).";
        return renderSettings(request, reply, name, {}, token ? { deployKey: text } : { token: text }, 400);
      }
      const target = await findAppByName(prisma, name);
      try {
        await setAppCredential(deps, target.id, token ? { token } : { deployKey });
      } catch (error) {
        if (error instanceof AppError && error.field === "deployKey")
          return renderSettings(request, reply, name, {}, { deployKey: withoutField(error.message, "deployKey") }, 400);
        throw error;
      }
      const what = token ? "token" : "deploy key";
      return kit.flashAndGo(
        request,
        reply,
        { kind: "ok", text: `Saved ${name}'s ${what}. The next deploy clones with it.` },
        `/apps/${name}/settings#credential`,
      );
    },
  );

  app.post(
    "/apps/:name/credential/remove",
    { schema: { hide: true, params: appParams, body: csrfBody } },
    async (request, reply) =>
      kit.confirmFirst(request, reply, {
        title: `Remove ${request.params.name}'s repository credential?`,
        text: "Deploys of a private repository fail until a new token or deploy key is saved.",
        button: "Remove credential",
        back: `/apps/${request.params.name}/settings#credential`,
      }) ??
      kit.action(request, reply, `/apps/${request.params.name}/settings#credential`, async () => {
        const target = await findAppByName(prisma, request.params.name);
        if (!(await removeAppCredential(deps, target.id)))
          throw new AppError("not_found", `${target.name} has no repository credential`);
        return { flash: { kind: "ok", text: `Removed ${target.name}'s repository credential.` } };
      }),
  );

  app.post(
    "/apps/:name/delete",
    {
      schema: {
        hide: true,
        params: appParams,
        body: csrfBody.extend({ confirm: formText }),
        response: { 400: z.string() },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      if (request.body.confirm.trim() !== name) {
        return renderSettings(
          request,
          reply,
          name,
          { confirm: request.body.confirm },
          { confirm: `Type ${name} exactly to confirm.` },
          400,
        );
      }
      return kit.action(request, reply, `/apps/${name}/settings`, async () => {
        const { removedContainers, removedImages, leftImages, keptVolumes } = await deleteApp(deps, name);
        const removed = [
          ...(removedContainers ? [`stopped ${removedContainers} container(s)`] : []),
          ...(removedImages.length ? ["removed its images"] : []),
        ];
        const kept = keptVolumes.length
          ? ` Its ${keptVolumes.length} volume(s) are kept: ${keptVolumes.join(", ")}.`
          : "";
        const left = leftImages.map((l) => `${l.image.slice(7, 19)} (${l.reason})`).join("; ");
        if (left) request.log.error({ app: name, left: leftImages }, "a deleted app's images were left");
        const stuck = left ? ` Docker refused to remove ${leftImages.length} image(s): ${left}.` : "";
        return {
          to: "/",
          flash: {
            kind: left ? "error" : "ok",
            text: `Deleted ${name}${removed.length ? ` and ${removed.join(", ")}` : ""}.${kept}${stuck}`,
          },
        };
      });
    },
  );
};

export default settingsRoutes;
