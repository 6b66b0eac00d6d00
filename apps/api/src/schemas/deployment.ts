import { DEPLOYMENT_PHASES, DEPLOYMENT_STATUSES } from "@pier/shared";
import { z } from "zod";
import { wholeNumberQuery } from "./common.ts";

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
});

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
