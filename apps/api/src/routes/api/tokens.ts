import type { ApiToken } from "@pier/db";
import { randomId } from "@pier/shared";
import { randomBytes } from "node:crypto";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { API_TOKEN_PREFIX, hashToken } from "../../plugins/app/auth.ts";
import { errorResponses } from "../../schemas/common.ts";
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
        body: createTokenBody,
        response: { 201: createdTokenDto, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { name, scopes, expiresInDays } = request.body;
      const token = `${API_TOKEN_PREFIX}${randomId(40, randomBytes)}`;
      const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * 86_400_000);
      const record = await prisma.apiToken.create({
        data: {
          id: newId(),
          name,
          tokenHash: hashToken(token),
          prefix: token.slice(0, 12),
          scopes: [...new Set(scopes)],
          expiresAt,
        },
      });
      return reply.status(201).send({ ...toDto(record), token });
    },
  );

  app.get(
    "/api/tokens",
    {
      schema: {
        summary: "List API tokens (never their values)",
        response: { 200: z.object({ tokens: z.array(tokenDto) }), ...errorResponses },
      },
    },
    async () => {
      const tokens = await prisma.apiToken.findMany({ orderBy: { createdAt: "desc" } });
      return { tokens: tokens.map(toDto) };
    },
  );

  app.delete(
    "/api/tokens/:id",
    { schema: { summary: "Revoke an API token", params: tokenParams, response: { 200: tokenDto, ...errorResponses } } },
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
