import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { DeployFailedError } from "../errors.ts";

export type PackageManager = "npm" | "yarn" | "pnpm";

export type BuildPlan =
  | { kind: "dockerfile"; dockerfile: string; port: number }
  | {
      kind: "node";
      packageManager: PackageManager;
      lockfile: string | null;
      hasBuildScript: boolean;
      port: number;
    }
  | { kind: "static"; port: number };

export const DEFAULT_APP_PORT = 3000;

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The port a Dockerfile EXPOSEs first, if any. */
export function exposedPort(dockerfile: string): number | null {
  const match = /^\s*EXPOSE\s+(\d+)/im.exec(dockerfile);
  return match?.[1] ? Number(match[1]) : null;
}

/**
 * Decides how to build the source in `dir`. A Dockerfile always wins: it is the way out of
 * Pier's one-size-fits-all detection. Then a Node app (package.json), then a static site (index.html).
 */
export async function detectBuildPlan(dir: string, configuredPort: number | null): Promise<BuildPlan> {
  const dockerfilePath = path.join(dir, "Dockerfile");
  if (await exists(dockerfilePath)) {
    const port = configuredPort ?? exposedPort(await readFile(dockerfilePath, "utf8")) ?? DEFAULT_APP_PORT;
    return { kind: "dockerfile", dockerfile: "Dockerfile", port };
  }
  const packageJsonPath = path.join(dir, "package.json");
  if (await exists(packageJsonPath)) {
    let pkg: { scripts?: Record<string, unknown> };
    try {
      pkg = JSON.parse(await readFile(packageJsonPath, "utf8"));
    } catch (error) {
      throw new DeployFailedError(`package.json is not valid JSON: ${(error as Error).message}`);
    }
    const scripts = pkg.scripts ?? {};
    if (typeof scripts.start !== "string") {
      throw new DeployFailedError('package.json has no "start" script: add one that starts the server on $PORT');
    }
    const lockfiles: Array<[string, PackageManager]> = [
      ["package-lock.json", "npm"],
      ["pnpm-lock.yaml", "pnpm"],
      ["yarn.lock", "yarn"],
    ];
    for (const [lockfile, packageManager] of lockfiles) {
      if (await exists(path.join(dir, lockfile))) {
        return { kind: "node", packageManager, lockfile, hasBuildScript: typeof scripts.build === "string", port: configuredPort ?? DEFAULT_APP_PORT };
      }
    }
    return { kind: "node", packageManager: "npm", lockfile: null, hasBuildScript: typeof scripts.build === "string", port: configuredPort ?? DEFAULT_APP_PORT };
  }
  if (await exists(path.join(dir, "index.html"))) {
    return { kind: "static", port: configuredPort ?? DEFAULT_APP_PORT };
  }
  throw new DeployFailedError("nothing to build: no Dockerfile, package.json or index.html in the app's root directory");
}

export function describePlan(plan: BuildPlan): string {
  switch (plan.kind) {
    case "dockerfile":
      return `Dockerfile found: building it as is (port ${plan.port})`;
    case "node":
      return `Node app: ${plan.packageManager}${plan.lockfile ? ` (${plan.lockfile})` : " (no lockfile)"}, ${plan.hasBuildScript ? "build script, " : ""}start script, port ${plan.port}`;
    case "static":
      return `static site (index.html), served on port ${plan.port}`;
  }
}
