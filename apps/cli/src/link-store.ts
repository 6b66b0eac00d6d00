/**
 * `pier link`: a directory remembers its app in `.pier/app.json`, like `vercel link`'s `.vercel/project.json`.
 * Not `pier.json`: that name is the app's own build and run config, read by the platform from the repository.
 * `.pier/` is left out of every build context by the worker, so a link never ends up inside an image.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { CliError, EXIT } from "./errors.ts";

export const LINK_DIR = ".pier";
export const LINK_FILE = join(LINK_DIR, "app.json");

export interface Link {
  app: string;
  /** The file it came from, to name in messages. */
  path: string;
}

function readLink(path: string): Link {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new CliError(`cannot read ${path} (${(error as Error).message}): run pier link <app> again`, EXIT.failed);
  }
  const app = (parsed as { app?: unknown } | null)?.app;
  if (typeof app !== "string" || app === "")
    throw new CliError(`${path} names no app: run pier link <app> again`, EXIT.failed);
  return { app, path };
}

/**
 * The link of `dir` or of the nearest folder above it, up to the repository's top (the first folder with a .git)
 * so a checkout never picks up a link from outside it. Synchronous: it is read while arguments are parsed.
 */
export function findLink(dir: string = process.cwd()): Link | undefined {
  for (let current = dir; ; current = dirname(current)) {
    const path = join(current, LINK_FILE);
    if (existsSync(path)) return readLink(path);
    if (existsSync(join(current, ".git")) || dirname(current) === current) return undefined;
  }
}

export async function writeLink(dir: string, app: string): Promise<string> {
  const path = join(dir, LINK_FILE);
  await mkdir(join(dir, LINK_DIR), { recursive: true });
  await writeFile(path, `${JSON.stringify({ app }, null, 2)}\n`);
  return path;
}

/** Removes the link file, and `.pier/` when nothing else is in it. */
export async function removeLink(link: Link): Promise<void> {
  await rm(link.path);
  await rmdir(dirname(link.path)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
  });
}
