import type { ContainerRuntime } from "@pier/runtime";
import { buildStageTag, LABELS } from "@pier/shared";
import type { NodePlan } from "./detect.ts";
import type { FrameworkId } from "./framework.ts";
import type { PackageManagerName } from "./package-manager.ts";

/**
 * Build caches that survive between deploys of an app, as Vercel restores `.next/cache` and node_modules:
 * each build stage keeps its framework caches and the package manager's store in its image, tagged as the
 * app's newest build stage; the next build copies them back in (`COPY --from`). The legacy builder has no
 * cache mounts, and BuildKit through the API would lose the per-build memory, CPU and cgroup limits.
 * Caches are the app's own (no two apps share one) and bounded (collect-facts.mjs drops the least
 * recently used entries past PIER_BUILD_CACHE_MB).
 */
export interface BuildCacheLayout {
  /** Cache folders inside the app's directory, relative to it. */
  appDirs: string[];
  /** The package manager's store (absolute), restored only when the lockfile changed. */
  storeDir: string | null;
  /** SHA-256 of the lockfile the stage installed from. */
  lockfileSha: string | null;
}

/** What the next build restores, from which image. */
export interface CacheRestore {
  fromImage: string;
  appDirs: string[];
  storeDir: string | null;
}

/** The image label that records a build stage's cache layout. */
export const BUILD_CACHE_LABEL = "pier.build-cache";

// Where each framework keeps what makes its next build faster (node_modules/.cache for every app: Babel,
// terser, ESLint and CRA write there).
const FRAMEWORK_CACHES: Partial<Record<FrameworkId, string[]>> = {
  nextjs: [".next/cache"],
  astro: ["node_modules/.astro"],
  gatsby: [".cache", "public"],
};

// Stores under the build's root user (the build stage runs as root: HOME=/root).
const STORES: Record<PackageManagerName, string | null> = {
  npm: "/root/.npm",
  pnpm: "/root/.local/share/pnpm/store",
  yarn: "/usr/local/share/.cache/yarn",
  bun: "/root/.bun/install/cache",
};

export function cacheLayout(plan: NodePlan, builds: boolean): BuildCacheLayout {
  return {
    // Without a build step no framework cache is written (nor a step needed to keep one).
    appDirs: builds ? ["node_modules/.cache", ...(FRAMEWORK_CACHES[plan.preset.framework] ?? [])] : [],
    // Yarn 2+ keeps its cache in the project (.yarn/cache), with the source.
    storeDir: plan.packageManager.berry ? null : STORES[plan.packageManager.name],
    lockfileSha: plan.lockfileSha,
  };
}

function parseLayout(text: string | undefined): BuildCacheLayout | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<BuildCacheLayout>;
    const dirs = Array.isArray(value.appDirs) ? value.appDirs.filter((d): d is string => typeof d === "string") : [];
    return {
      appDirs: dirs,
      storeDir: typeof value.storeDir === "string" ? value.storeDir : null,
      lockfileSha: typeof value.lockfileSha === "string" ? value.lockfileSha : null,
    };
  } catch {
    return null;
  }
}

/**
 * What to restore from the app's previous build stage: the cache folders both layouts have, and the store
 * when the lockfile changed (with the same lockfile the install layer is reused as it is). Null on the
 * first build, or when the previous stage was made without a layout.
 */
export async function cacheRestore(
  runtime: ContainerRuntime,
  app: { name: string; id: string },
  layout: BuildCacheLayout,
): Promise<CacheRestore | null> {
  const previous = await runtime.inspectImage(buildStageTag(app.name));
  const before = parseLayout(previous?.labels[BUILD_CACHE_LABEL]);
  // Only this app's own: a deleted app's stage under a reused name is not its cache.
  if (!previous || !before || previous.labels[LABELS.appId] !== app.id) return null;
  const storeChanged =
    layout.storeDir !== null && before.storeDir === layout.storeDir && before.lockfileSha !== layout.lockfileSha;
  return {
    fromImage: previous.id,
    appDirs: layout.appDirs.filter((d) => before.appDirs.includes(d)),
    storeDir: storeChanged ? layout.storeDir : null,
  };
}

export function describeRestore(restore: CacheRestore | null): string {
  if (!restore) return "Build cache: none yet (the app's first build, or its cache was removed)";
  const what = [...restore.appDirs, ...(restore.storeDir ? [`${restore.storeDir} (the lockfile changed)`] : [])];
  return `Build cache: restoring ${what.join(", ")} from the previous build (${restore.fromImage.slice(7, 19)})`;
}
