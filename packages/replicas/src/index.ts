export { admit, admitMore, memoryNeedOf, type Admission, type MemoryNeed } from "./capacity.ts";
export type { ReplicaDeps } from "./deps.ts";
export {
  productionWithItsCount,
  recordHeldBack,
  ScaleLockBusyError,
  setDesiredReplicas,
  type ScaleDeps,
  type ScaledBy,
  type ScaleLoad,
  type ScaleOutcome,
  type ScaleRequest,
} from "./desired-count.ts";
export { RECONCILE_LOCK_TTL_MS, reconcileLockKey } from "./lock.ts";
export {
  INFRA_PHASES,
  isInfraPhase,
  PRODUCTION_STATES,
  REPLICA_PHASE_WORDS,
  SHOWN_REPLICA_PHASES,
  type InfraPhase,
  type ProductionState,
  type ShownReplicaPhase,
} from "./replica-phases.ts";
export { replicaStatuses, type ReplicaStatus } from "./replica-status.ts";
