/**
 * The words `pier` prints for production's state and each replica's phase. Every value the API answers must
 * be named, so a new one fails the type check until it has words. The engine's and the machine's trouble
 * (engine unavailable, image missing, rebuilding its image, disk full) is said apart from the app's own (crash loop).
 */
import type { ProductionState, ReplicaPhase } from "./types.ts";

const STATE_WORDS = {
  RUNNING: "running",
  DEGRADED: "degraded",
  CRASH_LOOP: "crash loop",
  ENGINE_UNAVAILABLE: "engine unavailable, not the app",
  IMAGE_MISSING: "image missing, not the app",
  REBUILDING: "rebuilding its image, not the app",
  NO_SPACE: "disk full, not the app",
  STOPPED: "stopped",
  NOT_DEPLOYED: "not deployed",
} satisfies Record<ProductionState, string>;

const PHASE_WORDS = {
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
} satisfies Record<ReplicaPhase, string>;

export const stateWords = (state: ProductionState): string => STATE_WORDS[state];
export const phaseWords = (phase: ReplicaPhase): string => PHASE_WORDS[phase];
