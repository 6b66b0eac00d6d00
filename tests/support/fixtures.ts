import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The files of a fixture project under tests/fixtures, path → bytes (favicons stay intact). */
export async function fixtureFiles(fixture: string): Promise<Record<string, Buffer>> {
  const root = fileURLToPath(new URL(`../fixtures/${fixture}/`, import.meta.url));
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: Record<string, Buffer> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(root, full)] = await readFile(full);
  }
  return files;
}
