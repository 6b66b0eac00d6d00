import type { BuildPlan, NodePlan } from "./detect.ts";
import { STATIC_SERVER_INSTALL_DIR } from "./static-server/files.ts";

/**
 * Where Pier's own files sit in the build context. They travel in the context stream only (the
 * checkout is never written to); a `.pier` folder of the repository's is left out of the context.
 */
export const PIER_CONTEXT_DIR = ".pier";
export const GENERATED_DOCKERFILE = `${PIER_CONTEXT_DIR}/Dockerfile`;
export const CA_FILE_IN_CONTEXT = `${PIER_CONTEXT_DIR}/ca.crt`;
export const STATIC_SERVER_IN_CONTEXT = `${PIER_CONTEXT_DIR}/static-server`;

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
  overrides: BuildOverrides;
}

/** A user command as a Dockerfile exec-form instruction: JSON-quoted, so no newline can start a new instruction. */
const shell = (instruction: "RUN" | "CMD", command: string) => `${instruction} ["sh", "-c", ${JSON.stringify(command)}]`;
const exec = (instruction: "RUN" | "CMD", argv: string[]) => `${instruction} ${JSON.stringify(argv)}`;
const envLine = (env: Record<string, string>) => {
  const entries = Object.entries(env);
  return entries.length ? [`ENV ${entries.map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(" ")}`] : [];
};
const volumeLines = (paths: string[] = []) => (paths.length ? [exec("RUN", ["mkdir", "-p", ...paths]), exec("RUN", ["chown", "node:node", ...paths])] : []);

function caLines(withCa: boolean): string[] {
  if (!withCa) return [];
  const target = "/usr/local/share/pier-build-ca.crt";
  return [`COPY ${CA_FILE_IN_CONTEXT} ${target}`, ...envLine({ NODE_EXTRA_CA_CERTS: target, npm_config_cafile: target })];
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

/**
 * Install dependencies and build, in /app: shared by every Node preset (the first stage of multi-stage
 * ones). `beforeSource` lands between the install and the source copy (cached layers); NODE_ENV=production
 * comes only after the install, which would otherwise leave out devDependencies the build needs.
 */
function buildStage(plan: NodePlan, options: DockerfileOptions, stageName: string | null, beforeSource: string[] = []): string[] {
  const pm = plan.packageManager;
  const { overrides } = options;
  const lines = [
    `FROM ${options.baseImage}${stageName ? ` AS ${stageName}` : ""}`,
    "WORKDIR /app",
    ...caLines(options.withCa),
    // Yarn 2+: the package cache inside the project, so the app's user can read it at run time (Plug'n'Play).
    ...envLine({ ...registryEnv(options.registry), YARN_ENABLE_GLOBAL_CACHE: "false", YARN_ENABLE_TELEMETRY: "0", npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" }),
  ];
  if (pm.globalPackage) lines.push(exec("RUN", ["npm", "install", "--global", "--no-audit", "--no-fund", pm.globalPackage]));
  const install = overrides.install ? shell("RUN", overrides.install) : shell("RUN", pm.install);
  // Manifests first, so the install layer is cached until dependencies change; install scripts and
  // workspaces need the whole source.
  if (plan.installNeedsSource) lines.push("COPY . .", install, ...beforeSource);
  else lines.push(...pm.manifests.map((file) => `COPY ${JSON.stringify([file, `./${file}`])}`), install, ...beforeSource, "COPY . .");
  if (overrides.build) lines.push(shell("RUN", overrides.build));
  else if (plan.buildScript) lines.push(shell("RUN", `${pm.run} build`));
  else if (plan.preset.framework === "nextjs") lines.push(exec("RUN", ["npx", "--no-install", "next", "build"]));
  return lines;
}

/** Pier's static server serving /srv/site; `site` is the instruction that puts the files there. */
function staticServeLines(port: number, options: DockerfileOptions, spa: boolean | undefined, site: string): string[] {
  return [
    `COPY ${STATIC_SERVER_IN_CONTEXT} ${STATIC_SERVER_INSTALL_DIR}`,
    ...runtimeLines(port, options, { PIER_SPA: spa === undefined ? "auto" : spa ? "1" : "0" }),
    site,
    exec("RUN", ["node", `${STATIC_SERVER_INSTALL_DIR}/precompress.mjs`, "/srv/site"]),
    "USER node",
    options.overrides.start ? shell("CMD", options.overrides.start) : exec("CMD", ["node", `${STATIC_SERVER_INSTALL_DIR}/server.mjs`, "/srv/site"]),
  ];
}

/** Moves the first output folder the build wrote to /pier-site, or fails naming the folders it looked for. */
function collectOutput(dirs: string[]): string {
  const list = dirs.map((d) => JSON.stringify(d)).join(" ");
  const names = dirs.map((d) => `${d}/`).join(", ");
  return shell("RUN", `for d in ${list}; do if [ -d "$d" ]; then echo "Serving the build output $d/"; cp -a "$d" /pier-site; exit 0; fi; done; echo "The build wrote none of ${names}: set outputDir in pier.json" >&2; exit 1`);
}

/** The Dockerfile Pier writes for apps without their own. Every command is exec-form JSON. */
export function generatedDockerfile(plan: Exclude<BuildPlan, { kind: "dockerfile" }>, options: DockerfileOptions): string {
  const lines: string[] = [];
  if (plan.kind === "static") {
    lines.push(`FROM ${options.baseImage}`, ...caLines(options.withCa), ...staticServeLines(plan.port, options, plan.spa, "COPY . /srv/site"));
    return `${lines.join("\n")}\n`;
  }
  const { preset, packageManager: pm } = plan;
  if (preset.framework === "static") {
    lines.push(...buildStage(plan, options, "build"), collectOutput(preset.outputDirs ?? ["dist", "build", "out"]));
    lines.push(`FROM ${options.baseImage}`, ...staticServeLines(plan.port, options, preset.spa, "COPY --from=build /pier-site /srv/site"));
    return `${lines.join("\n")}\n`;
  }
  if (preset.framework === "nextjs" && preset.standalone && !options.overrides.start) {
    // Next's standalone server carries only what it needs; HOSTNAME is what it binds to.
    lines.push(...buildStage(plan, options, "build"));
    lines.push(`FROM ${options.baseImage}`, "WORKDIR /app", ...runtimeLines(plan.port, options, { HOSTNAME: "0.0.0.0", NEXT_TELEMETRY_DISABLED: "1" }));
    lines.push("COPY --from=build /app/.next/standalone ./", "COPY --from=build /app/.next/static ./.next/static");
    if (plan.hasPublicDir) lines.push("COPY --from=build /app/public ./public");
    lines.push("USER node", exec("CMD", ["node", "server.js"]));
    return `${lines.join("\n")}\n`;
  }
  const extraEnv: Record<string, string> = preset.framework === "nextjs" ? { NEXT_TELEMETRY_DISABLED: "1" } : {};
  lines.push(...buildStage(plan, options, null, runtimeLines(plan.port, options, extraEnv)));
  // next start writes its cache under .next at run time, as the app's user.
  if (preset.framework === "nextjs") lines.push(exec("RUN", ["sh", "-c", "mkdir -p .next/cache && chown -R node:node .next"]));
  lines.push("USER node");
  if (options.overrides.start) lines.push(shell("CMD", options.overrides.start));
  else if (plan.startScript) lines.push(exec("CMD", [...pm.run.split(" "), "start"]));
  else if (preset.framework === "nextjs") lines.push(exec("CMD", ["npx", "--no-install", "next", "start"]));
  else lines.push(exec("CMD", ["node", plan.mainFile ?? "server.js"]));
  return `${lines.join("\n")}\n`;
}

/** For a repo's own Dockerfile: a thin layer on the built image with pier.json's start command and env. */
export function finishingDockerfile(builtImageId: string, overrides: BuildOverrides): string | null {
  const lines = [...envLine(overrides.env ?? {}), ...(overrides.start ? [shell("CMD", overrides.start)] : [])];
  return lines.length ? `FROM ${builtImageId}\n${lines.join("\n")}\n` : null;
}
