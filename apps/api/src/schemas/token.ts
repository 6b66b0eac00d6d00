import { z } from "zod";

export const createTokenBody = z.object({ name: z.string().trim().min(1, "must not be empty").max(100) }).strict();
export const tokenParams = z.object({ id: z.string().regex(/^[a-z0-9]{1,64}$/, "must be a token id") });
export const tokenDto = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createdTokenDto = tokenDto.extend({ token: z.string().describe("Shown once; store it now") });
