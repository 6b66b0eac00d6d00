import type { PrismaClient } from "@pier/db";
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";
import { checkScope, type Principal } from "./scopes.ts";

export type { Principal } from "./scopes.ts";

export const API_TOKEN_PREFIX = "pier_";
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
const digest = (value: string) => createHash("sha256").update(value).digest();

declare module "fastify" {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** Don't write lastUsedAt on every request: once a minute is plenty to tell a used token from a dead one. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Bearer-token check for the API: the admin token (compared as digests, in constant time) or an
 * API token (looked up by its SHA-256; revoked and expired tokens are refused). Then the route's
 * scope (scopes.ts): a token without it gets a 403.
 */
export function authenticate(adminToken: string, prisma: PrismaClient) {
  const admin = digest(adminToken);
  return async (request: FastifyRequest) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? "");
    if (!match?.[1]) throw new AppError("unauthorized", "missing bearer token: send Authorization: Bearer <token>");
    const token = match[1];
    if (timingSafeEqual(digest(token), admin)) {
      request.principal = { kind: "admin" };
      return;
    }
    if (token.startsWith(API_TOKEN_PREFIX)) {
      const record = await prisma.apiToken.findUnique({ where: { tokenHash: hashToken(token) } });
      if (record && !record.revokedAt) {
        if (record.expiresAt && record.expiresAt.getTime() <= Date.now()) {
          throw new AppError(
            "unauthorized",
            `token "${record.name}" expired at ${record.expiresAt.toISOString()}: ask the admin for a new one`,
          );
        }
        request.principal = { kind: "token", tokenId: record.id, name: record.name, scopes: record.scopes };
        if (!record.lastUsedAt || Date.now() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
          await prisma.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: new Date() } });
        }
        checkScope(request, request.principal);
        return;
      }
    }
    throw new AppError("unauthorized", "invalid or revoked token");
  };
}
