import { z } from "zod";
import { examples } from "./common.ts";
import { TOKEN_SCOPES } from "../plugins/app/scopes.ts";

export const tokenScope = z.enum(TOKEN_SCOPES);
export const createTokenBody = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100),
    /** read < deploy < admin (each allows what the ones before it do); the highest given counts. */
    scopes: z.array(tokenScope).min(1, "must name a scope: read, deploy or admin").max(TOKEN_SCOPES.length),
    /** Omitted: the token never expires. */
    expiresInDays: z
      .number()
      .int("must be a whole number of days")
      .min(1, "must be at least 1 day")
      .max(3650, "must be at most 3650 days (10 years)")
      .optional(),
  })
  .strict()
  .meta(examples({ name: "ci-deploy", scopes: ["deploy"], expiresInDays: 90 }));
export const tokenParams = z.object({ id: z.string().regex(/^[a-z0-9]{1,64}$/, "must be a token id") });
export const tokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(tokenScope),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
const tokenExample = {
  id: "c7k2m9x4p1",
  name: "ci-deploy",
  prefix: "pier_4f9a2c",
  scopes: ["deploy"],
  createdAt: "2026-01-05T09:30:00.000Z",
  expiresAt: "2026-04-05T09:30:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
};
export const createdTokenDto = tokenDto
  .extend({ token: z.string().describe("Shown once; store it now") })
  .meta({ examples: [{ ...tokenExample, token: "pier_4f9a2c0d1e8b7a6f5c4d3e2f1a0b9c8d7e6f5a4b" }] });
