import type { ContainerRuntime } from "@pier/runtime";
import { ImageBuildError } from "@pier/runtime";
import { LABELS, type PierConfig } from "@pier/shared";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { resolveBaseImage } from "../build/base-image.ts";
import { describePlan, detectBuildPlan, type BuildPlan } from "../build/detect.ts";
import { CA_FILE_IN_CONTEXT, finishingDockerfile, generatedDockerfile, PIER_CONTEXT_DIR, STATIC_SERVER_IN_CONTEXT, type BuildOverrides } from "../build/dockerfiles.ts";
import { DeployFailedError } from "../errors.ts";

const STATIC_SERVER_SOURCE = fileURLToPath(new URL("../build/static-server.mjs", import.meta.url));

export interface ImageBuildRequest {
  contextDir: string;
  appId: string;
  appName: string;
  commitSha: string;
  configuredPort: number | null;
  overrides: BuildOverrides;
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
  const dockerfile = plan.kind === "dockerfile" ? plan.dockerfile : path.posix.join(PIER_CONTEXT_DIR, "Dockerfile");
  if (plan.kind === "dockerfile" && (request.overrides.install || request.overrides.build)) {
    request.log("Note: pier.json install/build commands don't apply to a repo with its own Dockerfile (its RUN steps do that)");
  }
  if (plan.kind !== "dockerfile") {
    const baseImage = await resolveBaseImage(runtime, { preferred: config.PIER_NODE_IMAGE, localFallback: config.PIER_LOCAL_NODE_IMAGE }, request.log);
    const withCa = config.PIER_BUILD_CA_FILE !== "" && existsSync(config.PIER_BUILD_CA_FILE);
    await mkdir(path.join(request.contextDir, PIER_CONTEXT_DIR), { recursive: true });
    if (withCa) {
      await copyFile(config.PIER_BUILD_CA_FILE, path.join(request.contextDir, CA_FILE_IN_CONTEXT));
      request.log(`Build trusts the CA bundle ${config.PIER_BUILD_CA_FILE}`);
    }
    if (plan.kind === "static") await copyFile(STATIC_SERVER_SOURCE, path.join(request.contextDir, STATIC_SERVER_IN_CONTEXT));
    const text = generatedDockerfile(plan, baseImage, withCa, request.overrides);
    await writeFile(path.join(request.contextDir, dockerfile), text);
    request.log(`Generated Dockerfile:\n${text.trimEnd()}`);
  }
  const tag = imageTag(request.appName, request.commitSha);
  const labels = { [LABELS.managed]: "true", [LABELS.app]: request.appName, [LABELS.appId]: request.appId };
  request.log(`Building image ${tag}`);
  try {
    let { imageId } = await runtime.buildImage({
      contextDir: request.contextDir,
      dockerfile,
      tag,
      labels,
      exclude: [".git"],
      onLog: request.log,
      signal: AbortSignal.timeout(config.PIER_BUILD_TIMEOUT_MS),
    });
    const finishing = plan.kind === "dockerfile" ? finishingDockerfile(imageId, request.overrides) : null;
    if (finishing) {
      // pier.json's start command and env become part of the image, so rollbacks and exports run it the same way.
      const finishDir = await mkdtemp(path.join(tmpdir(), "pier-finish-"));
      try {
        await writeFile(path.join(finishDir, "Dockerfile"), finishing);
        request.log(`Applying pier.json to the image:\n${finishing.trimEnd()}`);
        ({ imageId } = await runtime.buildImage({ contextDir: finishDir, dockerfile: "Dockerfile", tag, labels, onLog: request.log }));
      } finally {
        await rm(finishDir, { recursive: true, force: true });
      }
    }
    return { imageId, tag, plan };
  } catch (error) {
    if (error instanceof ImageBuildError) throw new DeployFailedError(`image build failed: ${error.message}`);
    throw error;
  }
}
