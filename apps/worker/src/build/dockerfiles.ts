import path from "node:path";
import { BUILD_CACHE_LABEL, type BuildCacheLayout, type CacheRestore } from "./build-cache.ts";
import { COLLECTOR_IN_IMAGE, FACTS_FILE_IN_IMAGE } from "./build-output/facts.ts";
import type { Serving } from "./build-output/serving.ts";
import type { BuildPlan, NodePlan } from "./detect.ts";
import { STATIC_SERVER_INSTALL_DIR } from "./static-server/files.ts";
import { SITE_CONFIG_ENV } from "./static-server/site-config.ts";

/**
 * Where Pier's own files sit in the build context. They travel in the context stream only (the
 * checkout is never written to); a `.pier` folder of the repository's is left out of the context.
 */
export const PIER_CONTEXT_DIR = ".pier";
export const GENERATED_DOCKERFILE = `${PIER_CONTEXT_DIR}/Dockerfile`;
export const CA_FILE_IN_CONTEXT = `${PIER_CONTEXT_DIR}/ca.crt`;
export const STATIC_SERVER_IN_CONTEXT = `${PIER_CONTEXT_DIR}/static-server`;
export const COLLECTOR_IN_CONTEXT = `${PIER_CONTEXT_DIR}/collect-facts.mjs`;
/** package.json without the app's install hooks, for an install that runs before the source comes in. */
export const INSTALL_MANIFEST_IN_CONTEXT = `${PIER_CONTEXT_DIR}/install/package.json`;

/** Commands and env from pier.json that replace what detection would do. */
export interface BuildOverrides {
  install?: string;
  build?: string;
  start?: string;
  env?: Record<string, string>;
  /** Mount points of persistent volumes: made and owned by the app's user, so a fresh volume is writable. */
  volumePaths?: string[];
}

export interface DockerfileOptions {
  baseImage: string;
  /** Trust the host's CA bundle (installs behind TLS-intercepting proxies). */
  withCa: boolean;
  /** The npm registry every package manager uses ("" leaves each one's default). */
  registry: string;
  /** vercel.json's rules for Pier's static server (JSON), when the app has one. */
  siteConfig?: string | null;
  overrides: BuildOverrides;
  /**
   * The image's labels (app, app id), written as one LABEL instruction: with the legacy builder each label
   * the build API adds costs an instruction and a container commit of its own, after every changed layer.
   */
  labels: Record<string, string>;
}

/** The user that runs the app in every image Pier makes (the Node images' own `node`). */
export const APP_USER = "node";

/** A user command as a Dockerfile exec-form instruction: JSON-quoted, so no newline can start a new instruction. */
const shell = (instruction: "RUN" | "CMD", command: string) =>
  `${instruction} ["sh", "-c", ${JSON.stringify(command)}]`;
const exec = (instruction: "RUN" | "CMD", argv: string[]) => `${instruction} ${JSON.stringify(argv)}`;
// ENV expands $VAR in its values: a "$" of a value (a vercel.json destination "/$1", a user's env) stays literal.
const envValue = (value: string) => JSON.stringify(value).replace(/\$/g, "\\$");
const envLine = (env: Record<string, string>) => {
  const entries = Object.entries(env);
  return entries.length ? [`ENV ${entries.map(([k, v]) => `${k}=${envValue(v)}`).join(" ")}`] : [];
};
const labelLine = (labels: Record<string, string>) =>
  Object.keys(labels).length
    ? [
        `LABEL ${Object.entries(labels)
          .map(([k, v]) => `${k}=${envValue(v)}`)
          .join(" ")}`,
      ]
    : [];
/** A shell word: single-quoted, so nothing in it is expanded. */
const shellWord = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;
const volumeLines = (paths: string[] = []) =>
  paths.length
    ? [exec("RUN", ["mkdir", "-p", ...paths]), exec("RUN", ["chown", `${APP_USER}:${APP_USER}`, ...paths])]
    : [];

function caLines(withCa: boolean): string[] {
  if (!withCa) return [];
  const target = "/usr/local/share/pier-build-ca.crt";
  return [
    `COPY ${CA_FILE_IN_CONTEXT} ${target}`,
    ...envLine({ NODE_EXTRA_CA_CERTS: target, npm_config_cafile: target }),
  ];
}

/** Package managers read the registry from different settings; yarn.lock's registry.yarnpkg.com URLs follow it too. */
function registryEnv(registry: string): Record<string, string> {
  return registry ? { npm_config_registry: registry, YARN_REGISTRY: registry, YARN_NPM_REGISTRY_SERVER: registry } : {};
}

/**
 * What every stage that starts the app gets: where to listen (many frameworks read HOST), and the user's
 * env. Placed before the source is copied, so these layers stay cached: with the legacy builder every
 * instruction after a changed layer costs a container commit.
 */
function runtimeLines(port: number, options: DockerfileOptions, extraEnv: Record<string, string> = {}): string[] {
  return [
    ...envLine({ NODE_ENV: "production", PORT: String(port), HOST: "0.0.0.0", ...extraEnv }),
    ...envLine(options.overrides.env ?? {}),
    ...volumeLines(options.overrides.volumePaths),
    `EXPOSE ${port}`,
  ];
}

/** The build caches of a build stage: what it restores from the app's previous one, and what it keeps. */
export interface StageCaches {
  layout: BuildCacheLayout;
  restore: CacheRestore | null;
  limitBytes: number;
}

/** Where the app's folder is in the build stage: /app, or its path in the workspace under /app. */
export const appDirOf = (plan: NodePlan) => (plan.workspace ? `/app/${plan.workspace.appPath}` : "/app");

const copyFrom = (image: string, dir: string, owner?: string) =>
  `COPY ${owner ? `--chown=${owner}:${owner} ` : ""}--from=${image} ${JSON.stringify([dir, dir])}`;

/** The app's build command, if it has one: pier.json's, its build script, or `next build` for Next.js. */
function buildCommand(plan: NodePlan, options: DockerfileOptions): string | null {
  if (options.overrides.build) return options.overrides.build;
  if (plan.buildScript) return `${plan.packageManager.run} build`;
  return plan.preset.framework === "nextjs" ? "npx --no-install next build" : null;
}

/**
 * Install dependencies, in /app: the lines up to (not including) the build. `beforeSource` lands between
 * the install and the source copy (cached layers); NODE_ENV=production comes only after the install, which
 * would otherwise leave out devDependencies the build needs. The package manager's store comes back before
 * the install (it only matters when the lockfile changed), the framework caches before the source.
 */
function installStage(
  plan: NodePlan,
  options: DockerfileOptions,
  caches: StageCaches,
  beforeSource: string[],
): string[] {
  const pm = plan.packageManager;
  const { restore } = caches;
  const lines = [
    `FROM ${options.baseImage}`,
    "WORKDIR /app",
    ...caLines(options.withCa),
    `COPY ${COLLECTOR_IN_CONTEXT} ${COLLECTOR_IN_IMAGE}`,
    // Yarn 2+: the package cache inside the project, so the app's user can read it at run time (Plug'n'Play).
    ...envLine({
      ...registryEnv(options.registry),
      YARN_ENABLE_GLOBAL_CACHE: "false",
      YARN_ENABLE_TELEMETRY: "0",
      npm_config_update_notifier: "false",
      npm_config_fund: "false",
      npm_config_audit: "false",
    }),
  ];
  if (pm.globalPackage)
    lines.push(exec("RUN", ["npm", "install", "--global", "--no-audit", "--no-fund", pm.globalPackage]));
  if (pm.setup) lines.push(shell("RUN", pm.setup));
  if (restore?.storeDir) lines.push(copyFrom(restore.fromImage, restore.storeDir));
  const installCommand = options.overrides.install ?? pm.install;
  // The store must exist for the next build to copy it back, even after an install that wrote nothing.
  const install = shell(
    "RUN",
    caches.layout.storeDir ? `${installCommand} && mkdir -p ${caches.layout.storeDir}` : installCommand,
  );
  // The app's user owns the restored caches already: a Next.js build folder is handed to it after the build.
  const appCaches = restore
    ? restore.appDirs.map((dir) => copyFrom(restore.fromImage, `${appDirOf(plan)}/${dir}`, APP_USER))
    : [];
  // Manifests first, so the install layer is cached until dependencies change; install scripts and
  // workspaces need the whole source.
  if (plan.installNeedsSource) lines.push("COPY . .", install, ...beforeSource, ...appCaches);
  else
    lines.push(
      ...pm.manifests.map((file) => {
        const from = file === "package.json" && plan.rootHooks ? INSTALL_MANIFEST_IN_CONTEXT : file;
        return `COPY ${JSON.stringify([from, `./${file}`])}`;
      }),
      install,
      ...beforeSource,
      ...appCaches,
      "COPY . .",
    );
  // In a workspace the install ran at its root; the app builds (and later runs) in its own folder.
  if (plan.workspace) lines.push(`WORKDIR ${appDirOf(plan)}`);
  return lines;
}

/** Pier's static server serving /srv/site; `site` is the instruction that puts the files there. */
function staticServeLines(port: number, options: DockerfileOptions, spa: boolean | undefined, site: string): string[] {
  return [
    `COPY ${STATIC_SERVER_IN_CONTEXT} ${STATIC_SERVER_INSTALL_DIR}`,
    ...runtimeLines(port, options, {
      PIER_SPA: spa === undefined ? "auto" : spa ? "1" : "0",
      ...(options.siteConfig ? { [SITE_CONFIG_ENV]: options.siteConfig } : {}),
    }),
    ...labelLine(options.labels),
    site,
    exec("RUN", ["node", `${STATIC_SERVER_INSTALL_DIR}/precompress.mjs`, "/srv/site"]),
    `USER ${APP_USER}`,
    options.overrides.start
      ? shell("CMD", options.overrides.start)
      : exec("CMD", ["node", `${STATIC_SERVER_INSTALL_DIR}/server.mjs`, "/srv/site"]),
  ];
}

/** The Dockerfile of a plain static site (index.html at the root, no package.json): one stage. */
export function staticSiteDockerfile(plan: Extract<BuildPlan, { kind: "static" }>, options: DockerfileOptions): string {
  const lines = [
    `FROM ${options.baseImage}`,
    ...caLines(options.withCa),
    ...staticServeLines(plan.port, options, plan.spa, "COPY . /srv/site"),
  ];
  return `${lines.join("\n")}\n`;
}

/**
 * The first of a Node app's two builds: install, build, then write down what the build produced
 * (build-output/collect-facts.mjs), from which Pier decides how to serve it (servingDockerfile).
 * `finish` (USER and CMD) makes the stage the app's image as well: when serving is known before the build
 * (no facts needed), or (Next.js) when it is what the build is expected to produce and the facts then agree.
 */
export function buildStageDockerfile(
  plan: NodePlan,
  options: DockerfileOptions,
  factPaths: string[],
  caches: StageCaches,
  { finish = [], factsNeeded = true }: { finish?: string[]; factsNeeded?: boolean } = {},
): string {
  const { layout } = caches;
  const nextjs = plan.preset.framework === "nextjs";
  // Every label in one instruction before the source, so a source change adds no label commits.
  const labels = labelLine({ ...options.labels, [BUILD_CACHE_LABEL]: JSON.stringify(layout) });
  // CMD is read by no later step, so it goes before the source too; USER must wait until the build ran.
  const command = finish.filter((line) => line.startsWith("CMD"));
  const beforeSource = [
    ...runtimeLines(plan.port, options, nextjs ? { NEXT_TELEMETRY_DISABLED: "1" } : {}),
    ...labels,
    ...command,
  ];
  const afterBuild = finish.filter((line) => !command.includes(line));
  const lines = installStage(plan, options, caches, beforeSource);
  // What runs once the source is in: the app's install hooks (as its package manager would run them, with
  // its binaries on PATH), then its build. Each in a subshell of its own lines, so a command's comments
  // and operators can't reach the next one.
  const hooks = plan.rootHooks?.commands ?? [];
  const buildStep = buildCommand(plan, options);
  const steps = [...hooks, ...(buildStep ? [buildStep] : [])];
  const onPath = hooks.length ? 'export PATH="$PWD/node_modules/.bin:$PATH" && ' : "";
  const build = steps.length ? onPath + steps.map((command) => `(\n${command}\n)`).join(" && ") : null;
  const keep = {
    dirs: [...layout.appDirs, ...(layout.storeDir ? [layout.storeDir] : [])],
    limitBytes: caches.limitBytes,
    ...(nextjs ? { nextWritableBy: APP_USER } : {}),
  };
  const collectorArgs = [COLLECTOR_IN_IMAGE, FACTS_FILE_IN_IMAGE, JSON.stringify(factPaths), JSON.stringify(keep)];
  // The collector writes the facts, and keeps the caches when there are any.
  const collects = factsNeeded || layout.appDirs.length > 0;
  if (build && collects) {
    // One step for the build and the collector: one container commit fewer, and what the collector gives
    // the app's user was written in this same layer (nothing copied up).
    lines.push(shell("RUN", `${build} && node ${collectorArgs.map(shellWord).join(" ")}`));
  } else {
    if (build) lines.push(shell("RUN", build));
    if (collects) lines.push(exec("RUN", ["node", ...collectorArgs]));
  }
  if (!build && !collects && lines.at(-1) === "COPY . ." && !afterBuild.some((line) => line.startsWith("RUN"))) {
    // Nothing runs after the source comes in (no build, nothing to collect): everything else goes before it,
    // so a change of the source costs one layer.
    lines.splice(lines.length - 1, 0, ...afterBuild);
    return `${lines.join("\n")}\n`;
  }
  lines.push(...afterBuild);
  return `${lines.join("\n")}\n`;
}

/** The second build: the image that serves the app, made from the build stage's image. */
export function servingDockerfile(
  plan: NodePlan,
  serving: Serving,
  buildImage: string,
  options: DockerfileOptions,
): string {
  const lines: string[] = [];
  const appDir = appDirOf(plan);
  switch (serving.kind) {
    case "static":
      lines.push(`FROM ${buildImage} AS build`, `FROM ${options.baseImage}`);
      lines.push(
        ...staticServeLines(
          plan.port,
          options,
          serving.spa,
          `COPY --from=build ${JSON.stringify([`${appDir}/${serving.dir}`, "/srv/site"])}`,
        ),
      );
      break;
    case "next-standalone": {
      // Next's standalone server carries only what it needs; HOSTNAME is what it binds to. In a monorepo its
      // server.js sits under the app's path, and the static files and public/ go next to it.
      const dist = `${appDir}/${serving.distDir}`;
      const serverDir = path.posix.dirname(serving.server);
      const beside = (rel: string) => `./${serverDir === "." ? "" : `${serverDir}/`}${rel}`;
      lines.push(`FROM ${buildImage} AS build`, `FROM ${options.baseImage}`, "WORKDIR /app");
      lines.push(...runtimeLines(plan.port, options, { HOSTNAME: "0.0.0.0", NEXT_TELEMETRY_DISABLED: "1" }));
      lines.push(...labelLine(options.labels));
      lines.push(
        copyFromBuild(`${dist}/standalone/`, "./"),
        copyFromBuild(`${dist}/static`, beside(`${serving.distDir}/static`)),
      );
      if (plan.hasPublicDir) lines.push(copyFromBuild(`${appDir}/public`, beside("public")));
      lines.push(`USER ${APP_USER}`, exec("CMD", ["node", serving.server]));
      break;
    }
    case "self-contained":
      lines.push(
        `FROM ${buildImage} AS build`,
        `FROM ${options.baseImage}`,
        "WORKDIR /app",
        ...runtimeLines(plan.port, options),
        ...labelLine(options.labels),
      );
      lines.push(
        copyFromBuild(`${appDir}/${serving.dir}`, `./${serving.dir}`),
        `USER ${APP_USER}`,
        exec("CMD", serving.argv),
      );
      break;
    case "command":
      // The build stage carries the labels already.
      lines.push(`FROM ${buildImage}`, ...commandLines(serving));
      break;
  }
  return `${lines.join("\n")}\n`;
}

/** The last lines of an image that runs a command in the build stage's filesystem, as the app's user. */
export function commandLines(serving: Extract<Serving, { kind: "command" }>): string[] {
  // e.g. next start writes its cache under .next at run time, as the app's user.
  const writable = serving.writableDirs.map((dir) =>
    exec("RUN", ["sh", "-c", `mkdir -p "$1" && chown -R ${APP_USER}:${APP_USER} "$(dirname "$1")"`, "sh", dir]),
  );
  return [
    ...writable,
    `USER ${APP_USER}`,
    "shell" in serving.command ? shell("CMD", serving.command.shell) : exec("CMD", serving.command.argv),
  ];
}

const copyFromBuild = (from: string, to: string) => `COPY --from=build ${JSON.stringify([from, to])}`;

/** For a repo's own Dockerfile: a thin layer on the built image with pier.json's start command and env. */
export function finishingDockerfile(builtImageId: string, overrides: BuildOverrides): string | null {
  const lines = [...envLine(overrides.env ?? {}), ...(overrides.start ? [shell("CMD", overrides.start)] : [])];
  return lines.length ? `FROM ${builtImageId}\n${lines.join("\n")}\n` : null;
}
