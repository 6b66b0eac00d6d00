import ignore from "@balena/dockerignore";
import { lstatSync } from "node:fs";
import type { Readable } from "node:stream";
import { pack } from "tar-fs";

export interface BuildContextSpec {
  /** The directory sent as the context (a checkout the repository controls). */
  dir: string;
  /** Paths (relative to dir) left out entirely, e.g. `.git`. */
  exclude: string[];
  /** `.dockerignore` patterns of the repository. */
  ignorePatterns: string[];
  /** Paths that are sent even when ignored (the Dockerfile: the engine needs it). */
  keep: string[];
  /** Files Pier adds (context path → content). They replace anything of the directory's under their top folder. */
  extraFiles: Map<string, Buffer>;
}

// A fixed time for Pier's own files, so identical content always hits the build cache.
const EXTRA_FILE_MTIME = new Date("2000-01-01T00:00:00Z");

/**
 * The build context as a tar stream. Symlinks are packed as symlinks, never followed, so a repository
 * can't make Pier send files from outside its checkout; the engine resolves them inside the context.
 * Pier's generated files (Dockerfile, static server) go into the stream, not into the checkout.
 */
export function packBuildContext(spec: BuildContextSpec): Readable {
  const matcher = ignore().add(spec.ignorePatterns);
  // With an exception (`!keep/this`) an ignored folder may still hold kept files: then only files are dropped.
  const hasExceptions = spec.ignorePatterns.some((p) => p.trim().startsWith("!"));
  const excluded = [...spec.exclude, ...new Set([...spec.extraFiles.keys()].map((p) => p.split("/")[0] ?? p))];
  const keep = new Set(spec.keep);
  const stream = pack(spec.dir, {
    dereference: false,
    ignore: (name: string) => {
      const rel = name.slice(spec.dir.length + 1);
      if (rel === "") return false;
      if (excluded.some((ex) => rel === ex || rel.startsWith(`${ex}/`))) return true;
      if (keep.has(rel) || !matcher.ignores(rel)) return false;
      return !hasExceptions || !lstatSync(name).isDirectory();
    },
    finalize: false,
    finish: (tar) => {
      for (const [name, content] of spec.extraFiles)
        tar.entry({ name, mode: 0o644, mtime: EXTRA_FILE_MTIME, size: content.length }, content);
      tar.finalize();
    },
  });
  return stream as unknown as Readable;
}
