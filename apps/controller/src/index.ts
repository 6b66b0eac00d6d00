export { startController, type Controller, type ControllerDeps } from "./controller.ts";
export { endStuckDeployments } from "./stuck-deployments.ts";
export { runRetention, type RetentionReport } from "./retention/retention.ts";
export { maintenanceQueueName } from "./retention/retention-job.ts";
