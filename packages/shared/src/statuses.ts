export const DEPLOYMENT_STATUSES = ["QUEUED", "BUILDING", "DEPLOYING", "READY", "FAILED", "CANCELLED"] as const;
export type DeploymentStatusName = (typeof DEPLOYMENT_STATUSES)[number];
export const TERMINAL_STATUSES: readonly DeploymentStatusName[] = ["READY", "FAILED", "CANCELLED"];
export const ACTIVE_STATUSES: readonly DeploymentStatusName[] = ["BUILDING", "DEPLOYING"];

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
