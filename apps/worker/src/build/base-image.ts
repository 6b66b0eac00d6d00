import type { ContainerRuntime } from "@pier/runtime";
import type { PierConfig } from "@pier/shared";
import { DeployFailedError } from "../errors.ts";
import { NEWEST_LTS, parseNodeImageMap, type NodeVersionRequest } from "./node-version.ts";

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

/**
 * What scripts/setup/base-images.sh makes in place of an image this machine can't pull:
 * `pier-local/<image without docker.io/ or library/>` (node:24-bookworm-slim → pier-local/node:24-bookworm-slim).
 */
export function localEquivalent(image: string): string {
  if (image.startsWith("pier-local/")) return image;
  return `pier-local/${image.replace(/^docker\.io\//, "").replace(/^library\//, "")}`;
}

export interface NodeImages {
  /** Node major → image (PIER_NODE_IMAGES). */
  byMajor: Map<number, string>;
  /** The majors Pier has an image for, the default one's included. */
  majors: number[];
  defaultMajor: number;
}

/** The Node majors Pier maps to images, and the default one (the major of PIER_NODE_IMAGE). */
export function nodeImages(config: PierConfig): NodeImages {
  const byMajor = parseNodeImageMap(config.PIER_NODE_IMAGES);
  const image = config.PIER_NODE_IMAGE;
  const mapped = [...byMajor].find(([, i]) => i === image || localEquivalent(i) === image)?.[0];
  const tagged = /:(\d+)(?:[.-][^:/]*)?$/.exec(image)?.[1];
  const defaultMajor = mapped ?? (tagged ? Number(tagged) : NEWEST_LTS);
  const majors = [...new Set([...byMajor.keys(), defaultMajor])].sort((a, b) => a - b);
  return { byMajor, majors, defaultMajor };
}

/** The image if present or pullable, else its local equivalent if present, else null. Never pulls pier-local/. */
async function imageOrLocalEquivalent(runtime: ContainerRuntime, image: string, log: (line: string) => void) {
  const local = localEquivalent(image);
  if (local === image) return (await runtime.imageExists(image)) ? image : null;
  if (await available(runtime, image, log)) return image;
  return (await runtime.imageExists(local)) ? local : null;
}

/** Why an image and its local equivalent can't be used, for the log and errors. */
function unavailable(image: string): string {
  const local = localEquivalent(image);
  return local === image ? `${image} is not on this machine` : `${image} could not be pulled and there is no ${local}`;
}

/**
 * The image generated Dockerfiles build FROM: the one PIER_NODE_IMAGES maps the requested Node major to
 * (PIER_NODE_IMAGE when the repo asks for none), present, pullable or as its local equivalent; when the major
 * has none of these, the default, said in the log.
 */
export async function chooseBaseImage(
  runtime: ContainerRuntime,
  config: PierConfig,
  request: NodeVersionRequest,
  log: (line: string) => void,
): Promise<string> {
  const { byMajor, defaultMajor } = nodeImages(config);
  const major = request.major ?? defaultMajor;
  const newest = defaultMajor === NEWEST_LTS ? ", the newest LTS" : "";
  const why = request.source ?? `the repo asks for no version; Pier's default${newest}`;
  const wanted = major === defaultMajor ? config.PIER_NODE_IMAGE : byMajor.get(major);
  const image = wanted ? await imageOrLocalEquivalent(runtime, wanted, log) : null;
  if (image) {
    log(`Node ${major}: ${image} (${why})`);
    return image;
  }
  const missing = wanted ? unavailable(wanted) : `PIER_NODE_IMAGES names no image for Node ${major}`;
  const fallback = major === defaultMajor ? null : await imageOrLocalEquivalent(runtime, config.PIER_NODE_IMAGE, log);
  if (!fallback) {
    const why = unavailable(config.PIER_NODE_IMAGE);
    throw new DeployFailedError(`no base image to build on: ${why}; run scripts/setup/base-images.sh`);
  }
  log(`Node ${major} requested (${why}), but ${missing}: building on Node ${defaultMajor} (${fallback}) instead`);
  return fallback;
}
