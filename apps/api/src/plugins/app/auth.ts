import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { AppError } from "../../errors.ts";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Bearer-token check for the admin API; compares digests in constant time. */
export function requireAdmin(adminToken: string) {
  const expected = digest(adminToken);
  return async (request: FastifyRequest) => {
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthorized", "missing bearer token: send Authorization: Bearer <PIER_ADMIN_TOKEN>");
    if (!timingSafeEqual(digest(match[1].trim()), expected)) throw new AppError("unauthorized", "invalid token");
  };
}
