import type { PierConfig } from "@pier/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { AppError } from "../../errors.ts";
import { TOKEN_SCOPES } from "../../plugins/app/scopes.ts";
import { apiErrors, withExample } from "../../schemas/common.ts";
import { meExample } from "../../schemas/examples.ts";
import { meDto } from "../../schemas/me.ts";

/** Where the API says it can be reached from elsewhere, the way an operator configured it. */
function publicApiUrl(config: PierConfig): string {
  if (config.PIER_PUBLIC_URL) return config.PIER_PUBLIC_URL.replace(/\/+$/, "");
  if (config.PIER_API_DOMAIN) return `https://${config.PIER_API_DOMAIN}`;
  return `http://${config.PIER_API_HOST}:${config.PIER_API_PORT}`;
}

/** The credential a request came with, for `pier whoami`: any valid token may ask (read scope). */
const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/me",
    {
      schema: {
        summary: "Who this token is: its name, scopes and expiry, and the API's public URL",
        description: "What `pier whoami` shows. Any valid token may ask.",
        operationId: "getCurrentToken",
        tags: ["platform"],
        response: { 200: withExample(meDto.describe("The token this request came with"), meExample), ...apiErrors() },
      },
    },
    async (request): Promise<z.infer<typeof meDto>> => {
      const { principal } = request;
      // authenticate() runs before every /api route; a request without a principal never gets here.
      if (!principal) throw new AppError("unauthorized", "missing bearer token: send Authorization: Bearer <token>");
      const apiUrl = publicApiUrl(app.pier.config);
      if (principal.kind !== "token") {
        const name = principal.kind === "admin" ? "admin token" : "dashboard session";
        const all = [...TOKEN_SCOPES];
        return { kind: principal.kind, name, tokenId: null, scopes: all, manageTokens: true, expiresAt: null, apiUrl };
      }
      const token = await app.pier.prisma.apiToken.findUnique({ where: { id: principal.tokenId } });
      if (!token) throw new AppError("unauthorized", `token "${principal.name}" no longer exists`);
      return {
        kind: "token",
        name: token.name,
        tokenId: token.id,
        scopes: token.scopes,
        manageTokens: false,
        expiresAt: token.expiresAt?.toISOString() ?? null,
        apiUrl,
      };
    },
  );
};

export default meRoutes;
