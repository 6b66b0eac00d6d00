import { z } from "zod";
import { AUDIT_ACTOR_KINDS } from "../services/audit.ts";
import { appName } from "./app.ts";
import { wholeNumberQuery } from "./common.ts";

export const auditQuery = z
  .object({
    app: appName.optional().describe("Only changes to this app"),
    limit: wholeNumberQuery(1, 1000).default(100),
  })
  .strict();

const auditValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** One field a change changed; a secret (an env value, the webhook secret) shows only as "(hidden)". */
export const auditChangeDto = z.object({ field: z.string(), from: auditValue, to: auditValue });

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
  /** What the change changed of the app (settings, env keys, replicas, credential); [] when nothing it compares. */
  changes: z.array(auditChangeDto),
});
