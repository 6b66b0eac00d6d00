import { DEPLOYMENT_PHASES, DEPLOYMENT_STATUSES, isValidBranchName } from "@pier/shared";
import { z } from "zod";
import { examples, OPTIONAL_BODY, wholeNumberQuery } from "./common.ts";

export const deploymentDto = z.object({
  id: z.string(),
  shortId: z.string(),
  app: z.string(),
  status: z.enum(DEPLOYMENT_STATUSES),
  /** Why it FAILED or was CANCELLED. */
  reason: z.string().nullable(),
  trigger: z.string(),
  branch: z.string(),
  /** For preview deployments (non-production branches): the branch's preview URL. */
  previewUrl: z.string().nullable(),
  commitSha: z.string().nullable(),
  commitMessage: z.string().nullable(),
  commitAuthor: z.string().nullable(),
  /** The author's email and the commit's time as the commit says them (read from the checkout once it is cloned). */
  commitAuthorEmail: z.string().nullable(),
  committedAt: z.string().nullable(),
  imageTag: z.string().nullable(),
  isProduction: z.boolean(),
  /** This deployment's own URL while its container runs. */
  url: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  durationMs: z.number().nullable(),
  /** The port the app listens on inside its container (detected, configured, or adopted from the app). */
  port: z.number().nullable(),
  /** Milliseconds per phase, for the phases that ran: queued, clone, build, test, start, health, switch. */
  phases: z.partialRecord(z.enum(DEPLOYMENT_PHASES), z.number()).nullable(),
  /** false: staged (POST /deploy with promote false): it starts at its own URL and production stays as it is. */
  promote: z.boolean(),
  /** While a staged deployment runs, not production: what it is and what to do with it; otherwise null. */
  staged: z.string().nullable(),
});

/** POST /api/apps/:name/deploy: what to build (default: the head of the app's branch), and whether it goes live. */
export const deployBody = z
  .preprocess(
    (body) => body ?? {},
    z
      .object({
        commit: z
          .string()
          .regex(/^[0-9a-f]{40}$/, "must be a full commit sha (40 hex digits)")
          .describe("This commit instead of the branch head")
          .optional(),
        branch: z
          .string()
          .refine(isValidBranchName, { message: "must be a valid git branch name" })
          .describe("The head of this branch instead of the app's branch")
          .optional(),
        promote: z
          .boolean()
          .describe(
            "false: staged: built and started at its own URL but production stays as it is; promote it or roll it " +
              "out later (default true)",
          )
          .optional(),
      })
      .strict()
      .meta(examples({ promote: false }, { commit: "4f2a9c1e0b7d3a5f6e8c9b0a1d2e3f4a5b6c7d8e" })),
  )
  .meta({ [OPTIONAL_BODY]: true });

export const deploymentParams = z.object({ id: z.string().regex(/^[a-z0-9]{1,64}$/, "must be a deployment id") });

export const logLineDto = z.object({ id: z.string(), stream: z.string(), line: z.string(), at: z.string() });
/** A log line's id, as the lines carry it: only the lines after it are answered. */
export const lineId = z.coerce
  .bigint({ error: "must be a log line's id (a whole number)" })
  .min(0n, "must be 0 or more");
export const logsQuery = z.object({
  after: lineId.optional().describe("Only the lines after this line id"),
  limit: wholeNumberQuery(1, 10_000).default(5_000),
});
export const logsDto = z.object({
  deploymentId: z.string(),
  status: z.enum(DEPLOYMENT_STATUSES),
  lines: z.array(logLineDto),
});
