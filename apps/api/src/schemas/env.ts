import { ENV_TARGETS, envKeySchema, refuseReservedEnvKeys } from "@pier/shared";
import { z } from "zod";
import { examples } from "./common.ts";

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
  .superRefine((body, ctx) => refuseReservedEnvKeys(body.vars, ctx, ["vars"]))
  .meta(examples({ vars: { DATABASE_URL: "postgres://db:5432/app", LOG_LEVEL: "info" }, targets: ["production"] }));
export const unsetEnvQuery = z
  .object({ target: envTarget.optional().describe("Remove it from this target only (default: both)") })
  .strict();
export const envDto = z
  .object({
    vars: z.array(z.object({ key: z.string(), value: z.string(), targets: z.array(envTarget), updatedAt: z.string() })),
    note: z.string(),
  })
  .meta({
    examples: [
      {
        vars: [{ key: "LOG_LEVEL", value: "••••••••", targets: ["production"], updatedAt: "2026-01-05T09:30:00.000Z" }],
        note: "Changes apply to the next deploy.",
      },
    ],
  });
