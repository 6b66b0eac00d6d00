import { DeployFailedError } from "../errors.ts";
import { detectPreset, type Preset, type PresetOverrides } from "./framework.ts";
import { requestedNodeVersion, type NodeVersionRequest } from "./node-version.ts";
import { detectPackageManager, type PackageManagerPlan } from "./package-manager.ts";
import type { RepoFiles } from "./repo-files.ts";
import { findWorkspace } from "./workspace.ts";

export interface NodePlan {
  kind: "node";
  port: number;
  packageManager: PackageManagerPlan;
  preset: Preset;
  node: NodeVersionRequest;
  /** Whether the build runs: a build script, or the framework's own build (`next build`). */
  buildScript: boolean;
  /** package.json's start script, if any. */
  startScript: string | null;
  /** Without a start script: the file `node` runs (package.json `main`, else server.js). */
  mainFile: string | null;
  /** Install scripts (of a workspace member, or under Yarn 2+) need the whole source before the install runs. */
  installNeedsSource: boolean;
  /**
   * The app's own install hooks (preinstall, install, postinstall, prepare: Nuxt's `nuxt prepare`, SvelteKit's
   * `svelte-kit sync`), when they can run apart from the install: it runs from the manifests with
   * `installManifest` (package.json without them), so its layer stays cached until the dependencies change,
   * and `commands` run in the package manager's order once the source is in. Null when there are none.
   */
  rootHooks: { commands: string[]; installManifest: string } | null;
  hasPublicDir: boolean;
  /**
   * The workspace the app is a member of: the build context is its root (the install runs there), and the
   * app is built and run in /app/<appPath>. Null for an app on its own.
   */
  workspace: { contextDir: string; appPath: string; members: number } | null;
  /** SHA-256 of the lockfile: the build cache restores the package manager's store when it changed. */
  lockfileSha: string | null;
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
  if (dockerfile !== null)
    return {
      kind: "dockerfile",
      dockerfile: "Dockerfile",
      port: options.configuredPort ?? exposedPort(dockerfile) ?? DEFAULT_APP_PORT,
    };

  const pkg = await files.readJson<PackageJson>("package.json");
  if (pkg !== null) {
    if (typeof pkg !== "object" || Array.isArray(pkg))
      throw new DeployFailedError("package.json must hold a JSON object");
    const scripts = pkg.scripts ?? {};
    const preset = detectPreset(pkg, options.presetOverrides);
    const startScript = typeof scripts.start === "string" ? scripts.start : null;
    const buildScript = typeof scripts.build === "string";
    const mainFile = startScript === null ? await mainFileOf(files, pkg.main) : null;
    const nothingToBuild =
      !buildScript && preset.framework !== "nextjs" && options.presetOverrides.framework !== "nextjs";
    if (nothingToBuild && startScript === null && !mainFile && !options.presetOverrides.start) {
      throw new DeployFailedError(
        'package.json has no "start" script (and no server.js or "main" file): add one that starts the server on $PORT',
      );
    }
    const workspace = await findWorkspace(files);
    const installRoot = workspace?.root ?? files;
    const rootPkg =
      workspace && workspace.appPath !== "" ? ((await installRoot.readJson<PackageJson>("package.json")) ?? {}) : pkg;
    const members = workspace?.members ?? [];
    const memberManifests = members.map((m) => `${m}/package.json`);
    const packageManager = await detectPackageManager(installRoot, rootPkg);
    packageManager.manifests.push(...memberManifests.filter((m) => !packageManager.manifests.includes(m)));
    const hooks = [
      pkg,
      rootPkg,
      ...(await Promise.all(memberManifests.map((m) => installRoot.readJson<PackageJson>(m)))),
    ];
    const withHooks = hooks.filter((p) => INSTALL_HOOKS.some((hook) => typeof p?.scripts?.[hook] === "string"));
    // Only an app on its own; Yarn 2+ runs other root hooks than the rest (and its install needs .yarn/).
    const hooksApart = withHooks.length > 0 && !workspace && !packageManager.berry;
    return {
      kind: "node",
      port: options.configuredPort ?? DEFAULT_APP_PORT,
      packageManager,
      preset,
      node: await requestedNodeVersion(
        files,
        pkg.engines,
        options.nodeMajors,
        options.defaultNodeMajor,
        rootPkg.packageManager ?? pkg.packageManager,
      ),
      buildScript,
      startScript,
      mainFile,
      installNeedsSource: withHooks.length > 0 && !hooksApart,
      rootHooks: hooksApart ? hooksRunApart(pkg) : null,
      hasPublicDir: await files.isDirectory("public"),
      lockfileSha: packageManager.lockfile ? await installRoot.sha256(packageManager.lockfile) : null,
      workspace:
        workspace && workspace.appPath !== ""
          ? { contextDir: installRoot.dir, appPath: workspace.appPath, members: members.length }
          : null,
    };
  }
  if (await files.exists("index.html"))
    return { kind: "static", port: options.configuredPort ?? DEFAULT_APP_PORT, spa: options.presetOverrides.spa };
  throw new DeployFailedError(
    "nothing to build: no Dockerfile, package.json or index.html in the app's root directory",
  );
}

/** The app's install hooks as commands, and the package.json its install runs from without them. */
function hooksRunApart(pkg: PackageJson): NonNullable<NodePlan["rootHooks"]> {
  const scripts = { ...pkg.scripts };
  const commands: string[] = [];
  for (const hook of INSTALL_HOOKS) {
    const command = scripts[hook];
    if (typeof command === "string") commands.push(command);
    delete scripts[hook];
  }
  return { commands, installManifest: `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n` };
}

/** The file `node` runs without a start script: package.json `main` if it exists, else server.js if it does. */
async function mainFileOf(files: RepoFiles, main: unknown): Promise<string | null> {
  if (typeof main === "string" && (await files.exists(main))) return main;
  return (await files.exists("server.js")) ? "server.js" : null;
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
      const build = plan.buildScript
        ? `${plan.packageManager.run} build`
        : preset.framework === "nextjs"
          ? "next build"
          : "no build";
      return [
        `Preset: ${preset.label} (${preset.reason}): install, ${build}, then serve what the build wrote; ` +
          `port ${plan.port}`,
        `Package manager: ${plan.packageManager.reason}`,
        ...(plan.workspace
          ? [
              `Workspace: installs at the workspace root (${plan.workspace.members} members), ` +
                `builds and runs ${plan.workspace.appPath}`,
            ]
          : []),
        ...(plan.installNeedsSource ? ["Install runs with the whole source (install scripts or workspaces)"] : []),
        ...(plan.rootHooks
          ? [
              `Install hooks run once the source is in (${plan.rootHooks.commands.join("; ")}): ` +
                "the install stays cached",
            ]
          : []),
      ];
    }
  }
}
