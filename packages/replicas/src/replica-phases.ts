import type { ReplicaPhase } from "@pier/db";

/**
 * Phases in which a replica can't start because of the engine or the machine, not the app: its losses are
 * not counted (no back-off, never CRASH_LOOP, no crash-loop alert) and it is tried again on a short fixed
 * delay. ENGINE_UNAVAILABLE: the engine can't be reached or fails for its own reasons (socket missing,
 * connection refused, a 5xx, stopping). IMAGE_MISSING: the deployment's image no longer exists on the
 * engine. REBUILDING: that image is being built again from the deployment's commit (the controller asked for
 * it); the replica starts once it is there. NO_SPACE: the engine's disk is full.
 */
export const INFRA_PHASES = [
  "ENGINE_UNAVAILABLE",
  "IMAGE_MISSING",
  "REBUILDING",
  "NO_SPACE",
] as const satisfies readonly ReplicaPhase[];
export type InfraPhase = (typeof INFRA_PHASES)[number];

export const isInfraPhase = (phase: string): phase is InfraPhase => (INFRA_PHASES as readonly string[]).includes(phase);

/**
 * Every phase a replica is shown in, with the words people read (dashboard, API docs): the controller's
 * record (ReplicaPhase) and two the status adds: LOST (recorded as running, its container is not) and
 * MISSING (no record yet). The engine's and machine's troubles are worded apart from "crash loop".
 */
export const REPLICA_PHASE_WORDS = {
  STARTING: "starting",
  RUNNING: "running",
  BACKOFF: "backing off",
  CRASH_LOOP: "crash loop",
  ENGINE_UNAVAILABLE: "engine unavailable",
  IMAGE_MISSING: "image missing",
  REBUILDING: "rebuilding image",
  NO_SPACE: "disk full",
  LOST: "lost",
  MISSING: "not started",
} as const satisfies Record<ReplicaPhase | "LOST" | "MISSING", string>;
export type ShownReplicaPhase = keyof typeof REPLICA_PHASE_WORDS;
export const SHOWN_REPLICA_PHASES = Object.keys(REPLICA_PHASE_WORDS) as [ShownReplicaPhase, ...ShownReplicaPhase[]];

/**
 * How production runs as a whole: RUNNING, all serve; DEGRADED, fewer than desired (being replaced or
 * started); CRASH_LOOP, one keeps dying; one of INFRA_PHASES, one can't start because of the engine or the
 * machine; STOPPED, 0 desired; NOT_DEPLOYED.
 */
export const PRODUCTION_STATES = [
  "RUNNING",
  "DEGRADED",
  "CRASH_LOOP",
  ...INFRA_PHASES,
  "STOPPED",
  "NOT_DEPLOYED",
] as const;
export type ProductionState = (typeof PRODUCTION_STATES)[number];
