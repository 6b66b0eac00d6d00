import type { ApiToken } from "@pier/db";
import { randomId } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { API_TOKEN_PREFIX, hashToken } from "../../plugins/app/auth.ts";
import { apiErrors, withExample } from "../../schemas/common.ts";
import { tokenExample } from "../../schemas/examples.ts";
import { createdTokenDto, createTokenBody, tokenDto, tokenParams } from "../../schemas/token.ts";
import { newId } from "../../services/apps.ts";

const toDto = (t: ApiToken): z.infer<typeof tokenDto> => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** A name the audit log shows must mean one token: revoked ones keep theirs. */
const tokenNameTaken = (name: string) =>
  new AppError(
    "conflict",
    `name: a token named ${name} already exists (revoked tokens keep their names); pick another name`,
    "name",
  );

/**
 * Named API tokens: created by the admin token only (scopes.ts), with scopes and an expiry; stored hashed, shown once,
 * revocable.
 */
const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  const { prisma } = app.pier;

  app.post(
    "/api/tokens",
    {
      schema: {
        summary: "Create a named API token (shown once)",
        description:
          "Admin token only. Scopes: read (GETs), deploy (also deploy, rollback, promote, scale), admin (all but " +
          "tokens). Stored hashed: the value is in this answer only.",
        operationId: "createToken",
        tags: ["tokens"],
        body: createTokenBody,
        response: {
          201: createdTokenDto.describe("The token, with its value (shown once)"),
          ...apiErrors({ 409: "A token (revoked ones too) already has this name" }),
        },
      },
    },
    async (request, reply) => {
      const { name, scopes, expiresInDays } = request.body;
      const token = `${API_TOKEN_PREFIX}${randomId(40, randomBytes)}`;
      const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * 86_400_000);
      const data = {
        id: newId(),
        name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        scopes: [...new Set(scopes)],
        expiresAt,
      };
      // The unique index decides, so two creates racing for one name can't both win.
      const record = await prisma.apiToken.create({ data }).catch((error: unknown) => {
        if ((error as { code?: string }).code === "P2002") throw tokenNameTaken(name);
        throw error;
      });
      return reply.status(201).send({ ...toDto(record), token });
    },
  );

  app.get(
    "/api/tokens",
    {
      schema: {
        summary: "List API tokens (never their values)",
        description: "Admin token only. Revoked and expired tokens too, newest first.",
        operationId: "listTokens",
        tags: ["tokens"],
        response: {
          200: withExample(z.object({ tokens: z.array(tokenDto) }).describe("The tokens, newest first"), {
            tokens: [tokenExample],
          }),
          ...apiErrors(),
        },
      },
    },
    async () => {
      const tokens = await prisma.apiToken.findMany({ orderBy: { createdAt: "desc" } });
      return { tokens: tokens.map(toDto) };
    },
  );

  app.delete(
    "/api/tokens/:id",
    {
      schema: {
        summary: "Revoke an API token",
        description: "Admin token only. It is refused from then on; revoking it again changes nothing.",
        operationId: "revokeToken",
        tags: ["tokens"],
        params: tokenParams,
        response: {
          200: withExample(tokenDto.describe("The token, revoked"), {
            ...tokenExample,
            revokedAt: "2026-01-06T08:00:00.000Z",
          }),
          ...apiErrors({ 404: "No token has this id" }),
        },
      },
    },
    async (request) => {
      const existing = await prisma.apiToken.findUnique({ where: { id: request.params.id } });
      if (!existing) throw new AppError("token_not_found", `token ${request.params.id} does not exist`, "id");
      const revoked = existing.revokedAt
        ? existing
        : await prisma.apiToken.update({ where: { id: existing.id }, data: { revokedAt: new Date() } });
      return toDto(revoked);
    },
  );
};

export default tokensRoutes;
