export type { ReleaseDeps } from "./deps.ts";
export { ReleaseError, type ReleaseErrorCode } from "./errors.ts";
export { waitUntilHealthy, type HealthCheckResult } from "./health-check.ts";
export { startDeploymentContainer, startReplicas, containerName, type ReplicaSet } from "./start-container.ts";
export { diagnoseListeners, type ListenDiagnosis } from "./listen-diagnosis.ts";
export { switchProduction, type SwitchResult } from "./switch-production.ts";
export { domainsChangeLines, syncConfigDomains, type ConfigDomainsChange } from "./domains.ts";
export { settleAppContainers, type SettleResult } from "./settle.ts";
export { keptStagedIds } from "./staged.ts";
export { newestEarlierWithImage, rollbackTargetId, RUNNING_RELEASES, warmDeploymentIds } from "./rollback-targets.ts";
export { appFlagsDir, ensureFlagsFile, removeFlagsDir, writeFlagsFile } from "./flags-file.ts";
export { endRebuilding, markRebuilding } from "./image-rebuild.ts";
export { rollBackFromLostImage, type LostImageRollback } from "./lost-image-rollback.ts";
export { promoteDeployment, type PromoteResult } from "./promote.ts";
export { settlePreview, stopPreview } from "./previews.ts";
export { stopDeploymentContainers } from "./stop-containers.ts";
export { dockerVolumeName, prepareVolumes, removeAppVolumes, storedMounts } from "./volumes.ts";
export {
  appEnv,
  appLabels,
  containerBase,
  containerLimits,
  currentEnv,
  deploymentEnv,
  deploymentStartRequest,
  envRecord,
  sealFrozenEnv,
  type ContainerBase,
  type ContainerLimits,
  type StartRequest,
} from "./container-spec.ts";
export {
  backoffMs,
  CRASH_LOOP_AFTER,
  reconcileProduction,
  recordServingReplicas,
  replicaIndex,
  type ReconcileOptions,
  type ReconcileOutcome,
} from "./reconcile.ts";
