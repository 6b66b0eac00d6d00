import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";

/** Work directories a build leaves only when its worker was killed; no build takes this long. */
const WORK_DIR_MAX_AGE_MS = 6 * 60 * 60_000;

/** Work directories (`<app>-<shortId>-XXXXXX`) older than any build, which only a killed worker leaves. */
export async function removeStaleWorkDirs(workDir: string, appNames: string[], now: Date): Promise<number> {
  let removed = 0;
  const entries = await readdir(workDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [] as string[];
    throw error;
  });
  for (const entry of entries) {
    if (!appNames.some((name) => entry.startsWith(`${name}-`))) continue;
    const full = path.join(workDir, entry);
    const info = await stat(full).catch(() => null);
    if (!info || now.getTime() - info.mtimeMs < WORK_DIR_MAX_AGE_MS) continue;
    await rm(full, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
