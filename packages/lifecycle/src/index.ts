export {
  ACTIVE_STATUSES,
  cancelAllQueued,
  cancelQueued,
  isActive,
  isTerminal,
  isUnfinished,
  markFailed,
  markReady,
  onDeploymentStatusChange,
  requeue,
  skipClaimed,
  startBuilding,
  startDeploying,
  startRedeploying,
  TERMINAL_STATUSES,
  UNFINISHED_STATUSES,
  type DeploymentStatusListener,
} from "./deployment-status.ts";
export {
  behindLiveReason,
  behindReason,
  liveDeploymentOf,
  pushHistoryOf,
  PushHistory,
  supersedeByHistory,
  type LiveDeployment,
} from "./push-history.ts";
export { queueRedeploy, RedeployRefusedError, type QueuedRedeploy } from "./queue-redeploy.ts";
export {
  enqueueDeployJob,
  queueDeployment,
  QueueUnavailableError,
  type DeploymentRequest,
  type QueuedDeployment,
} from "./queue-deployment.ts";
export { runSchedule, type ScheduleRun } from "./run-schedule.ts";
export {
  CRON_FIELDS_MESSAGE,
  isTimeZone,
  nextRuns,
  scheduleProblem,
  type ScheduleProblem,
} from "./schedule-cron.ts";
export { reconcileSchedulers, removeScheduler, upsertScheduler, type SchedulerReconcile } from "./schedulers.ts";
