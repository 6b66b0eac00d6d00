import type { BuildSpec, ContainerRuntime } from "@pier/runtime";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildStageTag } from "@pier/shared";
import { cacheLayout, cacheRestore, describeRestore } from "./build-cache.ts";
import { collectorScript, readBuildFacts } from "./build-output/facts.ts";
import {
  decideBeforeBuild,
  decideServing,
  expectedServing,
  factCandidates,
  sameCommand,
  type Serving,
} from "./build-output/serving.ts";
import type { BuildPlan, NodePlan } from "./detect.ts";
import {
  buildStageDockerfile,
  CA_FILE_IN_CONTEXT,
  commandLines,
  COLLECTOR_IN_CONTEXT,
  finishingDockerfile,
  GENERATED_DOCKERFILE,
  INSTALL_MANIFEST_IN_CONTEXT,
  servingDockerfile,
  STATIC_SERVER_IN_CONTEXT,
  staticSiteDockerfile,
  type BuildOverrides,
  type DockerfileOptions,
} from "./dockerfiles.ts";
import type { PresetOverrides } from "./framework.ts";
import { staticServerFiles } from "./static-server/files.ts";

type BuildRun = Omit<BuildSpec, "labels" | "limits" | "onLog" | "signal">;

/**
 * A build of a Dockerfile Pier wrote, in `context` with Pier's `files` beside it (they travel in the
 * context stream only). The Dockerfile carries the image's labels itself (DockerfileOptions.labels).
 */
function buildGenerated(
  builder: ImageBuilder,
  context: Checkout,
  tag: string,
  dockerfile: string,
  files: Map<string, Buffer>,
): Promise<{ imageId: string }> {
  const extraFiles = new Map([...files, [GENERATED_DOCKERFILE, Buffer.from(dockerfile)]]);
  return builder.build({ ...context, dockerfile: GENERATED_DOCKERFILE, tag, extraFiles, labels: {} });
}

/** What every build of one deployment shares: the engine, the app's tag, the limits and the log. */
export interface ImageBuilder {
  runtime: ContainerRuntime;
  appName: string;
  appId: string;
  /** The app image's tag, `pier/<app>:<sha12>`. */
  tag: string;
  /** The CA bundle builds trust (installs behind TLS-intercepting proxies), if any. */
  caFile: string | null;
  /** PIER_BUILD_CACHE_MB, in bytes: what an app's build caches may hold. */
  cacheLimitBytes: number;
  log: (line: string) => void;
  /** One docker build, under the build limits and deadline, its output in the deploy log; the app's labels
   *  are added unless the spec names its own. */
  build(spec: BuildRun & { labels?: Record<string, string> }): Promise<{ imageId: string }>;
}

/** The checkout as a build context: where it is and what is left out. */
export type Checkout = Pick<BuildRun, "contextDir" | "exclude" | "ignorePatterns">;

/** The repository's own Dockerfile, then (when pier.json has a start command or env) a thin layer on it. */
export async function buildRepoDockerfile(
  builder: ImageBuilder,
  dockerfile: string,
  checkout: Checkout,
  overrides: BuildOverrides,
): Promise<{ imageId: string; tag: string }> {
  if (overrides.install || overrides.build) {
    builder.log(
      "Note: pier.json install/build commands don't apply to a repo with its own Dockerfile (its RUN steps do that)",
    );
  }
  builder.log(`Building image ${builder.tag}`);
  let { imageId } = await builder.build({ ...checkout, dockerfile, tag: builder.tag });
  const finishing = finishingDockerfile(imageId, overrides);
  if (finishing) {
    // pier.json's start command and env become part of the image, so rollbacks and exports run it the same way.
    builder.log(`Applying pier.json to the image:\n${finishing.trimEnd()}`);
    ({ imageId } = await buildFromPierFiles(builder, builder.tag, finishing, new Map()));
  }
  return { imageId, tag: builder.tag };
}

/** A plain static site: its files are the checkout, served by Pier's static server. */
export async function buildStaticSite(
  builder: ImageBuilder,
  plan: Extract<BuildPlan, { kind: "static" }>,
  checkout: Checkout,
  options: DockerfileOptions,
): Promise<{ imageId: string; tag: string }> {
  const text = staticSiteDockerfile(plan, options);
  builder.log(`Generated Dockerfile:\n${text.trimEnd()}`);
  const extra = new Map([...(await caInContext(builder)), ...(await staticServerInContext())]);
  builder.log(`Building image ${builder.tag}`);
  const { imageId } = await buildGenerated(builder, checkout, builder.tag, text, extra);
  return { imageId, tag: builder.tag };
}

/**
 * A Node app in two builds: the build stage installs, builds and writes down what the build produced;
 * from those facts Pier decides how to serve it, and the second build makes the image that does.
 */
export async function buildNodeApp(
  builder: ImageBuilder,
  plan: NodePlan,
  checkout: Checkout,
  options: DockerfileOptions,
  overrides: PresetOverrides,
): Promise<{ imageId: string; tag: string; serving: Serving }> {
  const builds = Boolean(options.overrides.build) || plan.buildScript || plan.preset.framework === "nextjs";
  const layout = cacheLayout(plan, builds);
  const restore = await cacheRestore(builder.runtime, { name: builder.appName, id: builder.appId }, layout);
  builder.log(describeRestore(restore));
  const caches = { layout, restore, limitBytes: builder.cacheLimitBytes };
  const inputs = {
    preset: plan.preset,
    overrides,
    startScript: plan.startScript,
    runScript: plan.packageManager.run,
    mainFile: plan.mainFile,
  };
  const known = decideBeforeBuild(inputs);
  if (known) builder.log(`Serving: ${describeServing(known)} (known before the build: one build makes the image)`);
  const expected = known ? null : expectedServing(inputs);
  const finish = known ?? expected;
  const stageText = buildStageDockerfile(plan, options, factCandidates(plan.preset), caches, {
    finish: finish ? commandLines(finish) : [],
    factsNeeded: !known,
  });
  builder.log(`Generated Dockerfile${known ? "" : " (build stage)"}:\n${stageText.trimEnd()}`);
  const extra = new Map([...(await caInContext(builder)), [COLLECTOR_IN_CONTEXT, await collectorScript()]]);
  if (plan.rootHooks) extra.set(INSTALL_MANIFEST_IN_CONTEXT, Buffer.from(plan.rootHooks.installManifest));
  if (known) {
    builder.log(`Building image ${builder.tag}`);
    const { imageId } = await buildGenerated(builder, checkout, builder.tag, stageText, extra);
    // The app's image is its build stage too: it holds the caches for the next build.
    await builder.runtime.tagImage(imageId, buildStageTag(builder.appName));
    return { imageId, tag: builder.tag, serving: known };
  }
  // A tag of this build's own while it runs: another deploy of the app may build at the same time.
  const stageTag = `${buildStageTag(builder.appName)}-${Math.random().toString(36).slice(2, 10)}`;
  builder.log(`Building the build stage`);
  const stage = await buildGenerated(builder, checkout, stageTag, stageText, extra);
  try {
    const facts = await readBuildFacts(
      (image, file, max) => builder.runtime.readImageFile(image, file, max),
      stage.imageId,
    );
    const serving = decideServing({ ...inputs, facts });
    builder.log(`Serving: ${describeServing(serving)}`);
    if (expected && sameCommand(serving, expected)) {
      builder.log("The build stage was made ready for this: it is the app's image (no second build)");
      await builder.runtime.tagImage(stage.imageId, builder.tag);
      return { imageId: stage.imageId, tag: builder.tag, serving };
    }
    const text = servingDockerfile(plan, serving, stage.imageId, options);
    builder.log(`Generated Dockerfile (serving):\n${text.trimEnd()}`);
    const files = serving.kind === "static" ? await staticServerInContext() : new Map<string, Buffer>();
    builder.log(`Building image ${builder.tag}`);
    const { imageId } = await buildFromPierFiles(builder, builder.tag, text, files);
    return { imageId, tag: builder.tag, serving };
  } finally {
    await builder.runtime.tagImage(stage.imageId, buildStageTag(builder.appName));
    await builder.runtime.removeImage(stageTag); // only the tag: the image keeps the app's build-stage tag
  }
}

export function describeServing(serving: Serving): string {
  switch (serving.kind) {
    case "static":
      return `${serving.reason}, with Pier's static server`;
    case "next-standalone":
      return `${serving.reason}: its standalone server (node server.js)`;
    case "self-contained":
      return `${serving.reason}: ${serving.argv.join(" ")}, with only ${serving.dir}/ in the image`;
    case "command": {
      const command = "shell" in serving.command ? serving.command.shell : serving.command.argv.join(" ");
      return `${serving.reason}: ${command}`;
    }
  }
}

/** A build whose context is only Pier's files (the Dockerfile and what it copies), not the checkout. */
async function buildFromPierFiles(
  builder: ImageBuilder,
  tag: string,
  dockerfile: string,
  files: Map<string, Buffer>,
): Promise<{ imageId: string }> {
  const emptyDir = await mkdtemp(path.join(tmpdir(), "pier-build-"));
  try {
    // Its images are made FROM one that has the app's labels, or carry them in the Dockerfile.
    return await buildGenerated(builder, { contextDir: emptyDir }, tag, dockerfile, files);
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
  }
}

async function caInContext(builder: ImageBuilder): Promise<Map<string, Buffer>> {
  return builder.caFile ? new Map([[CA_FILE_IN_CONTEXT, await readFile(builder.caFile)]]) : new Map();
}

async function staticServerInContext(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const [file, content] of await staticServerFiles()) files.set(`${STATIC_SERVER_IN_CONTEXT}/${file}`, content);
  return files;
}
