import { z } from "zod";
import { AUDIT_ACTOR_KINDS } from "../services/audit.ts";
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
  /** The token's name, "admin token", "dashboard session", "GitHub webhook" or "sign-in with a wrong token". */
  actor: z.string(),
  actorKind: z.enum(AUDIT_ACTOR_KINDS),
  tokenId: z.string().nullable(),
  method: z.string(),
  /** The route's pattern (/api/apps/:name/env) and the path asked for (no query string). */
  route: z.string(),
  path: z.string(),
  /** The app's name, when the route has :name or the change names one (creating an app). */
  target: z.string().nullable(),
  status: z.number(),
  ip: z.string().nullable(),
});
