import { FLAG_KEY, FLAG_KEY_MESSAGE, flagKeySchema, flagValueSchema, MAX_FLAGS } from "@pier/shared";
import { z } from "zod";
import { examples } from "./common.ts";

export const flagKey = flagKeySchema;
const flagValue = z.union([z.boolean(), z.string(), z.number()]);

// Keys checked one by one, so a bad key is named as flags.<key>, like a bad value.
export const setFlagsBody = z
  .object({
    flags: z
      .record(z.string(), flagValueSchema)
      .superRefine((flags, ctx) => {
        for (const key of Object.keys(flags))
          if (!FLAG_KEY.test(key)) ctx.addIssue({ code: "custom", path: [key], message: `key ${FLAG_KEY_MESSAGE}` });
        if (Object.keys(flags).length === 0)
          ctx.addIssue({ code: "custom", message: 'must set at least one flag: {"NEW_CHECKOUT": true}' });
        if (Object.keys(flags).length > MAX_FLAGS)
          ctx.addIssue({ code: "custom", message: `must set at most ${MAX_FLAGS} flags` });
      })
      .describe("Flags to set: true/false, a number or a string; flags not listed keep their values"),
  })
  .strict()
  .meta(examples({ flags: { NEW_CHECKOUT: true, BANNER: "spring", MAX_ITEMS: 20 } }));

export const flagsDto = z
  .object({ flags: z.record(z.string(), flagValue).describe("Every flag of the app, by key") })
  .meta({ examples: [{ flags: { BANNER: "spring", NEW_CHECKOUT: true } }] });
