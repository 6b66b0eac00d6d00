/**
 * The framework an app is built with, recognised before the build from what package.json depends on
 * (like Vercel's framework presets). It names the tool and where its static output would go; how the
 * app is served is decided after the build, from what the build wrote (build-output/serving.ts).
 */
export type FrameworkId =
  | "nextjs"
  | "nuxt"
  | "astro"
  | "sveltekit"
  | "react-router"
  | "remix"
  | "gatsby"
  | "cra"
  | "vite"
  | "none";

/** pier.json's `framework`: the way out of detection. */
export type FrameworkOverride = "nextjs" | "static" | "node";

export interface Preset {
  framework: FrameworkId;
  /** The tool recognised, for the log ("Next.js", "Vite", "Create React App"). */
  label: string;
  reason: string;
  /** Where a static build of this framework writes its files, in order of preference. */
  staticDirs: string[];
  /** Static builds: serve index.html for unknown page paths (a single-page app). undefined: let the server decide. */
  spa?: boolean;
}

export interface PackageJsonForPresets {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
}

export interface PresetOverrides {
  framework?: FrameworkOverride;
  outputDir?: string;
  spa?: boolean;
  /** pier.json `start`: a custom server wins over static serving. */
  start?: string;
}

export const GENERIC_STATIC_DIRS = ["dist", "build", "out"];

interface KnownFramework {
  framework: Exclude<FrameworkId, "none">;
  dependency: string;
  label: string;
  staticDirs: string[];
  spa?: boolean;
}

// First match wins: a meta-framework before the bundler it is built on (Astro, Nuxt, SvelteKit use Vite).
const KNOWN: KnownFramework[] = [
  { framework: "nextjs", dependency: "next", label: "Next.js", staticDirs: ["out"], spa: false },
  { framework: "nuxt", dependency: "nuxt", label: "Nuxt", staticDirs: [".output/public", "dist"] },
  { framework: "astro", dependency: "astro", label: "Astro", staticDirs: ["dist"], spa: false },
  { framework: "sveltekit", dependency: "@sveltejs/kit", label: "SvelteKit", staticDirs: ["build"] },
  {
    framework: "react-router",
    dependency: "@react-router/dev",
    label: "React Router",
    staticDirs: ["build/client"],
    spa: true,
  },
  { framework: "remix", dependency: "@remix-run/dev", label: "Remix", staticDirs: ["build/client"], spa: true },
  { framework: "gatsby", dependency: "gatsby", label: "Gatsby", staticDirs: ["public"], spa: false },
  { framework: "cra", dependency: "react-scripts", label: "Create React App", staticDirs: ["build"], spa: true },
  { framework: "vite", dependency: "vite", label: "Vite", staticDirs: ["dist"] },
];

/** Picks the preset: what the app depends on; pier.json's outputDir and spa refine it. */
export function detectPreset(pkg: PackageJsonForPresets, overrides: PresetOverrides): Preset {
  const deps = { ...pkg.dependencies, ...pkg.devDependencies };
  const known = KNOWN.find((k) => k.dependency in deps);
  const preset: Preset = known
    ? {
        framework: known.framework,
        label: known.label,
        reason: `"${known.dependency}" is a dependency`,
        staticDirs: known.staticDirs,
        spa: known.spa,
      }
    : {
        framework: "none",
        label: "Node",
        reason: "no framework among its dependencies",
        staticDirs: GENERIC_STATIC_DIRS,
      };
  if (overrides.outputDir) preset.staticDirs = [overrides.outputDir];
  if (overrides.spa !== undefined) preset.spa = overrides.spa;
  return preset;
}
