import { FLAGS_FILE_NAME, flagsRootDir, type FlagValues, type PierConfig } from "@pier/shared";
import { randomBytes } from "node:crypto";
import { chmod, link, mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The one owner of an app's flags file: `<PIER_FLAGS_DIR>/<app id>/flags.json` on the host, whose directory every
 * container of the app mounts read-only at /run/pier. The directory is mounted, not the file: a file mount pins
 * the inode it was started with, while a file renamed into a mounted directory shows in it at once. So the file is
 * only ever replaced whole (a temporary file in the same directory, renamed over it): a reader sees the old
 * flags or the new ones, never half of either. Readable by anyone (0644 in a 0755 directory): apps run without
 * capabilities, often as a user of their own.
 */

type FlagsConfig = Pick<PierConfig, "PIER_FLAGS_DIR">;

/** The host directory mounted at /run/pier in the app's containers. */
export const appFlagsDir = (config: FlagsConfig, appId: string) => path.join(flagsRootDir(config), appId);

const flagsFile = (config: FlagsConfig, appId: string) => path.join(appFlagsDir(config, appId), FLAGS_FILE_NAME);

/** A file with the flags, beside the real one (same file system, so a rename replaces it atomically). */
async function writeTemporary(config: FlagsConfig, appId: string, flags: FlagValues): Promise<string> {
  const dir = appFlagsDir(config, appId);
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await chmod(dir, 0o755);
  const temporary = path.join(dir, `.${FLAGS_FILE_NAME}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, `${JSON.stringify(flags, null, 2)}\n`, { mode: 0o644 });
  await chmod(temporary, 0o644);
  return temporary;
}

/** Replaces the app's flags file with `flags` (the code path that changes flags calls it under the app's lock). */
export async function writeFlagsFile(config: FlagsConfig, appId: string, flags: FlagValues): Promise<void> {
  await rename(await writeTemporary(config, appId, flags), flagsFile(config, appId));
}

/**
 * Before a container of the app starts: makes the file with `flags` (the app's, read for this start) when it is
 * missing, and answers what the file holds: what the container's env then agrees with. An existing file is never
 * overwritten here, so a start that read the flags just before a change can't put the older ones back (every change
 * writes the file itself); only a file that isn't JSON any more is replaced.
 */
export async function ensureFlagsFile(config: FlagsConfig, appId: string, flags: FlagValues): Promise<FlagValues> {
  const file = flagsFile(config, appId);
  const temporary = await writeTemporary(config, appId, flags);
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await unlink(temporary);
  }
  try {
    return JSON.parse(await readFile(file, "utf8")) as FlagValues;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    await writeFlagsFile(config, appId, flags);
    return flags;
  }
}

/** When the app is deleted: its flags directory goes with it. */
export async function removeFlagsDir(config: FlagsConfig, appId: string): Promise<void> {
  await rm(appFlagsDir(config, appId), { recursive: true, force: true });
}
