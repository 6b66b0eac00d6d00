import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors } from "../../../schemas/common.ts";
import { envDto, envKey, setEnvBody, unsetEnvQuery } from "../../../schemas/env.ts";
import { findAppByName } from "../../../services/apps.ts";
import { listEnv, setEnv, unsetEnv } from "../../../services/env.ts";
import { AppError } from "../../../errors.ts";

const NOTE =
  "Changes apply to the next deploy. " +
  "Production deployments get the vars that target production, previews those that target preview.";
// Nothing of a value shows unless revealed (an admin's ?reveal=true): not even its first characters.
const MASKED = "••••••••";

/** An app's environment variables, per target (production, preview). Values are masked unless `reveal=true`. */
const envRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.pier;
  const list = async (appId: string, reveal: boolean) => ({
    vars: (await listEnv(app.pier, appId)).map((v) => ({
      key: v.key,
      value: reveal ? v.value : MASKED,
      targets: v.targets,
      updatedAt: v.updatedAt.toISOString(),
    })),
    note: NOTE,
  });

  app.get(
    "/api/apps/:name/env",
    {
      schema: {
        summary: "List env vars",
        description: "Each var with its targets; values are masked unless reveal=true (admin scope).",
        operationId: "listEnv",
        tags: ["env"],
        params: appParams,
        querystring: z.object({
          reveal: z.enum(["true", "false"]).default("false").describe("Show the values (admin scope)"),
        }),
        response: { 200: envDto.describe("The app's env vars"), ...apiErrors({ 404: APP_NOT_FOUND }) },
      },
    },
    async (request) => list((await findAppByName(prisma, request.params.name)).id, request.query.reveal === "true"),
  );

  app.put(
    "/api/apps/:name/env",
    {
      schema: {
        summary: "Set env vars for production, preview or both (default both); merged with existing ones",
        description:
          "Sets the vars given for the targets given; other vars stay. Keys are letters, digits and _, not starting " +
          "with a digit; PORT and PIER_* are Pier's own. Applies to the next deploy.",
        operationId: "setEnv",
        tags: ["env"],
        params: appParams,
        body: setEnvBody,
        response: { 200: envDto.describe("The app's env vars, masked"), ...apiErrors({ 404: APP_NOT_FOUND }) },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      await setEnv(app.pier, target.id, request.body.vars, request.body.targets);
      return list(target.id, false);
    },
  );

  app.delete(
    "/api/apps/:name/env/:key",
    {
      schema: {
        summary: "Remove an env var (from one target with ?target=)",
        description: "Applies to the next deploy.",
        operationId: "unsetEnv",
        tags: ["env"],
        params: appParams.extend({ key: envKey }),
        querystring: unsetEnvQuery,
        response: {
          200: envDto.describe("The app's env vars left, masked"),
          ...apiErrors({ 404: "No app has this name, or the var is not set (for that target)" }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      const removed = await unsetEnv(
        app.pier,
        target.id,
        request.params.key,
        request.query.target ? [request.query.target] : undefined,
      );
      if (removed === 0)
        throw new AppError(
          "not_found",
          `env var ${request.params.key} is not set${request.query.target ? ` for ${request.query.target}` : ""}`,
          "key",
        );
      return list(target.id, false);
    },
  );
};

export default envRoutes;
