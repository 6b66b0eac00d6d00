import { ENV_TARGETS, envKeySchema, refuseReservedEnvKeys } from "@pier/shared";
import { z } from "zod";

export const envKey = envKeySchema;
export const envTarget = z.enum(ENV_TARGETS);
/** Which deployments a var applies to: production, preview, or both (the default). */
export const envTargets = z.array(envTarget).min(1, "must name production, preview or both").max(2);

export const setEnvBody = z
  .object({
    vars: z.record(envKey, z.string().max(32_768)),
    targets: envTargets.default([...ENV_TARGETS]),
  })
  .strict()
  .superRefine((body, ctx) => refuseReservedEnvKeys(body.vars, ctx, ["vars"]));
export const unsetEnvQuery = z
  .object({ target: envTarget.optional().describe("Remove it from this target only (default: both)") })
  .strict();
export const envDto = z.object({
  vars: z.array(z.object({ key: z.string(), value: z.string(), targets: z.array(envTarget), updatedAt: z.string() })),
  note: z.string(),
});
