export { advanceRollouts, type AdvanceOptions, type AdvanceOutcome } from "./advance.ts";
export {
  abortRollout,
  pauseRollout,
  promoteNow,
  resumeRollout,
  type RolloutControl,
} from "./controls.ts";
export type { RolloutDeps, RolloutStartDeps } from "./deps.ts";
export { RolloutError, type RolloutErrorCode } from "./errors.ts";
export { figuresOf, judgeGate, type GateVerdict, type TrafficFigures, type TrafficSample } from "./gate.ts";
export { ACTIVE_ROLLOUT_STATES, activeRollout, rolloutOf } from "./rollout-state.ts";
export { startRollout, type StartRolloutRequest } from "./start.ts";
export { nextMove, type RolloutFacts, type RolloutMove } from "./step.ts";
export { deploymentTraffic } from "./traffic.ts";
