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
export {
  queueDeployment,
  QueueUnavailableError,
  type DeploymentRequest,
  type QueuedDeployment,
} from "./queue-deployment.ts";
