export type RolloutErrorCode =
  /** No such rollout, or no such deployment of the app. */
  | "not_found"
  /** The app already has a running or paused rollout. */
  | "conflict"
  /** The candidate can't be rolled out: not READY, already production, not running, no production to split with. */
  | "not_deployable"
  /** The rollout is not in a state that allows this (resume one that runs, pause one that ended). */
  | "wrong_state"
  /** A step list, interval or gate out of bounds (`field` names it). */
  | "invalid";

/** Why a rollout could not be started or changed; nothing changed when one is thrown. */
export class RolloutError extends Error {
  constructor(
    readonly code: RolloutErrorCode,
    message: string,
    /** The request field at fault, if one is. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "RolloutError";
  }
}
