import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors } from "../../../schemas/common.ts";
import { flagKey, flagsDto, setFlagsBody } from "../../../schemas/flags.ts";
import { findAppByName } from "../../../services/apps.ts";
import { changeFlags, listFlags } from "../../../services/flags.ts";

const SEEN =
  "Running containers see the change in /run/pier/flags.json within a second or two, without a restart; " +
  "PIER_FLAG_<KEY> env vars are those of the moment a container started.";

/** An app's feature flags: read by its running containers from a file, and as env vars at start (docs: flags.md). */
const flagsRoutes: FastifyPluginAsyncZod = async (app) => {
  const deps = app.pier;

  app.get(
    "/api/apps/:name/flags",
    {
      schema: {
        summary: "List feature flags",
        description: "Every flag of the app and its value (true/false, a number or a string).",
        operationId: "listFlags",
        tags: ["flags"],
        params: appParams,
        response: { 200: flagsDto.describe("The app's flags"), ...apiErrors({ 404: APP_NOT_FOUND }) },
      },
    },
    async (request) => ({
      flags: await listFlags(deps.prisma, (await findAppByName(deps.prisma, request.params.name)).id),
    }),
  );

  app.put(
    "/api/apps/:name/flags",
    {
      schema: {
        summary: "Set feature flags (merged: flags not listed keep their values)",
        description:
          "Sets the flags given; the others stay (remove one with DELETE). Keys are letters, digits and _, not " +
          "starting with a digit. Recorded in the audit log and, once the app has a production, as a FLAGS " +
          `release. ${SEEN}`,
        operationId: "setFlags",
        tags: ["flags"],
        params: appParams,
        body: setFlagsBody,
        response: {
          200: flagsDto.describe("Every flag of the app, after the change"),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(deps.prisma, request.params.name);
      const { flags } = await changeFlags(deps, target.id, { set: request.body.flags }, "API");
      return { flags };
    },
  );

  app.delete(
    "/api/apps/:name/flags/:key",
    {
      schema: {
        summary: "Remove a feature flag",
        description: `Recorded like a change (audit log, FLAGS release). ${SEEN}`,
        operationId: "removeFlag",
        tags: ["flags"],
        params: appParams.extend({ key: flagKey }),
        response: {
          200: flagsDto.describe("The app's flags left"),
          ...apiErrors({ 404: "No app has this name, or it has no flag with this key" }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(deps.prisma, request.params.name);
      const { flags } = await changeFlags(deps, target.id, { remove: request.params.key }, "API");
      return { flags };
    },
  );
};

export default flagsRoutes;
