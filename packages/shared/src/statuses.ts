export const DEPLOYMENT_STATUSES = ["QUEUED", "BUILDING", "DEPLOYING", "READY", "FAILED", "CANCELLED"] as const;
export type DeploymentStatusName = (typeof DEPLOYMENT_STATUSES)[number];
export const TERMINAL_STATUSES: readonly DeploymentStatusName[] = ["READY", "FAILED", "CANCELLED"];
/** A worker holds it: building, or starting its containers. */
export const ACTIVE_STATUSES: readonly DeploymentStatusName[] = ["BUILDING", "DEPLOYING"];
/** Not ended yet: waiting for a worker, or held by one. */
export const UNFINISHED_STATUSES: readonly DeploymentStatusName[] = ["QUEUED", ...ACTIVE_STATUSES];

/** The timed phases of a deployment, in order (each is recorded when it runs). */
export const DEPLOYMENT_PHASES = ["queued", "clone", "build", "test", "start", "health", "switch"] as const;
export type DeploymentPhase = (typeof DEPLOYMENT_PHASES)[number];
export type PhaseTimings = Partial<Record<DeploymentPhase, number>>;

/** Timings in phase order, whatever order they were stored in (JSONB sorts keys its own way). */
export function orderedPhases(raw: unknown): PhaseTimings | null {
  if (!raw || typeof raw !== "object") return null;
  const record = raw as Record<string, unknown>;
  return Object.fromEntries(
    DEPLOYMENT_PHASES.filter((p) => typeof record[p] === "number").map((p) => [p, record[p] as number]),
  );
}

/** Labels Pier puts on everything it creates; cleanup selects by these and touches nothing else. */
export const LABELS = {
  managed: "pier.managed",
  app: "pier.app",
  appId: "pier.app-id",
  deployment: "pier.deployment",
  /** 1, 2, … when a deployment runs several replicas. */
  replica: "pier.replica",
  /** On preview containers: the branch slug they serve. */
  preview: "pier.preview",
} as const;
