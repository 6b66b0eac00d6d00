import { DeployFailedError } from "../errors.ts";
import { detectPreset, type Preset, type PresetOverrides } from "./framework.ts";
import { requestedNodeVersion, type NodeVersionRequest } from "./node-version.ts";
import { detectPackageManager, type PackageManagerPlan } from "./package-manager.ts";
import type { RepoFiles } from "./repo-files.ts";

export interface NodePlan {
  kind: "node";
  port: number;
  packageManager: PackageManagerPlan;
  preset: Preset;
  node: NodeVersionRequest;
  buildScript: boolean;
  startScript: boolean;
  /** Without a start script: the file `node` runs (package.json `main`, else server.js). */
  mainFile: string | null;
  /** Install scripts or workspaces need the whole source before the install runs. */
  installNeedsSource: boolean;
  hasPublicDir: boolean;
}

export type BuildPlan =
  | { kind: "dockerfile"; dockerfile: string; port: number }
  | NodePlan
  | { kind: "static"; port: number; spa?: boolean };

export const DEFAULT_APP_PORT = 3000;

interface PackageJson {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  engines?: unknown;
  packageManager?: unknown;
  workspaces?: unknown;
  main?: unknown;
}

const INSTALL_HOOKS = ["preinstall", "install", "postinstall", "prepare"];

/** The port a Dockerfile EXPOSEs first, if any. */
export function exposedPort(dockerfile: string): number | null {
  const match = /^\s*EXPOSE\s+(\d+)/im.exec(dockerfile);
  return match?.[1] ? Number(match[1]) : null;
}

export interface DetectOptions {
  configuredPort: number | null;
  presetOverrides: PresetOverrides;
  /** Node majors Pier has images for, and the default one. */
  nodeMajors: number[];
  defaultNodeMajor: number;
}

/**
 * Decides how to build the app's root directory. A Dockerfile always wins: it is the way out of
 * Pier's detection. Then a Node app (package.json, with its framework preset), then a static site (index.html).
 */
export async function detectBuildPlan(files: RepoFiles, options: DetectOptions): Promise<BuildPlan> {
  const dockerfile = await files.readText("Dockerfile");
  if (dockerfile !== null) return { kind: "dockerfile", dockerfile: "Dockerfile", port: options.configuredPort ?? exposedPort(dockerfile) ?? DEFAULT_APP_PORT };

  const pkg = await files.readJson<PackageJson>("package.json");
  if (pkg !== null) {
    if (typeof pkg !== "object" || Array.isArray(pkg)) throw new DeployFailedError("package.json must hold a JSON object");
    const scripts = pkg.scripts ?? {};
    const preset = await detectPreset(files, pkg, options.presetOverrides);
    const startScript = typeof scripts.start === "string";
    let mainFile: string | null = null;
    if (preset.framework === "node" && !startScript && !options.presetOverrides.start) {
      const main = typeof pkg.main === "string" && (await files.exists(pkg.main)) ? pkg.main : (await files.exists("server.js")) ? "server.js" : null;
      if (!main) throw new DeployFailedError('package.json has no "start" script (and no server.js or "main" file): add one that starts the server on $PORT');
      mainFile = main;
    }
    const workspaces = pkg.workspaces !== undefined || (await files.exists("pnpm-workspace.yaml"));
    return {
      kind: "node",
      port: options.configuredPort ?? DEFAULT_APP_PORT,
      packageManager: await detectPackageManager(files, pkg),
      preset,
      node: await requestedNodeVersion(
        files,
        pkg.engines,
        options.nodeMajors,
        options.defaultNodeMajor,
        pkg.packageManager,
      ),
      buildScript: typeof scripts.build === "string",
      startScript,
      mainFile,
      installNeedsSource: workspaces || INSTALL_HOOKS.some((hook) => typeof scripts[hook] === "string"),
      hasPublicDir: await files.isDirectory("public"),
    };
  }
  if (await files.exists("index.html")) return { kind: "static", port: options.configuredPort ?? DEFAULT_APP_PORT, spa: options.presetOverrides.spa };
  throw new DeployFailedError("nothing to build: no Dockerfile, package.json or index.html in the app's root directory");
}

/** Lines for the deploy log: what Pier found and why it builds it this way. */
export function describePlan(plan: BuildPlan): string[] {
  switch (plan.kind) {
    case "dockerfile":
      return [`Dockerfile found: building it as is (port ${plan.port})`];
    case "static":
      return [`Static site (index.html): served by Pier's static server on port ${plan.port}`];
    case "node": {
      const { preset } = plan;
      const what =
        preset.framework === "static"
          ? `build, then serve ${preset.outputDirs?.length === 1 ? `${preset.outputDirs[0]}/` : `the output folder (${(preset.outputDirs ?? []).join("/, ")}/)`} with Pier's static server`
          : preset.framework === "nextjs"
            ? preset.standalone
              ? "next build, then its standalone server"
              : "next build, then next start"
            : `install${plan.buildScript ? ", build" : ""}, then ${plan.startScript ? "the start script" : `node ${plan.mainFile ?? "(pier.json start)"}`}`;
      return [
        `Preset: ${preset.label} (${preset.reason}): ${what}; port ${plan.port}`,
        `Package manager: ${plan.packageManager.reason}`,
        ...(plan.installNeedsSource ? ["Install runs with the whole source (install scripts or workspaces)"] : []),
      ];
    }
  }
}
