import { z } from "zod";
import { examples, OPTIONAL_BODY } from "./common.ts";
import { deploymentDto } from "./deployment.ts";

const deploymentRef = z.object({ id: z.string(), shortId: z.string() });
/** A flag's value before or after a change; null: not set before, or removed. */
const flagChangeValue = z.union([z.boolean(), z.string(), z.number(), z.null()]);

export const releaseDto = z.object({
  version: z.number(),
  /** v1, v2, … as people say it. */
  name: z.string(),
  kind: z
    .enum(["DEPLOY", "ROLLBACK", "PROMOTE", "REDEPLOY", "FLAGS", "ROLLOUT"])
    .describe("What went live: a build, a rollback, a promotion, a redeploy, a flags change or a finished rollout"),
  cause: z
    .enum(["PUSH", "API", "DASHBOARD", "AUTO", "SCHEDULE"])
    .describe("Who asked: a push, the API, the dashboard, a schedule, or Pier itself (AUTO, with a reason)"),
  /** Why Pier made it, for a release nobody asked for (AUTO); null otherwise. */
  reason: z.string().nullable(),
  changes: z
    .array(z.object({ key: z.string(), from: flagChangeValue, to: flagChangeValue }))
    .nullable()
    .describe("What a FLAGS release changed (null: not set before, or removed); null for other kinds"),
  from: deploymentRef.nullable(),
  to: deploymentRef,
  isCurrent: z.boolean(),
  createdAt: z.string(),
});

export const deploymentIdField = z.string().regex(/^[a-z0-9]{1,64}$/, "must be a deployment id");
// A rollback may be sent with no body at all (Fastify hands that over as null).
export const rollbackBody = z
  .preprocess(
    (body) => body ?? {},
    z
      .object({
        deploymentId: deploymentIdField.optional().describe("The deployment to put back (default: the previous one)"),
      })
      .strict()
      .meta(examples({ deploymentId: "k3v9x2m1q8" })),
  )
  .meta({ [OPTIONAL_BODY]: true });
export const promoteBody = z
  .object({ deploymentId: deploymentIdField })
  .strict()
  .meta(examples({ deploymentId: "k3v9x2m1q8" }));

export const releaseResultDto = z.object({
  release: releaseDto,
  deployment: deploymentDto,
  /** The target's container was started from its image (it wasn't kept warm). */
  started: z.boolean(),
  /** The router confirmed it serves the new production. */
  routed: z.boolean(),
});
