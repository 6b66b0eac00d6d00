import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import { DeployFailedError } from "../errors.ts";
import { parseNodeImageMap, type NodeVersionRequest } from "./node-version.ts";

/** Pulls that failed recently are not retried on every build: offline machines would wait each time. */
const PULL_RETRY_AFTER_MS = 10 * 60_000;
const failedPulls = new Map<string, number>();

/** Present locally, or pulled now. A failed pull is remembered for a while. */
async function available(runtime: ContainerRuntime, image: string, log: (line: string) => void): Promise<boolean> {
  if (await runtime.imageExists(image)) return true;
  const lastFailure = failedPulls.get(image);
  if (lastFailure !== undefined && Date.now() - lastFailure < PULL_RETRY_AFTER_MS) return false;
  try {
    log(`Pulling base image ${image}`);
    await runtime.pullImage(image);
    return true;
  } catch (error) {
    failedPulls.set(image, Date.now());
    log(`Could not pull ${image}: ${(error as Error).message}`);
    return false;
  }
}

export interface NodeImages {
  majors: number[];
  defaultMajor: number;
}

/** The Node majors Pier maps to images, and the default one (the major of PIER_NODE_IMAGE). */
export function nodeImages(config: PierConfig): NodeImages {
  const map = parseNodeImageMap(config.PIER_NODE_IMAGES);
  const defaultMajor = Number(/node:(\d+)/.exec(config.PIER_NODE_IMAGE)?.[1] ?? /node:(\d+)/.exec(config.PIER_LOCAL_NODE_IMAGE)?.[1] ?? 20);
  return { majors: [...map.keys()], defaultMajor };
}

/** The default image: PIER_NODE_IMAGE if present or pullable, else the local equivalent made by scripts/setup/base-images.sh. */
async function defaultBaseImage(runtime: ContainerRuntime, config: PierConfig, log: (line: string) => void): Promise<string> {
  if (await available(runtime, config.PIER_NODE_IMAGE, log)) return config.PIER_NODE_IMAGE;
  if (await runtime.imageExists(config.PIER_LOCAL_NODE_IMAGE)) {
    log(`Using the local equivalent ${config.PIER_LOCAL_NODE_IMAGE} instead of ${config.PIER_NODE_IMAGE}`);
    return config.PIER_LOCAL_NODE_IMAGE;
  }
  throw new DeployFailedError(
    `base image ${config.PIER_NODE_IMAGE} is not available and cannot be pulled, and no local equivalent ${config.PIER_LOCAL_NODE_IMAGE} exists: run scripts/setup/base-images.sh`,
  );
}

/**
 * The image generated Dockerfiles build FROM: `node:<major>-bookworm-slim` (PIER_NODE_IMAGES) for the
 * Node version the repo asks for; when that image is absent and can't be pulled, the default, said in the log.
 */
export async function chooseBaseImage(runtime: ContainerRuntime, config: PierConfig, request: NodeVersionRequest, log: (line: string) => void): Promise<string> {
  const { defaultMajor } = nodeImages(config);
  if (request.major === null || request.major === defaultMajor) {
    const image = await defaultBaseImage(runtime, config, log);
    log(`Node ${defaultMajor}: ${image} (${request.source ? `${request.source}` : "the repo asks for no version; Pier's default"})`);
    return image;
  }
  const wanted = parseNodeImageMap(config.PIER_NODE_IMAGES).get(request.major);
  if (wanted && (await available(runtime, wanted, log))) {
    log(`Node ${request.major}: ${wanted} (${request.source})`);
    return wanted;
  }
  const fallback = await defaultBaseImage(runtime, config, log);
  const why = wanted ? `${wanted} is not available on this machine and could not be pulled` : `PIER_NODE_IMAGES names no image for Node ${request.major}`;
  log(`Node ${request.major} requested (${request.source}), but ${why}: building on Node ${defaultMajor} (${fallback}) instead`);
  return fallback;
}
