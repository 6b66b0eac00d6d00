export type { RetentionDeps } from "./deps.ts";
export { pruneOldDeployments, type PrunedDeployment } from "./prune-images.ts";
export { runRetention, type RetentionReport } from "./run-retention.ts";
export { maintenanceQueueName, startRetentionJob, type RetentionJob } from "./retention-job.ts";
