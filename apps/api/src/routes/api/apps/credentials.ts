import type { AppCredential } from "@pier/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { appParams } from "../../../schemas/app.ts";
import { APP_NOT_FOUND, apiErrors, withExample } from "../../../schemas/common.ts";
import { credentialExample } from "../../../schemas/examples.ts";
import { credentialDto, setCredentialBody } from "../../../schemas/credential.ts";
import { findAppByName } from "../../../services/apps.ts";
import { getAppCredential, removeAppCredential, setAppCredential } from "../../../services/credentials.ts";

const toDto = (c: AppCredential): z.infer<typeof credentialDto> => ({
  kind: c.kind,
  hint: c.hint,
  updatedAt: c.updatedAt.toISOString(),
});
const credentialAnswer = z.object({ credential: credentialDto.nullable() });
const withCredential = (schema: typeof credentialAnswer) => withExample(schema, { credential: credentialExample });

/**
 * An app's repository credential for private repositories: a token (HTTPS) or an SSH deploy key. Admin scope; the
 * secret is never answered, only its kind and a hint.
 */
const credentialsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.pier;

  app.get(
    "/api/apps/:name/credentials",
    {
      schema: {
        summary: "The app's repository credential: its kind and hint, never the secret (null: none)",
        description: "Admin scope.",
        operationId: "getRepoCredential",
        tags: ["credentials"],
        params: appParams,
        response: {
          200: withCredential(credentialAnswer.describe("The credential, or null")),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      const credential = await getAppCredential(app.pier, target.id);
      return { credential: credential ? toDto(credential) : null };
    },
  );

  app.put(
    "/api/apps/:name/credentials",
    {
      schema: {
        summary: 'Set the repository credential: {"token"} or {"deployKey"} (replaces the one set before)',
        description:
          "A token is sent as the basic-auth password of HTTPS clones; a deploy key is used for ssh:// and " +
          "git@host:path URLs. Sealed at rest, never answered. Admin scope.",
        operationId: "setRepoCredential",
        tags: ["credentials"],
        params: appParams,
        body: setCredentialBody,
        response: {
          200: withCredential(credentialAnswer.describe("The credential set")),
          ...apiErrors({ 404: APP_NOT_FOUND }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      return { credential: toDto(await setAppCredential(app.pier, target.id, request.body)) };
    },
  );

  app.delete(
    "/api/apps/:name/credentials",
    {
      schema: {
        summary: "Remove the repository credential (clones are then anonymous)",
        description: "Admin scope.",
        operationId: "removeRepoCredential",
        tags: ["credentials"],
        params: appParams,
        response: {
          200: withExample(credentialAnswer.describe("null: no credential now"), { credential: null }),
          ...apiErrors({ 404: "No app has this name, or it has no credential" }),
        },
      },
    },
    async (request) => {
      const target = await findAppByName(prisma, request.params.name);
      if (!(await removeAppCredential(app.pier, target.id)))
        throw new AppError("not_found", `app ${target.name} has no repository credential`, "name");
      return { credential: null };
    },
  );
};

export default credentialsRoutes;
