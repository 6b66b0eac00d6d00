import { z } from "zod";
import { appName } from "./app.ts";

export const auditQuery = z
  .object({
    app: appName.optional().describe("Only changes to this app"),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const auditEventDto = z.object({
  id: z.string(),
  at: z.string(),
  /** The token's name, "admin token" or "dashboard session". */
  actor: z.string(),
  actorKind: z.enum(["admin", "token", "session"]),
  tokenId: z.string().nullable(),
  method: z.string(),
  /** The route's pattern (/api/apps/:name/env) and the path asked for (no query string). */
  route: z.string(),
  path: z.string(),
  /** The app's name, when the route has :name. */
  target: z.string().nullable(),
  status: z.number(),
  ip: z.string().nullable(),
});
