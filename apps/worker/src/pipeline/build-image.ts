import type { ContainerRuntime } from "@pier/runtime";
import { ImageBuildError } from "@pier/runtime";
import { LABELS, type PierConfig } from "@pier/shared";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveBaseImage } from "../build/base-image.ts";
import { describePlan, detectBuildPlan, type BuildPlan } from "../build/detect.ts";
import { CA_FILE_IN_CONTEXT, generatedDockerfile, PIER_CONTEXT_DIR, STATIC_SERVER_IN_CONTEXT } from "../build/dockerfiles.ts";
import { DeployFailedError } from "../errors.ts";

const STATIC_SERVER_SOURCE = fileURLToPath(new URL("../build/static-server.mjs", import.meta.url));

export interface ImageBuildRequest {
  contextDir: string;
  appId: string;
  appName: string;
  commitSha: string;
  configuredPort: number | null;
  log: (line: string) => void;
}

export interface BuiltImage {
  imageId: string;
  tag: string;
  plan: BuildPlan;
}

/** Image tag by app and commit: `pier/<app>:<sha12>`. Deployments run the image id, so a re-tag is harmless. */
export const imageTag = (appName: string, sha: string) => `pier/${appName}:${sha.slice(0, 12)}`;

/** Detects how to build the checked-out source, writes Pier's build files if needed, and builds the image. */
export async function buildAppImage(runtime: ContainerRuntime, config: PierConfig, request: ImageBuildRequest): Promise<BuiltImage> {
  if (!existsSync(request.contextDir)) throw new DeployFailedError(`root directory not found in the repository`);
  const plan = await detectBuildPlan(request.contextDir, request.configuredPort);
  request.log(describePlan(plan));
  let dockerfile = plan.kind === "dockerfile" ? plan.dockerfile : path.posix.join(PIER_CONTEXT_DIR, "Dockerfile");
  if (plan.kind !== "dockerfile") {
    const baseImage = await resolveBaseImage(runtime, { preferred: config.PIER_NODE_IMAGE, localFallback: config.PIER_LOCAL_NODE_IMAGE }, request.log);
    const withCa = config.PIER_BUILD_CA_FILE !== "" && existsSync(config.PIER_BUILD_CA_FILE);
    await mkdir(path.join(request.contextDir, PIER_CONTEXT_DIR), { recursive: true });
    if (withCa) {
      await copyFile(config.PIER_BUILD_CA_FILE, path.join(request.contextDir, CA_FILE_IN_CONTEXT));
      request.log(`Build trusts the CA bundle ${config.PIER_BUILD_CA_FILE}`);
    }
    if (plan.kind === "static") await copyFile(STATIC_SERVER_SOURCE, path.join(request.contextDir, STATIC_SERVER_IN_CONTEXT));
    const text = generatedDockerfile(plan, baseImage, withCa);
    await writeFile(path.join(request.contextDir, dockerfile), text);
    request.log(`Generated Dockerfile:\n${text.trimEnd()}`);
  }
  const tag = imageTag(request.appName, request.commitSha);
  request.log(`Building image ${tag}`);
  try {
    const { imageId } = await runtime.buildImage({
      contextDir: request.contextDir,
      dockerfile,
      tag,
      labels: { [LABELS.managed]: "true", [LABELS.app]: request.appName, [LABELS.appId]: request.appId },
      exclude: [".git"],
      onLog: request.log,
      signal: AbortSignal.timeout(config.PIER_BUILD_TIMEOUT_MS),
    });
    return { imageId, tag, plan };
  } catch (error) {
    if (error instanceof ImageBuildError) throw new DeployFailedError(`image build failed: ${error.message}`);
    throw error;
  }
}
