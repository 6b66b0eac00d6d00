import { existsSync } from "node:fs";
import { readdir, readFile, realpath } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the static server's files go in the app image; its CMD is `node <this>/server.mjs <siteDir>`. */
export const STATIC_SERVER_INSTALL_DIR = "/opt/pier/static-server";

const SOURCE_DIR = fileURLToPath(new URL(".", import.meta.url));

/** The packages server.mjs and its helpers import; each comes with its dependencies. */
const SERVER_PACKAGES = ["sirv", "path-to-regexp"];

let cached: Promise<Map<string, Buffer>> | undefined;

/**
 * Every file the static server needs, keyed by path relative to STATIC_SERVER_INSTALL_DIR: its own .mjs
 * files and node_modules/<pkg>/… for sirv, path-to-regexp (vercel.json's source patterns) and their runtime
 * dependencies, since the app image has Node but no npm install. Read once per process.
 */
export async function staticServerFiles(): Promise<Map<string, Buffer>> {
  cached ??= collectFiles().catch((error: unknown) => {
    cached = undefined; // a failed read (e.g. a missing dependency) is retried, not remembered
    throw error;
  });
  return new Map(await cached);
}

async function collectFiles(): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(SOURCE_DIR, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith(".mjs"))
      files.set(entry.name, await readFile(path.join(SOURCE_DIR, entry.name)));
  }
  // Flat node_modules: each package once, at node_modules/<name>.
  const packageDirs = new Map<string, string>();
  const addPackage = async (name: string, fromDir: string): Promise<void> => {
    const dir = await findPackageDir(name, fromDir);
    const seen = packageDirs.get(name);
    if (seen !== undefined) {
      if (seen !== dir)
        throw new Error(`static server: two copies of ${name} (${seen}, ${dir}) can't share one flat node_modules`);
      return;
    }
    packageDirs.set(name, dir);
    await addPackageFiles(dir, `node_modules/${name}`, files);
    const manifest = JSON.parse(await readFile(path.join(dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {})) await addPackage(dependency, dir);
  };
  for (const name of SERVER_PACKAGES) await addPackage(name, SOURCE_DIR);
  return files;
}

/** The package's directory as Node would find it from `fromDir`, by its package.json (not every package exports it). */
async function findPackageDir(name: string, fromDir: string): Promise<string> {
  const lookupDirs = createRequire(path.join(fromDir, "noop.js")).resolve.paths(name) ?? [];
  for (const nodeModules of lookupDirs) {
    const dir = path.join(nodeModules, name);
    // realpath: npm workspaces and pnpm link package dirs; inside a package, symlinks are never followed.
    if (existsSync(path.join(dir, "package.json"))) return realpath(dir);
  }
  throw new Error(`static server: can't find package ${name} from ${fromDir}; run npm install`);
}

/** A package's files, without type declarations, docs, nested node_modules (added as packages) or symlinks. */
async function addPackageFiles(dir: string, prefix: string, files: Map<string, Buffer>): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const from = path.join(dir, entry.name);
    const to = path.posix.join(prefix, entry.name);
    if (entry.isDirectory() && entry.name !== "node_modules") await addPackageFiles(from, to, files);
    else if (entry.isFile() && !/\.d\.[mc]?ts$|\.md$/i.test(entry.name)) files.set(to, await readFile(from));
  }
}
