import {
  APP_NAME_HOST_RULE,
  APP_NAME_RULE,
  autoscalePolicySchema,
  healthCheckPathSchema,
  isReservedAppName,
  isValidAppName,
  isValidBranchName,
  isValidRootDir,
  volumesSchema,
} from "@pier/shared";
import { PRODUCTION_STATES, SHOWN_REPLICA_PHASES } from "@pier/replicas";
import { z } from "zod";
import { examples } from "./common.ts";
import { domainDto } from "./domain.ts";

export const appName = z.string().refine(isValidAppName, { message: APP_NAME_RULE });
/** A new app's name also keeps clear of preview host labels (existing apps keep theirs). */
const newAppName = appName.refine((name) => !isReservedAppName(name), { message: APP_NAME_HOST_RULE });
const branch = z.string().refine(isValidBranchName, { message: "must be a valid git branch name" });
const rootDir = z
  .string()
  .transform((s) => (s === "." ? "" : s.replace(/^\.\//, "").replace(/\/+$/, "")))
  .refine(isValidRootDir, { message: "must be a relative path inside the repository, without '..'" });
const port = z.number().int().min(1).max(65535);
const healthCheckPath = healthCheckPathSchema;

export const createAppBody = z
  .object({
    name: newAppName,
    // Checked against the allow-list in the service: the policy lives in config.
    repoUrl: z.string().max(500),
    branch: branch.default("main"),
    rootDir: rootDir.optional(),
    port: port.optional(),
    healthCheckPath: healthCheckPath.optional(),
  })
  .meta(examples({ name: "web", repoUrl: "https://github.com/acme/web.git", branch: "main", port: 3000 }));

const UPDATE_APP_EXAMPLE = { branch: "release", healthCheckPath: "/healthz", autoscale: { min: 1, max: 4 } };

export const updateAppBody = z
  .object({
    repoUrl: z.string().max(500),
    branch,
    rootDir,
    port: port.nullable(),
    healthCheckPath,
    previews: z.boolean(),
    volumes: volumesSchema,
    /** Alert when the 5xx share of a minute's traffic passes this (0 … 1); null: Pier's default 0.05. */
    alertErrorRate: z.number().min(0).max(1).nullable(),
    /** Alert when a minute's p95 latency passes this many ms; null: Pier's default 1000. */
    alertP95Ms: z.number().int().min(1).max(600_000).nullable(),
    /** Scale production on load (null: by hand only). Takes effect within 2 s, no deploy needed. */
    autoscale: autoscalePolicySchema.nullable(),
    /**
     * What one replica is counted as needing when more are admitted (MB); null: what its replicas use
     * now, or its memory limit before anything was measured. The limit stays each container's cap.
     */
    memoryRequestMb: z.number().int().min(1, "must be 1 MB or more").max(1_048_576).nullable(),
    /** Plain HTTP to a domain with a certificate answers a redirect to HTTPS (308). Takes effect at once. */
    httpsRedirect: z.boolean(),
    /** HTTPS answers carry Strict-Transport-Security (browsers then refuse plain HTTP). Takes effect at once. */
    hsts: z.boolean(),
  })
  .partial()
  .strict()
  .meta(examples(UPDATE_APP_EXAMPLE));

/**
 * updateAppBody as the route declares it: the document shows autoscale's min and max bounded by the operator's
 * PIER_MAX_REPLICAS, as scale's replicas are. The bound is the document's only (meta): the service checks it, naming
 * the setting in its message.
 */
export function updateAppBodyFor(maxReplicas: number) {
  const bound = { maximum: maxReplicas, description: `0 … PIER_MAX_REPLICAS (${maxReplicas} here)` };
  const autoscale = autoscalePolicySchema.safeExtend({
    min: autoscalePolicySchema.shape.min.meta(bound),
    max: autoscalePolicySchema.shape.max.meta({ ...bound, description: `1 … PIER_MAX_REPLICAS (${maxReplicas} here)` }),
  });
  return updateAppBody.safeExtend({ autoscale: autoscale.nullable().optional() }).meta(examples(UPDATE_APP_EXAMPLE));
}

export const appParams = z.object({ name: appName });
export const deleteAppQuery = z.object({
  volumes: z.enum(["true", "false"]).default("false").describe("Also delete the app's persistent volumes"),
});

export const replicaStatusDto = z.object({
  desired: z.number(),
  running: z.number(),
  state: z
    .enum(PRODUCTION_STATES)
    .describe(
      "RUNNING: all serve. DEGRADED: fewer than desired. CRASH_LOOP: one keeps dying. ENGINE_UNAVAILABLE, " +
        "IMAGE_MISSING, REBUILDING, NO_SPACE: one can't start because of the engine or the machine, not the app " +
        "(the engine can't be reached, the deployment's image is gone, Pier is building that image again from " +
        "its commit, the disk is full). STOPPED: 0 desired. NOT_DEPLOYED.",
    ),
  replicas: z.array(
    z.object({
      index: z.number(),
      phase: z
        .enum(SHOWN_REPLICA_PHASES)
        .describe(
          "STARTING; RUNNING; BACKOFF: waiting to start again after a loss; CRASH_LOOP: lost 3 times in a row; " +
            "ENGINE_UNAVAILABLE, IMAGE_MISSING, NO_SPACE: can't start because of the engine or the machine, not " +
            "counted against the app, tried again every few seconds; REBUILDING: its image was gone and is being " +
            "built again from the deployment's commit, starts once it is there; LOST: its container stopped, not " +
            "replaced yet; MISSING: not started yet.",
        ),
      containerId: z.string().nullable(),
      restarts: z.number(),
      lastReason: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
    }),
  ),
});

export const appDto = z.object({
  id: z.string(),
  name: z.string(),
  repoUrl: z.string(),
  branch: z.string(),
  rootDir: z.string(),
  port: z.number().nullable(),
  healthCheckPath: z.string(),
  previews: z.boolean(),
  volumes: z.array(z.object({ name: z.string(), path: z.string() })),
  url: z.string(),
  webhookUrl: z.string(),
  /** Why GitHub can't reach webhookUrl (a loopback or private PIER_PUBLIC_URL) and what to do; null when it may. */
  webhookWarning: z.string().nullable(),
  /** null unless the caller has the admin scope. */
  webhookSecret: z.string().nullable(),
  productionDeploymentId: z.string().nullable(),
  /** Production replicas: desired (POST /scale) and running, with each replica's state. */
  replicas: replicaStatusDto,
  /** Alert thresholds (null: Pier's defaults, 0.05 and 1000 ms). */
  alertErrorRate: z.number().nullable(),
  alertP95Ms: z.number().nullable(),
  /** What one replica is counted as needing when replicas are admitted (MB); null: measured, else the limit. */
  memoryRequestMb: z.number().nullable(),
  /** The autoscale policy (defaults filled in), or null when replicas change only by hand. */
  autoscale: z
    .object({
      min: z.number(),
      max: z.number(),
      targetConcurrency: z.number(),
      targetRps: z.number().optional(),
      scaleDownDelaySeconds: z.number(),
      idleTimeoutSeconds: z.number(),
    })
    .nullable(),
  /** Plain HTTP to a host with a certificate redirects to HTTPS; HTTPS answers carry HSTS. */
  httpsRedirect: z.boolean(),
  hsts: z.boolean(),
  /** The app's own domains (besides its Pier host), each with its certificate's state. */
  domains: z.array(domainDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
