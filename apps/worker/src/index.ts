export { createDeployWorker, type DeployWorkerOptions } from "./deploy-worker.ts";
export { checkBranchHeads, startHeadCheck, type CaughtPush, type HeadCheckDeps } from "./head-check.ts";
export { SCHEDULER_RECONCILE_MS, startScheduleWorker, tickOf, type ScheduleWorker } from "./schedule-worker.ts";
