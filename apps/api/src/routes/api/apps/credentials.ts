import type { AppCredential } from "@pier/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../../errors.ts";
import { appParams } from "../../../schemas/app.ts";
import { errorResponses } from "../../../schemas/common.ts";
import { credentialDto, setCredentialBody } from "../../../schemas/credential.ts";
import { findAppByName } from "../../../services/apps.ts";
import { getAppCredential, removeAppCredential, setAppCredential } from "../../../services/credentials.ts";

const toDto = (c: AppCredential): z.infer<typeof credentialDto> => ({
  kind: c.kind,
  hint: c.hint,
  updatedAt: c.updatedAt.toISOString(),
});
const credentialAnswer = z.object({ credential: credentialDto.nullable() });

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
        params: appParams,
        response: { 200: credentialAnswer, ...errorResponses },
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
        params: appParams,
        body: setCredentialBody,
        response: { 200: credentialAnswer, ...errorResponses },
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
        params: appParams,
        response: { 200: credentialAnswer, ...errorResponses },
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
