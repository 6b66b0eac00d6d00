import type { RepoFiles } from "./repo-files.ts";

/**
 * How a Node app is built and served, like Vercel's framework presets:
 * - `nextjs`: `next build`, then `next start` (or the standalone server when next.config asks for it);
 * - `static`: a build that writes files (Create React App, Vite, …), served by Pier's static server;
 * - `node`: install, optional build, then the `start` script.
 */
export type Framework = "nextjs" | "static" | "node";

export interface Preset {
  framework: Framework;
  /** The tool recognised, for the log ("Next.js", "Vite", "Create React App"). */
  label: string;
  reason: string;
  /** Next.js `output: "standalone"`: run `.next/standalone/server.js` instead of `next start`. */
  standalone?: boolean;
  /** Static builds: where the build writes its files, in order of preference. */
  outputDirs?: string[];
  /** Static builds: serve index.html for unknown page paths (a single-page app). undefined: let the server decide. */
  spa?: boolean;
}

export interface PackageJsonForPresets {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

export interface PresetOverrides {
  framework?: Framework;
  outputDir?: string;
  spa?: boolean;
  /** pier.json `start`: a custom server wins over static serving. */
  start?: string;
}

// A start script that only runs a development or preview server means: nothing to serve in production.
const DEV_SERVER = /^\s*(react-scripts start|vite(\s+(dev|serve|preview))?(\s|$)|webpack(-dev-server|\s+serve)|parcel(\s|$)|ng serve|astro (dev|preview)|vue-cli-service serve|serve(\s|$))/;

const NEXT_CONFIGS = ["next.config.js", "next.config.mjs", "next.config.ts", "next.config.cjs"];

async function nextOutputMode(files: RepoFiles): Promise<"standalone" | "export" | null> {
  for (const file of NEXT_CONFIGS) {
    const text = await files.readText(file);
    if (text === null) continue;
    const mode = /output\s*:\s*["'`](standalone|export)["'`]/.exec(text)?.[1];
    return (mode as "standalone" | "export" | undefined) ?? null;
  }
  return null;
}

/** Picks the preset for a Node app: pier.json's `framework` if given, else what its dependencies and scripts say. */
export async function detectPreset(files: RepoFiles, pkg: PackageJsonForPresets, overrides: PresetOverrides): Promise<Preset> {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const scripts = pkg.scripts ?? {};
  const build = typeof scripts.build === "string" ? scripts.build : null;
  const start = typeof scripts.start === "string" ? scripts.start : null;
  const outputDirs = overrides.outputDir ? [overrides.outputDir] : undefined;
  const chosen = (framework: Framework) => overrides.framework === framework;

  if (overrides.framework) {
    const reason = "framework set in pier.json";
    if (chosen("static")) return { framework: "static", label: "static build", reason, outputDirs: outputDirs ?? ["dist", "build", "out"], spa: overrides.spa };
    if (chosen("nextjs")) return { framework: "nextjs", label: "Next.js", reason, standalone: (await nextOutputMode(files)) === "standalone" };
    return { framework: "node", label: "Node", reason };
  }

  if ("next" in deps) {
    const mode = await nextOutputMode(files);
    if (mode === "export" && !overrides.start) {
      return { framework: "static", label: "Next.js static export", reason: 'next.config sets output: "export"', outputDirs: outputDirs ?? ["out"], spa: overrides.spa ?? false };
    }
    return { framework: "nextjs", label: "Next.js", reason: `"next" is a dependency${mode === "standalone" ? '; next.config sets output: "standalone"' : ""}`, standalone: mode === "standalone" };
  }

  const servesItself = start !== null && !DEV_SERVER.test(start);
  if (build && !servesItself && !overrides.start) {
    const why = start ? `its start script only runs a development server (${JSON.stringify(start)})` : "it has a build script and no start script";
    if ("react-scripts" in deps) return { framework: "static", label: "Create React App", reason: `"react-scripts" is a dependency and ${why}`, outputDirs: outputDirs ?? ["build"], spa: overrides.spa ?? true };
    if ("vite" in deps) return { framework: "static", label: "Vite", reason: `"vite" is a dependency and ${why}`, outputDirs: outputDirs ?? ["dist"], spa: overrides.spa };
    return { framework: "static", label: "static build", reason: why, outputDirs: outputDirs ?? ["dist", "build", "out"], spa: overrides.spa };
  }
  return { framework: "node", label: "Node", reason: start || overrides.start ? "it has a start command" : "it has neither a build nor a start script" };
}
