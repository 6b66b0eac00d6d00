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
