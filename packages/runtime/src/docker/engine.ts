// The only file in Pier that imports dockerode: the client, and the translation of its errors into Pier's.
import Docker from "dockerode";
import { ImageMissingError, NoSpaceError, RuntimeRequestError, RuntimeUnavailableError } from "../errors.ts";

/** A dockerode client; the modules of this folder take it as their first argument. */
export type DockerClient = Docker;

export const DEFAULT_SOCKET_PATH = "/var/run/docker.sock";

export function createDockerClient(socketPath: string = DEFAULT_SOCKET_PATH): DockerClient {
  return new Docker({ socketPath });
}

export const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOENT", "EPIPE", "ECONNRESET", "EACCES", "ETIMEDOUT"]);

/** How the engine says its disk is full, whichever layer ran out (image store, container layer, log). */
const NO_SPACE = /no space left on device|\bENOSPC\b/i;
/** How the engine says an image it was asked to run does not exist ("No such image: sha256:…"). */
const NO_SUCH_IMAGE = /no such image: (\S+)/i;

/**
 * Translates dockerode's errors into Pier's: unreachable engine (retry) vs refused request, and of the
 * refusals the two the caller must tell from the app's own failures: a full disk (NoSpaceError) and an
 * image that no longer exists (ImageMissingError).
 */
export function translate(error: unknown, what: string): Error {
  // Already Pier's (a call made of calls): an unreachable engine must stay unreachable, said once.
  if (error instanceof RuntimeUnavailableError || error instanceof RuntimeRequestError) return error;
  const e = error as { code?: string; statusCode?: number; json?: { message?: string }; message?: string };
  if (e.code && UNREACHABLE_CODES.has(e.code)) {
    return new RuntimeUnavailableError(`Docker engine unreachable while trying to ${what}: ${e.code}`, {
      cause: error,
    });
  }
  const detail = e.json?.message ?? e.message ?? String(error);
  const message = `Docker refused to ${what}: ${detail}`;
  if (e.code === "ENOSPC" || NO_SPACE.test(detail)) return new NoSpaceError(message, e.statusCode);
  const missing = e.statusCode === 404 ? NO_SUCH_IMAGE.exec(detail) : null;
  if (missing) return new ImageMissingError(message, missing[1]!);
  return new RuntimeRequestError(message, e.statusCode);
}

/** The HTTP status the engine answered a failed request with, if it answered. */
export function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

export interface EngineCallOptions<T> {
  /** The answer when the engine says 404 (no such object), instead of an error. */
  notFound?: () => T;
  /** Other refusals that mean the same for this call (answered with notFound too), e.g. 304 "already stopped". */
  sameAsNotFound?: (error: unknown) => boolean;
}

/**
 * Runs one request (or a few) to the engine: a 404 answers `notFound()` when given, any other error is
 * translated (see translate), `what` completing "Docker refused to …".
 */
export async function engineCall<T>(
  what: string,
  call: () => Promise<T>,
  options: EngineCallOptions<T> = {},
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const { notFound, sameAsNotFound } = options;
    if (notFound && (isNotFound(error) || sameAsNotFound?.(error))) return notFound();
    throw translate(error, what);
  }
}

/** Label filters as the engine's list endpoints take them. */
export function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}
