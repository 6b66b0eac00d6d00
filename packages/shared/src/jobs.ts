import { z } from "zod";

/**
 * The job catalog: every background job Pier runs, declared once. The API validates a payload before
 * enqueueing, and the worker validates it again before acting on it.
 */
export const deployJob = {
  name: "deploy",
  payload: z.object({
    deploymentId: z.string().min(1),
    appId: z.string().min(1),
  }),
  options: {
    // Only transient failures (docker or git unreachable) are retried; build and health-check
    // failures are UnrecoverableErrors in the worker.
    attempts: 3,
    backoff: { type: "exponential" as const, delay: 2_000 },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  },
} as const;

export type DeployJobPayload = z.infer<typeof deployJob.payload>;

/**
 * Builds a live deployment's image again from its recorded commit and settings, when the image is gone from the
 * engine (the controller asks; it runs on the deploy queue, so it shares the build slots and the app's build
 * lock with deploys). One job per lost image: `rebuildJobId` names it by the deployment and the image that was
 * lost, so asking again while it runs, or after it failed, adds nothing; a later loss of the rebuilt image is a
 * new job.
 */
export const rebuildJob = {
  name: "rebuild",
  payload: z.object({
    deploymentId: z.string().min(1),
    appId: z.string().min(1),
    /** The image id the deployment recorded, which the engine no longer has. */
    lostImageId: z.string().min(1),
    /** What the controller saw (the engine's words), for the deployment's log and the alert. */
    reason: z.string(),
  }),
  // As a deploy: only transient failures (git or Docker out of reach) are tried again.
  options: deployJob.options,
} as const;

export type RebuildJobPayload = z.infer<typeof rebuildJob.payload>;

/** `rebuild-<deployment id>-<12 hex digits of the lost image id>` (BullMQ ids can't hold a colon). */
export const rebuildJobId = (deploymentId: string, lostImageId: string) =>
  `rebuild-${deploymentId}-${lostImageId.replace(/^sha256:/, "").slice(0, 12)}`;

/**
 * Alert deliveries have their own queue beside the deploy queue, so a slow receiver never waits behind a
 * build (and a build never behind eight retries of a dead webhook).
 */
export const notificationsQueueName = (baseQueueName: string) => `${baseQueueName}-notifications`;

/** One job per delivery row; the row holds the event and the history, the job only points at it. */
export const deliveryJob = {
  name: "deliver",
  payload: z.object({ deliveryId: z.string().min(1) }),
  options: {
    // 1 s, 2 s, 4 s … 64 s: about two minutes of retries, enough for a receiver's restart or a blip.
    attempts: 8,
    backoff: { type: "exponential" as const, delay: 1_000 },
    // The delivery rows are the history; BullMQ only needs a few finished jobs for inspection.
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  },
} as const;

export type DeliveryJobPayload = z.infer<typeof deliveryJob.payload>;

/**
 * What Pier tells GitHub (deployment statuses, pull-request comments) has its own queue: a GitHub outage is retried
 * there, never in a deploy's way.
 */
export const githubQueueName = (baseQueueName: string) => `${baseQueueName}-github`;

/**
 * One job brings GitHub up to date with one Pier deployment (its GitHub deployment and every status not sent yet,
 * in order) or one pull request (its comment). Jobs are deduplicated by what they report on, so two never run at
 * once for it and a later one never overtakes an earlier one.
 */
export const githubReportJob = {
  name: "github-report",
  payload: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("deployment"), deploymentId: z.string().min(1) }),
    z.object({ kind: z.literal("pull-request"), pullRequestId: z.string().min(1) }),
  ]),
  options: {
    // 1 s, 2 s, 4 s … about half an hour of retries in all: GitHub outages are rarely longer.
    attempts: 12,
    backoff: { type: "exponential" as const, delay: 1_000 },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  },
} as const;

export type GithubReportJobPayload = z.infer<typeof githubReportJob.payload>;

/**
 * Scheduled deploys have their own queue: one BullMQ job scheduler per DeploySchedule row, under the row's id, adds
 * a job at each cron tick; the worker turns it into a deployment (or skips it). The rows are the truth: the worker
 * puts the schedulers back in line with them at start and periodically (Redis may have lost them).
 */
export const schedulesQueueName = (baseQueueName: string) => `${baseQueueName}-schedules`;

/** One run of a schedule; the row says what to do, so the job only points at it. */
export const scheduledDeployJob = {
  name: "scheduled-deploy",
  payload: z.object({ scheduleId: z.string().min(1) }),
  options: {
    // A run only reads the database and queues a deployment: a retry covers a database or Redis blip.
    attempts: 3,
    backoff: { type: "exponential" as const, delay: 1_000 },
    removeOnComplete: { count: 1_000 },
    removeOnFail: { count: 5_000 },
  },
} as const;

export type ScheduledDeployJobPayload = z.infer<typeof scheduledDeployJob.payload>;

/** Redis pub/sub channel the router listens on to reload its table. */
export const ROUTES_CHANGED_CHANNEL = "pier:routes-changed";

/** Incremented after every committed routing change. */
export const ROUTES_GENERATION_KEY = "pier:routes:generation";
/** Each running router stores the generation it serves under its own key, which expires if it dies. */
export const routesAppliedKey = (routerId: string) => `pier:routes:applied:${routerId}`;
export const ROUTES_APPLIED_PATTERN = "pier:routes:applied:*";
export const ROUTES_APPLIED_TTL_SECONDS = 30;
