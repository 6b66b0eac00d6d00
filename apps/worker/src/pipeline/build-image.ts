import type { ContainerRuntime } from "@pier/runtime";
import { ImageBuildError } from "@pier/runtime";
import { LABELS, type PierConfig } from "@pier/shared";
import { existsSync } from "node:fs";
import { chooseBaseImage, nodeImages } from "../build/base-image.ts";
import { baseImageFailure } from "../build/base-image-failure.ts";
import { buildCgroup } from "../build/build-cgroup.ts";
import { describePlan, detectBuildPlan, type BuildPlan } from "../build/detect.ts";
import { PIER_CONTEXT_DIR, type BuildOverrides, type DockerfileOptions } from "../build/dockerfiles.ts";
import { buildNodeApp, buildRepoDockerfile, buildStaticSite, type ImageBuilder } from "../build/image-builds.ts";
import type { PresetOverrides } from "../build/framework.ts";
import { RepoFiles } from "../build/repo-files.ts";
import { parseVercelJson } from "../build/static-server/site-config.ts";
import { DeployFailedError } from "../errors.ts";
import type { BuildLog } from "../logs/build-log.ts";
import type { DeploySettings } from "./repo-config.ts";

export interface ImageBuildRequest {
  files: RepoFiles;
  appId: string;
  appName: string;
  commitSha: string;
  configuredPort: number | null;
  overrides: BuildOverrides;
  presetOverrides: PresetOverrides;
  log: (line: string) => void;
}

export interface BuiltImage {
  imageId: string;
  tag: string;
  plan: BuildPlan;
}

/** Image tag by app and commit: `pier/<app>:<sha12>`. Deployments run the image id, so a re-tag is harmless. */
export const imageTag = (appName: string, sha: string) => `pier/${appName}:${sha.slice(0, 12)}`;

/** Exit code 137 is SIGKILL: in a build under a memory limit, the kernel's OOM killer. */
const KILLED = /returned a non-zero code: 137/;

/** The repository's .dockerignore patterns (read safely; comments and blanks dropped). */
async function dockerignorePatterns(files: RepoFiles): Promise<string[]> {
  const text = await files.readText(".dockerignore");
  return text === null
    ? []
    : text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith("#"));
}

/** What a deployment's image is built from: its checkout, and the settings it was (or is being) deployed with. */
export interface DeploymentBuild {
  files: RepoFiles;
  commitSha: string;
  settings: Pick<DeploySettings, "commands" | "envDefaults" | "preset">;
  /** The port asked for (null: detection decides). */
  port: number | null;
  /** Where the deployment's volumes are mounted (declared as VOLUME in the image). */
  volumePaths: string[];
  log: BuildLog;
}

/**
 * Builds a deployment's image, tagged `pier/<app>:<sha12>`: the one build path of a deploy and of a rebuild of a
 * lost image, so the same commit and settings make the same image.
 */
export function buildDeploymentImage(
  deps: { runtime: ContainerRuntime; config: PierConfig },
  app: { id: string; name: string },
  build: DeploymentBuild,
): Promise<BuiltImage> {
  const { settings } = build;
  return buildAppImage(deps.runtime, deps.config, {
    files: build.files,
    appId: app.id,
    appName: app.name,
    commitSha: build.commitSha,
    configuredPort: build.port,
    overrides: { ...settings.commands, env: settings.envDefaults, volumePaths: build.volumePaths },
    presetOverrides: { ...settings.preset, start: settings.commands.start },
    log: (line) => build.log.write(line),
  });
}

/** Detects how to build the app's root directory, generates Pier's build files if needed, and builds the image. */
export async function buildAppImage(
  runtime: ContainerRuntime,
  config: PierConfig,
  request: ImageBuildRequest,
): Promise<BuiltImage> {
  const { files } = request;
  const images = nodeImages(config);
  const plan = await detectBuildPlan(files, {
    configuredPort: request.configuredPort,
    presetOverrides: request.presetOverrides,
    nodeMajors: images.majors,
    defaultNodeMajor: images.defaultMajor,
  });
  for (const line of describePlan(plan)) request.log(line);
  // A workspace member builds with the workspace root as its context: the install runs there.
  const contextFiles =
    plan.kind === "node" && plan.workspace ? await RepoFiles.open(plan.workspace.contextDir, "") : files;
  const ignorePatterns = await dockerignorePatterns(contextFiles);
  if (ignorePatterns.length)
    request.log(`.dockerignore: leaving out ${ignorePatterns.length} pattern(s) from the build context`);
  const cgroup = await buildCgroup(config.PIER_BUILD_PIDS);
  request.log(
    `Build limits: ${config.PIER_BUILD_MEMORY_MB} MB memory, ${config.PIER_BUILD_CPUS} CPUs, ` +
      `${config.PIER_BUILD_TIMEOUT_S} s; ${cgroup.note}`,
  );

  const deadline = AbortSignal.timeout(config.PIER_BUILD_TIMEOUT_S * 1000);
  const labels = { [LABELS.managed]: "true", [LABELS.app]: request.appName, [LABELS.appId]: request.appId };
  const limits = {
    memoryBytes: config.PIER_BUILD_MEMORY_MB * 1024 * 1024,
    nanoCpus: Math.round(config.PIER_BUILD_CPUS * 1e9),
    cgroupParent: cgroup.parent ?? undefined,
  };
  const caFile =
    config.PIER_BUILD_CA_FILE !== "" && existsSync(config.PIER_BUILD_CA_FILE) ? config.PIER_BUILD_CA_FILE : null;
  const builder: ImageBuilder = {
    runtime,
    caFile,
    cacheLimitBytes: config.PIER_BUILD_CACHE_MB * 1024 * 1024,
    appName: request.appName,
    appId: request.appId,
    tag: imageTag(request.appName, request.commitSha),
    log: request.log,
    build: (spec) => runtime.buildImage({ labels, ...spec, limits, onLog: request.log, signal: deadline }),
  };
  const checkout = { contextDir: contextFiles.dir, exclude: [".git", PIER_CONTEXT_DIR], ignorePatterns };
  try {
    if (plan.kind === "dockerfile")
      return { ...(await buildRepoDockerfile(builder, plan.dockerfile, checkout, request.overrides)), plan };
    const options = { ...(await dockerfileOptions(runtime, config, plan, request)), labels };
    if (plan.kind === "static") return { ...(await buildStaticSite(builder, plan, checkout, options)), plan };
    return { ...(await buildNodeApp(builder, plan, checkout, options, request.presetOverrides)), plan };
  } catch (error) {
    if (deadline.aborted)
      throw new DeployFailedError(
        `image build took longer than the build time limit (PIER_BUILD_TIMEOUT_S=${config.PIER_BUILD_TIMEOUT_S})`,
      );
    if (error instanceof ImageBuildError) {
      const dockerfile = plan.kind === "dockerfile" ? plan.dockerfile : null;
      const pull = baseImageFailure(
        error.instruction,
        dockerfile ?? "the generated Dockerfile",
        dockerfile ? await files.readText(dockerfile) : null,
        error.message,
      );
      if (pull) throw new DeployFailedError(`image build failed: ${pull}`);
      if (KILLED.test(error.message)) {
        throw new DeployFailedError(
          "image build failed: a build step was killed (exit 137), most likely past the build memory limit " +
            `(PIER_BUILD_MEMORY_MB=${config.PIER_BUILD_MEMORY_MB}): ${error.message}`,
        );
      }
      throw new DeployFailedError(`image build failed: ${error.message}`);
    }
    throw error;
  }
}

async function dockerfileOptions(
  runtime: ContainerRuntime,
  config: PierConfig,
  plan: Exclude<BuildPlan, { kind: "dockerfile" }>,
  request: ImageBuildRequest,
): Promise<Omit<DockerfileOptions, "labels">> {
  const baseImage = await chooseBaseImage(
    runtime,
    config,
    plan.kind === "node" ? plan.node : { major: null, source: null },
    request.log,
  );
  const withCa = config.PIER_BUILD_CA_FILE !== "" && existsSync(config.PIER_BUILD_CA_FILE);
  if (withCa) request.log(`Build trusts the CA bundle ${config.PIER_BUILD_CA_FILE}`);
  return {
    baseImage,
    withCa,
    registry: config.PIER_NPM_REGISTRY,
    overrides: request.overrides,
    siteConfig: await siteConfigOf(request),
  };
}

/** vercel.json's rewrites, redirects and headers, for Pier's static server (if the app is served that way). */
async function siteConfigOf(request: ImageBuildRequest): Promise<string | null> {
  const text = await request.files.readText("vercel.json");
  if (text === null) return null;
  try {
    const { config, notes } = parseVercelJson(text);
    for (const note of notes) request.log(note);
    return JSON.stringify(config);
  } catch (error) {
    throw new DeployFailedError((error as Error).message);
  }
}
