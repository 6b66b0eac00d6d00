import { z } from "zod";

/** How long one step may last (seconds): from 1 s (tests, demos) to a day. */
export const ROLLOUT_INTERVAL_MIN_SECONDS = 1;
export const ROLLOUT_INTERVAL_MAX_SECONDS = 86_400;
/** At most this many steps. */
export const ROLLOUT_MAX_STEPS = 20;
/**
 * The gate judges a step only on at least this many of the candidate's requests since the step started (unless the
 * gate sets its own `minRequests`): with fewer, a step neither passes nor fails, it waits for traffic.
 */
export const ROLLOUT_DEFAULT_MIN_REQUESTS = 20;

/** Percentages of new clients the candidate gets, one per step: whole numbers 1–100, ascending, the last 100. */
export const rolloutStepsSchema = z
  .array(z.number().int("must be whole percentages").min(1, "must be 1 to 100").max(100, "must be 1 to 100"))
  .min(1, "must list at least one step")
  .max(ROLLOUT_MAX_STEPS, `must list at most ${ROLLOUT_MAX_STEPS} steps`)
  .refine((steps) => steps.every((step, i) => i === 0 || step > steps[i - 1]!), "must be ascending")
  .refine((steps) => steps.at(-1) === 100, "must end at 100");

export const rolloutIntervalSchema = z
  .number()
  .int("must be a whole number of seconds")
  .min(ROLLOUT_INTERVAL_MIN_SECONDS, `must be at least ${ROLLOUT_INTERVAL_MIN_SECONDS}`)
  .max(ROLLOUT_INTERVAL_MAX_SECONDS, `must be at most ${ROLLOUT_INTERVAL_MAX_SECONDS} (a day)`);

/** What the candidate's own traffic must stay within during each step; any limit left out is not checked. */
export const rolloutGateSchema = z
  .object({
    maxErrorRate: z
      .number()
      .min(0, "must be 0 to 1")
      .max(1, "must be 0 to 1")
      .describe("Highest share of 5xx answers (0.01 = 1 %)")
      .optional(),
    maxP95Ms: z
      .number()
      .int("must be whole milliseconds")
      .min(1, "must be at least 1")
      .max(600_000, "must be at most 600000")
      .describe("Highest p95 latency in milliseconds")
      .optional(),
    minRequests: z
      .number()
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(1_000_000)
      .describe(`Requests needed before the gate judges a step (default ${ROLLOUT_DEFAULT_MIN_REQUESTS})`)
      .optional(),
  })
  .strict();
export type RolloutGate = z.infer<typeof rolloutGateSchema>;

/** pier.json's `rollout`: every push of the app goes live as a gradual rollout with these steps. */
export const rolloutPolicySchema = z
  .object({
    steps: rolloutStepsSchema.describe("The candidate's share per step, in %, ascending, ending at 100"),
    intervalSeconds: rolloutIntervalSchema.describe("How long each step lasts before the gate is checked"),
    gate: rolloutGateSchema.optional(),
  })
  .strict();
export type RolloutPolicy = z.infer<typeof rolloutPolicySchema>;

/** A stored policy (Deployment.rolloutPolicy JSON), or null when none is set or it no longer parses. */
export function storedRolloutPolicy(value: unknown): RolloutPolicy | null {
  if (value === null || value === undefined) return null;
  const parsed = rolloutPolicySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A stored gate (Rollout.gate JSON), or null when none is set or it no longer parses. */
export function storedRolloutGate(value: unknown): RolloutGate | null {
  if (value === null || value === undefined) return null;
  const parsed = rolloutGateSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
