import { z } from "zod";

/**
 * A per-app autoscale policy (PATCH /api/apps/:name {"autoscale": …}, pier.json `autoscale`, `pier
 * autoscale`). The signal is in-flight requests per replica measured at the router, as Knative's KPA
 * does; an optional requests-per-second target scales on whichever asks for more.
 */
export const autoscalePolicySchema = z
  .object({
    /** Never fewer replicas. 0 lets the app scale to zero after idleTimeoutSeconds without requests. */
    min: z.number().int().min(0, "must be 0 or more").default(1),
    /** Never more replicas (and never more than PIER_MAX_REPLICAS). */
    max: z.number().int().min(1, "must be 1 or more"),
    /** In-flight requests per replica the autoscaler aims for. */
    targetConcurrency: z.number().min(0.1, "must be at least 0.1").max(10_000).default(10),
    /** Optional: requests per second per replica; the larger of the two recommendations wins. */
    targetRps: z.number().min(0.1, "must be at least 0.1").max(1_000_000).optional(),
    /** Replicas come down only after the load asked for fewer for this long. */
    scaleDownDelaySeconds: z.number().int().min(0, "must be 0 or more").max(86_400).default(60),
    /** With min 0: no request for this long stops every container (the next request wakes the app). */
    idleTimeoutSeconds: z.number().int().min(1, "must be 1 or more").max(86_400).default(300),
  })
  .strict()
  .refine((p) => p.min <= p.max, { message: "must not be over max", path: ["min"] });

export type AutoscalePolicy = z.infer<typeof autoscalePolicySchema>;

/** The stored policy (App.autoscale JSON), or null when none is set or it no longer parses. */
export function storedAutoscalePolicy(value: unknown): AutoscalePolicy | null {
  if (value === null || value === undefined) return null;
  const parsed = autoscalePolicySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Fields of a policy over the operator's maximum replicas, as "field: why" lines (empty when fine). */
export function autoscaleOverMaxima(
  policy: AutoscalePolicy,
  maxReplicas: number,
): Array<{ field: string; message: string }> {
  const over: Array<{ field: string; message: string }> = [];
  if (policy.max > maxReplicas)
    over.push({
      field: "autoscale.max",
      message: `${policy.max} is over the operator's maximum ${maxReplicas} (PIER_MAX_REPLICAS)`,
    });
  if (policy.min > maxReplicas)
    over.push({
      field: "autoscale.min",
      message: `${policy.min} is over the operator's maximum ${maxReplicas} (PIER_MAX_REPLICAS)`,
    });
  return over;
}

/** The autoscaler decides this often (Knative: every 2 s). */
export const AUTOSCALE_TICK_MS = 2_000;
/** Concurrency over this window, at 2× the target per replica, scales up at once (panic). */
export const AUTOSCALE_PANIC_WINDOW_MS = 6_000;
/** Concurrency over this window drives scale-up outside panic (Knative's stable window). */
export const AUTOSCALE_STABLE_WINDOW_MS = 60_000;
export const AUTOSCALE_PANIC_THRESHOLD = 2;

/**
 * Where routers report each app's load, one record per router and second: a Redis list of JSON
 * `LoadRecord`s, trimmed to the stable window and expiring when no router writes.
 */
export const appLoadKey = (appId: string) => `pier:load:${appId}`;
export const LOAD_RECORDS_KEPT = 600;
export const LOAD_KEY_TTL_SECONDS = 120;

export interface LoadRecord {
  /** End of the second it covers (ms since the epoch). */
  at: number;
  /** Mean in-flight requests over that second (requests held by the activator count). */
  inflight: number;
  /** Requests that arrived in that second. */
  requests: number;
}

/** An app scaled to zero got a request: the activator asks the controller to start it (payload: app id). */
export const WAKE_CHANNEL = "pier:wake";
