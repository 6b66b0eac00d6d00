import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** What collect-facts.mjs found in the build's output (see that file). */
export interface BuildFacts {
  next: NextFacts | null;
  nitro: { preset: string | null } | null;
  /** Each path Pier asked about: a file, a directory, or absent (null). */
  paths: Record<string, "file" | "dir" | null>;
  /** The build caches kept for the next build: their size, and entries dropped to stay within the limit. */
  caches: { bytes: number; dropped: string[] };
}

export interface NextFacts {
  /** Where `next build` wrote its output (config.distDir, default .next). */
  distDir: string;
  /** config.output as Next resolved it: "export", "standalone", or null (a server build). */
  output: string | null;
  /** Whether the resolved config was there to read (required-server-files.json). */
  resolvedConfig: boolean;
  exportMarker: boolean;
  /** Where output: "standalone" put server.js, from <distDir>/standalone (deeper in a monorepo); null if nowhere. */
  standaloneServer: string | null;
}

/** Where the collector and its result sit in the build image (outside /app: never copied with the app). */
export const FACTS_DIR_IN_IMAGE = "/opt/pier/build";
export const COLLECTOR_IN_IMAGE = `${FACTS_DIR_IN_IMAGE}/collect-facts.mjs`;
export const FACTS_FILE_IN_IMAGE = `${FACTS_DIR_IN_IMAGE}/facts.json`;
const MAX_FACTS_BYTES = 256 * 1024;

const COLLECTOR_SOURCE = fileURLToPath(new URL("./collect-facts.mjs", import.meta.url));

/** The collector script, for the build context. */
export function collectorScript(): Promise<Buffer> {
  return readFile(COLLECTOR_SOURCE);
}

const isRelativeInside = (p: unknown): p is string =>
  typeof p === "string" && p !== "" && !path.posix.isAbsolute(p) && !p.split(/[\\/]/).includes("..");

/**
 * Reads the collector's JSON. The build ran the repository's code, which could have rewritten it: nothing
 * in it is trusted beyond its shape, and every path in it must stay inside the app's directory.
 */
export function parseBuildFacts(text: string): BuildFacts {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error("the build's facts file is not JSON");
  }
  const value = (raw ?? {}) as {
    next?: unknown;
    nitro?: unknown;
    paths?: unknown;
    caches?: { bytes?: unknown; dropped?: unknown };
  };
  const paths: BuildFacts["paths"] = {};
  if (value.paths && typeof value.paths === "object") {
    for (const [key, kind] of Object.entries(value.paths)) {
      if (isRelativeInside(key)) paths[key] = kind === "file" || kind === "dir" ? kind : null;
    }
  }
  const bytes = typeof value.caches?.bytes === "number" ? value.caches.bytes : 0;
  const dropped = Array.isArray(value.caches?.dropped)
    ? value.caches.dropped.filter((d): d is string => typeof d === "string").slice(0, 50)
    : [];
  return { next: parseNext(value.next), nitro: parseNitro(value.nitro), paths, caches: { bytes, dropped } };
}

function parseNext(value: unknown): NextFacts | null {
  if (!value || typeof value !== "object") return null;
  const next = value as Record<string, unknown>;
  if (!isRelativeInside(next.distDir)) return null;
  return {
    distDir: path.posix.normalize(next.distDir),
    output: typeof next.output === "string" ? next.output : null,
    resolvedConfig: next.resolvedConfig === true,
    exportMarker: next.exportMarker === true,
    standaloneServer:
      isRelativeInside(next.standaloneServer) && next.standaloneServer.endsWith("server.js")
        ? path.posix.normalize(next.standaloneServer)
        : null,
  };
}

function parseNitro(value: unknown): BuildFacts["nitro"] {
  if (!value || typeof value !== "object") return null;
  const preset = (value as { preset?: unknown }).preset;
  return { preset: typeof preset === "string" ? preset : null };
}

/** Reads the facts the build stage wrote, from its image. */
export async function readBuildFacts(
  read: (image: string, file: string, maxBytes: number) => Promise<Buffer | null>,
  buildImageId: string,
): Promise<BuildFacts> {
  const content = await read(buildImageId, FACTS_FILE_IN_IMAGE, MAX_FACTS_BYTES);
  if (content === null) throw new Error(`the build stage wrote no ${FACTS_FILE_IN_IMAGE}`);
  return parseBuildFacts(content.toString("utf8"));
}
