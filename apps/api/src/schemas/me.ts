import { z } from "zod";
import { tokenScope } from "./token.ts";

/** GET /api/me: who the request's credential is, what it may do, and where the API says it lives. */
export const meDto = z.object({
  kind: z
    .enum(["admin", "token", "session"])
    .describe("admin: PIER_ADMIN_TOKEN; token: a named API token; session: the dashboard, signed in"),
  name: z.string().describe('The token\'s name, or "admin token" / "dashboard session"'),
  tokenId: z.string().nullable().describe("The API token's id (pier tokens list); null for the admin token"),
  scopes: z.array(tokenScope).describe("What it may do: read < deploy < admin (the admin token has all three)"),
  manageTokens: z.boolean().describe("Whether it may create and revoke tokens: the admin token only"),
  expiresAt: z.string().nullable().describe("When the API token stops working; null: never"),
  apiUrl: z.string().describe("The API's public URL (PIER_PUBLIC_URL, else https://PIER_API_DOMAIN, else host:port)"),
});
