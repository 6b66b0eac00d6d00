import { createHash } from "node:crypto";
import { lstat, open, readdir, realpath } from "node:fs/promises";
import path from "node:path";
import { DeployFailedError } from "../errors.ts";

/**
 * Files Pier reads to decide how to build (package.json, pier.json, Dockerfile, …) are small; a bigger one is
 * refused.
 */
export const MAX_REPO_FILE_BYTES = 1024 * 1024;

const inside = (root: string, candidate: string) => candidate === root || candidate.startsWith(root + path.sep);

/**
 * A checkout the repository controls, read without letting it point Pier anywhere else: every path is
 * resolved (symlinks included) and must stay inside the checkout; files are size-capped. Pier never
 * writes into it (generated build files travel in the build context instead).
 */
export class RepoFiles {
  private constructor(
    /** The real path of the directory (symlinks resolved). */
    readonly dir: string,
    private readonly checkoutRoot: string,
  ) {}

  /** The app's root directory inside a checkout; refused when it is missing or resolves outside. */
  static async open(checkoutDir: string, rootDir: string): Promise<RepoFiles> {
    const root = await realpath(checkoutDir);
    const wanted = path.resolve(root, rootDir || ".");
    if (!inside(root, wanted)) throw new DeployFailedError(`rootDir "${rootDir}" points outside the repository`);
    const real = await realpath(wanted).catch(() => null);
    if (real === null) throw new DeployFailedError(`rootDir "${rootDir}" was not found in the repository`);
    if (!inside(root, real))
      throw new DeployFailedError(`rootDir "${rootDir}" resolves outside the repository (through a symlink)`);
    if (!(await lstat(real)).isDirectory()) throw new DeployFailedError(`rootDir "${rootDir}" is not a directory`);
    return new RepoFiles(real, root);
  }

  /** The folder above this one, while it is still inside the checkout (workspace roots sit above an app). */
  parent(): RepoFiles | null {
    return this.dir === this.checkoutRoot ? null : new RepoFiles(path.dirname(this.dir), this.checkoutRoot);
  }

  /** This folder's path from an ancestor's (posix, "" for the same folder). */
  pathFrom(ancestor: RepoFiles): string {
    return path.relative(ancestor.dir, this.dir).split(path.sep).join("/");
  }

  /**
   * Folders below this one, as posix paths, breadth first, up to `maxDepth` levels and `limit` folders:
   * never into symlinks, node_modules or dot-folders.
   */
  async folders(maxDepth: number, limit = 5_000): Promise<string[]> {
    const found: string[] = [];
    let level = [""];
    for (let depth = 0; depth < maxDepth && level.length && found.length < limit; depth++) {
      const next: string[] = [];
      for (const rel of level) {
        for (const entry of await readdir(path.join(this.dir, rel), { withFileTypes: true })) {
          if (!entry.isDirectory() || entry.name === "node_modules" || entry.name.startsWith(".")) continue;
          next.push(rel ? `${rel}/${entry.name}` : entry.name);
        }
      }
      found.push(...next);
      level = next;
    }
    return found.slice(0, limit);
  }

  /**
   * The real path of `rel` if it exists inside the checkout; null if it doesn't exist; an error if it leads
   * outside.
   */
  private async resolve(rel: string): Promise<string | null> {
    const lexical = path.resolve(this.dir, rel);
    if (!inside(this.dir, lexical)) throw new DeployFailedError(`${rel} points outside the app's root directory`);
    const info = await lstat(lexical).catch(() => null);
    if (!info) return null;
    const real = await realpath(lexical).catch(() => null);
    if (real === null) return null; // a dangling symlink reads as missing
    if (!inside(this.checkoutRoot, real))
      throw new DeployFailedError(`${rel} is a symlink that points outside the repository; Pier won't follow it`);
    return real;
  }

  async exists(rel: string): Promise<boolean> {
    return (await this.resolve(rel)) !== null;
  }

  async isDirectory(rel: string): Promise<boolean> {
    const real = await this.resolve(rel);
    return real !== null && (await lstat(real)).isDirectory();
  }

  /** A text file's content, or null when it doesn't exist. Over `maxBytes`, the deploy fails naming the file. */
  async readText(rel: string, maxBytes = MAX_REPO_FILE_BYTES): Promise<string | null> {
    const real = await this.resolve(rel);
    if (real === null) return null;
    const handle = await open(real, "r");
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new DeployFailedError(`${rel} is not a regular file`);
      if (info.size > maxBytes)
        throw new DeployFailedError(
          `${rel} is ${Math.ceil(info.size / 1024)} KB; Pier reads at most ${maxBytes / 1024} KB of it`,
        );
      return await handle.readFile("utf8");
    } finally {
      await handle.close();
    }
  }

  /** The first `bytes` of a file of any size (to tell a lockfile's format), or null when it doesn't exist. */
  async readHead(rel: string, bytes = 4096): Promise<string | null> {
    const real = await this.resolve(rel);
    if (real === null) return null;
    const handle = await open(real, "r");
    try {
      if (!(await handle.stat()).isFile()) throw new DeployFailedError(`${rel} is not a regular file`);
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead).toString("utf8");
    } finally {
      await handle.close();
    }
  }

  /** SHA-256 of a file of any size (hex), or null when it doesn't exist: tells whether a lockfile changed. */
  async sha256(rel: string): Promise<string | null> {
    const real = await this.resolve(rel);
    if (real === null) return null;
    const handle = await open(real, "r");
    try {
      if (!(await handle.stat()).isFile()) throw new DeployFailedError(`${rel} is not a regular file`);
      const hash = createHash("sha256");
      for await (const chunk of handle.createReadStream({ autoClose: false })) hash.update(chunk as Buffer);
      return hash.digest("hex");
    } finally {
      await handle.close();
    }
  }

  /** A JSON file parsed, or null when it doesn't exist; invalid JSON fails the deploy naming the file. */
  async readJson<T = unknown>(rel: string): Promise<T | null> {
    const text = await this.readText(rel);
    if (text === null) return null;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new DeployFailedError(`${rel} is not valid JSON: ${(error as Error).message}`);
    }
  }
}
