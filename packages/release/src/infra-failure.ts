import type { InfraPhase } from "@pier/replicas";
import { ImageMissingError, NoSpaceError, RuntimeRequestError, RuntimeUnavailableError } from "@pier/runtime";

/**
 * When a replica could not start for the engine's or the machine's reasons, its next try: fixed, never
 * growing with the count (nothing the app did), and short, so it serves again within seconds of the fix.
 * ENGINE_UNAVAILABLE: 1 s, since an engine restarting is back within seconds, every second of waiting is
 * downtime, and a request to an engine that isn't there costs nothing. IMAGE_MISSING and NO_SPACE: 5 s, since
 * neither mends itself within a second (someone frees space, the image is put back or rebuilt), and one
 * refused start every 5 s per replica is no load on the engine and little noise in the logs. REBUILDING: 5 s,
 * how often the replica looks whether its rebuilt image is there (a build takes many seconds).
 */
export const INFRA_RETRY_MS: Record<InfraPhase, number> = {
  ENGINE_UNAVAILABLE: 1_000,
  IMAGE_MISSING: 5_000,
  REBUILDING: 5_000,
  NO_SPACE: 5_000,
};

/** Why a start failed when it was not the app's doing: the phase the replica goes to, and the reason shown. */
export interface InfraFailure {
  phase: InfraPhase;
  reason: string;
}

/**
 * Whether a failed start is the engine's or the machine's, not the app's (then it must not count towards
 * the app's back-off nor its crash loop), and which: a full disk first (the engine answers it with a 5xx),
 * then an image gone, then any other failure of the engine's own. `image` names the deployment's image for
 * people (its tag, when it has one). Null: the app's failure.
 */
export function infraFailureOf(error: unknown, image: string): InfraFailure | null {
  if (error instanceof NoSpaceError) return { phase: "NO_SPACE", reason: `disk full: ${error.message}` };
  if (error instanceof ImageMissingError)
    return { phase: "IMAGE_MISSING", reason: `image ${image} is gone: ${error.message}` };
  const engineFailed =
    error instanceof RuntimeUnavailableError ||
    (error instanceof RuntimeRequestError && (error.statusCode ?? 0) >= 500);
  if (engineFailed) return { phase: "ENGINE_UNAVAILABLE", reason: `engine unavailable: ${error.message}` };
  return null;
}
