export type ReleaseErrorCode = "not_deployable" | "already_live" | "image_pruned" | "unhealthy" | "no_previous";

/** Why a deployment can't be put live; production is untouched whenever one is thrown. */
export class ReleaseError extends Error {
  constructor(
    readonly code: ReleaseErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ReleaseError";
  }
}
