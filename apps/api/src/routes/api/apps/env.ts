import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { appParams, envDto, envKey, setEnvBody } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { findAppByName } from "../../../services/apps.ts";
import { AppError } from "../../../errors.ts";

const NOTE = "Changes apply to the next deploy.";
const mask = (value: string) => (value.length <= 4 ? "••••" : `${value.slice(0, 2)}••••`);

/** An app's environment variables. Values are masked unless `reveal=true`. */
const envRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.pier;
  const list = async (appId: string, reveal: boolean) => {
    const vars = await prisma.envVar.findMany({ where: { appId }, orderBy: { key: "asc" } });
    return { vars: vars.map((v) => ({ key: v.key, value: reveal ? v.value : mask(v.value), updatedAt: v.updatedAt.toISOString() })), note: NOTE };
  };

  app.get(
    "/api/apps/:name/env",
    { schema: { summary: "List env vars", params: appParams, querystring: z.object({ reveal: z.enum(["true", "false"]).default("false") }), response: { 200: envDto, ...errorResponses } } },
    async (request) => list((await findAppByName(prisma, request.params.name)).id, request.query.reveal === "true"),
  );

  app.put(
    "/api/apps/:name/env",
    { schema: { summary: "Set env vars (merged with existing ones)", params: appParams, body: setEnvBody, response: { 200: envDto, ...errorResponses } } },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      await prisma.$transaction(
        Object.entries(request.body.vars).map(([key, value]) =>
          prisma.envVar.upsert({ where: { appId_key: { appId: target.id, key } }, create: { appId: target.id, key, value }, update: { value } }),
        ),
      );
      return list(target.id, false);
    },
  );

  app.delete(
    "/api/apps/:name/env/:key",
    { schema: { summary: "Remove an env var", params: appParams.extend({ key: envKey }), response: { 200: envDto, ...errorResponses } } },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      const { count } = await prisma.envVar.deleteMany({ where: { appId: target.id, key: request.params.key } });
      if (count === 0) throw new AppError("not_found", `env var ${request.params.key} is not set`, "key");
      return list(target.id, false);
    },
  );
};

export default envRoutes;
