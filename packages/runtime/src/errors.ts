/** The engine could not be reached: the caller should retry later. */
export class RuntimeUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "RuntimeUnavailableError";
  }
}

/** The image build itself failed (bad Dockerfile, failing RUN step): retrying won't help. */
export class ImageBuildError extends Error {
  constructor(
    message: string,
    /** The Dockerfile instruction that failed, as the builder printed it ("FROM oven/bun"), when known. */
    readonly instruction: string | null = null,
  ) {
    super(message);
    this.name = "ImageBuildError";
  }
}

/** The engine refused a request for a reason of its own (e.g. unknown image). */
export class RuntimeRequestError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
  ) {
    super(message);
    this.name = "RuntimeRequestError";
  }
}

/**
 * The image asked for does not exist on the engine (removed by hand, pruned, or lost with the engine's disk).
 * A refusal like any other (statusCode 404), with the image named.
 */
export class ImageMissingError extends RuntimeRequestError {
  constructor(
    message: string,
    /** The reference the engine could not find, as it said it ("sha256:…", "pier/web:3f2a9c1b2d4e"). */
    readonly image: string,
  ) {
    super(message, 404);
    this.name = "ImageMissingError";
  }
}

/** The engine's disk is full ("no space left on device"): nothing starts or builds until space is freed. */
export class NoSpaceError extends RuntimeRequestError {
  constructor(message: string, statusCode: number | undefined) {
    super(message, statusCode);
    this.name = "NoSpaceError";
  }
}

/** A node operation this runtime can't do (no cluster), or on a node that doesn't exist. */
export class NodeOperationError extends Error {
  constructor(
    message: string,
    readonly reason: "no_cluster" | "node_not_found",
  ) {
    super(message);
    this.name = "NodeOperationError";
  }
}
