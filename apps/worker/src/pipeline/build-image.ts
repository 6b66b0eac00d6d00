import type { ContainerRuntime } from "@pier/runtime";
import { ImageBuildError } from "@pier/runtime";
import { LABELS, type PierConfig } from "@pier/shared";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chooseBaseImage, nodeImages } from "../build/base-image.ts";
import { buildCgroup } from "../build/build-cgroup.ts";
import { describePlan, detectBuildPlan, type BuildPlan } from "../build/detect.ts";
import { CA_FILE_IN_CONTEXT, finishingDockerfile, GENERATED_DOCKERFILE, generatedDockerfile, PIER_CONTEXT_DIR, STATIC_SERVER_IN_CONTEXT, type BuildOverrides } from "../build/dockerfiles.ts";
import type { PresetOverrides } from "../build/framework.ts";
import type { RepoFiles } from "../build/repo-files.ts";
import { staticServerFiles } from "../build/static-server/files.ts";
import { DeployFailedError } from "../errors.ts";

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
  return text === null ? [] : text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/** Pier's own files for a generated build: the Dockerfile, the CA bundle, the static server. */
async function generatedFiles(config: PierConfig, plan: Exclude<BuildPlan, { kind: "dockerfile" }>, dockerfile: string, withCa: boolean): Promise<Map<string, Buffer>> {
  const extra = new Map<string, Buffer>([[GENERATED_DOCKERFILE, Buffer.from(dockerfile)]]);
  if (withCa) extra.set(CA_FILE_IN_CONTEXT, await readFile(config.PIER_BUILD_CA_FILE));
  const servesStatic = plan.kind === "static" || plan.preset.framework === "static";
  if (servesStatic) for (const [file, content] of await staticServerFiles()) extra.set(`${STATIC_SERVER_IN_CONTEXT}/${file}`, content);
  return extra;
}

/** Detects how to build the app's root directory, generates Pier's build files if needed, and builds the image. */
export async function buildAppImage(runtime: ContainerRuntime, config: PierConfig, request: ImageBuildRequest): Promise<BuiltImage> {
  const { files } = request;
  const images = nodeImages(config);
  const plan = await detectBuildPlan(files, {
    configuredPort: request.configuredPort,
    presetOverrides: request.presetOverrides,
    nodeMajors: images.majors,
    defaultNodeMajor: images.defaultMajor,
  });
  for (const line of describePlan(plan)) request.log(line);
  let dockerfile = "Dockerfile";
  let extraFiles = new Map<string, Buffer>();
  if (plan.kind === "dockerfile" && (request.overrides.install || request.overrides.build)) {
    request.log("Note: pier.json install/build commands don't apply to a repo with its own Dockerfile (its RUN steps do that)");
  }
  if (plan.kind !== "dockerfile") {
    const baseImage = await chooseBaseImage(runtime, config, plan.kind === "node" ? plan.node : { major: null, source: null }, request.log);
    const withCa = config.PIER_BUILD_CA_FILE !== "" && existsSync(config.PIER_BUILD_CA_FILE);
    if (withCa) request.log(`Build trusts the CA bundle ${config.PIER_BUILD_CA_FILE}`);
    const text = generatedDockerfile(plan, { baseImage, withCa, registry: config.PIER_NPM_REGISTRY, overrides: request.overrides });
    request.log(`Generated Dockerfile:\n${text.trimEnd()}`);
    dockerfile = GENERATED_DOCKERFILE;
    extraFiles = await generatedFiles(config, plan, text, withCa);
  }
  const ignorePatterns = await dockerignorePatterns(files);
  if (ignorePatterns.length) request.log(`.dockerignore: leaving out ${ignorePatterns.length} pattern(s) from the build context`);
  const cgroup = await buildCgroup(config.PIER_BUILD_PIDS);
  request.log(`Build limits: ${config.PIER_BUILD_MEMORY_MB} MB memory, ${config.PIER_BUILD_CPUS} CPUs, ${config.PIER_BUILD_TIMEOUT_S} s; ${cgroup.note}`);

  const tag = imageTag(request.appName, request.commitSha);
  const labels = { [LABELS.managed]: "true", [LABELS.app]: request.appName, [LABELS.appId]: request.appId };
  const limits = { memoryBytes: config.PIER_BUILD_MEMORY_MB * 1024 * 1024, nanoCpus: Math.round(config.PIER_BUILD_CPUS * 1e9), cgroupParent: cgroup.parent ?? undefined };
  const deadline = AbortSignal.timeout(config.PIER_BUILD_TIMEOUT_S * 1000);
  request.log(`Building image ${tag}`);
  try {
    let { imageId } = await runtime.buildImage({
      contextDir: files.dir,
      dockerfile,
      tag,
      labels,
      exclude: [".git", PIER_CONTEXT_DIR],
      ignorePatterns,
      extraFiles,
      limits,
      onLog: request.log,
      signal: deadline,
    });
    const finishing = plan.kind === "dockerfile" ? finishingDockerfile(imageId, request.overrides) : null;
    if (finishing) {
      // pier.json's start command and env become part of the image, so rollbacks and exports run it the same way.
      request.log(`Applying pier.json to the image:\n${finishing.trimEnd()}`);
      const emptyDir = await mkdtemp(path.join(tmpdir(), "pier-finish-"));
      try {
        const extra = new Map([[GENERATED_DOCKERFILE, Buffer.from(finishing)]]);
        ({ imageId } = await runtime.buildImage({ contextDir: emptyDir, dockerfile: GENERATED_DOCKERFILE, tag, labels, extraFiles: extra, onLog: request.log }));
      } finally {
        await rm(emptyDir, { recursive: true, force: true });
      }
    }
    return { imageId, tag, plan };
  } catch (error) {
    if (deadline.aborted) throw new DeployFailedError(`image build took longer than the build time limit (PIER_BUILD_TIMEOUT_S=${config.PIER_BUILD_TIMEOUT_S})`);
    if (error instanceof ImageBuildError) {
      if (KILLED.test(error.message)) {
        throw new DeployFailedError(`image build failed: a build step was killed (exit 137), most likely past the build memory limit (PIER_BUILD_MEMORY_MB=${config.PIER_BUILD_MEMORY_MB}): ${error.message}`);
      }
      throw new DeployFailedError(`image build failed: ${error.message}`);
    }
    throw error;
  }
}
