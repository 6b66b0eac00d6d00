import type { ContainerRuntime } from "@pier/runtime";
import { DeployFailedError } from "../errors.ts";

export interface BaseImageSettings {
  preferred: string;
  localFallback: string;
}

/** Pulls that failed recently are not retried on every build: offline machines would wait each time. */
const PULL_RETRY_AFTER_MS = 10 * 60_000;
const failedPulls = new Map<string, number>();

/**
 * The image generated Dockerfiles build FROM: the configured one if present or pullable, else the
 * local equivalent made by scripts/setup/base-images.sh (air-gapped machines).
 */
export async function resolveBaseImage(runtime: ContainerRuntime, settings: BaseImageSettings, log: (line: string) => void): Promise<string> {
  if (await runtime.imageExists(settings.preferred)) return settings.preferred;
  const lastFailure = failedPulls.get(settings.preferred);
  if (lastFailure === undefined || Date.now() - lastFailure > PULL_RETRY_AFTER_MS) {
    try {
      log(`Pulling base image ${settings.preferred}`);
      await runtime.pullImage(settings.preferred);
      return settings.preferred;
    } catch (error) {
      failedPulls.set(settings.preferred, Date.now());
      log(`Could not pull ${settings.preferred}: ${(error as Error).message}`);
    }
  }
  if (await runtime.imageExists(settings.localFallback)) {
    log(`Using the local equivalent ${settings.localFallback} instead of ${settings.preferred}`);
    return settings.localFallback;
  }
  throw new DeployFailedError(
    `base image ${settings.preferred} is not available and cannot be pulled, and no local equivalent ${settings.localFallback} exists: run scripts/setup/base-images.sh`,
  );
}
