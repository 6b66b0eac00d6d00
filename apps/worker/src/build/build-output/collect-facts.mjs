// Runs inside the build image right after the app's build, in the app's directory, as Pier's last build
// step: it writes down what the build produced, so Pier decides how to serve the app from the files the
// framework wrote (and the configuration the framework itself resolved), never from reading source code.
//
//   node collect-facts.mjs <output.json> <JSON array of relative paths to look at> [<JSON cache spec>]
//
// The cache spec ({ dirs: [...], limitBytes, nextWritableBy? }) names the build caches the next build of the
// app restores (framework caches, the package manager's store). Each is made to exist, so the next build can
// copy it; over the limit, its least recently used entries go first. With nextWritableBy (a user name), the
// Next.js build folder becomes that user's: `next start` writes its cache and ISR pages there at run time.
// It runs in the same step as the build, so changing the owner of what the build wrote copies nothing.
//
// Plain Node, no dependencies: it runs on whatever Node the app builds with.
import { lchownSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const [outputFile, candidatesJson = "[]", cacheJson = "{}"] = process.argv.slice(2);
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

function kindOf(file) {
  try {
    const stat = statSync(file);
    return stat.isDirectory() ? "dir" : stat.isFile() ? "file" : null;
  } catch {
    return null;
  }
}

function readJson(file) {
  try {
    if (statSync(file).size > MAX_MANIFEST_BYTES) return null;
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const isSafeRelative = (dir) =>
  typeof dir === "string" && dir !== "" && !path.isAbsolute(dir) && !dir.split(/[\\/]/).includes("..");

/**
 * Next.js: the config `next build` resolved (next.config.* loaded the way Next loads it, defaults applied)
 * is in <distDir>/required-server-files.json. distDir itself is configurable, so look in .next first,
 * then in any top-level folder holding a BUILD_ID.
 */
function nextFacts() {
  const distDirs = [".next"];
  for (const entry of readdirSync(".", { withFileTypes: true })) {
    if (
      entry.isDirectory() &&
      entry.name !== ".next" &&
      entry.name !== "node_modules" &&
      kindOf(path.join(entry.name, "BUILD_ID")) === "file"
    ) {
      distDirs.push(entry.name);
    }
  }
  for (const distDir of distDirs) {
    if (
      kindOf(path.join(distDir, "BUILD_ID")) !== "file" &&
      kindOf(path.join(distDir, "required-server-files.json")) !== "file"
    )
      continue;
    const config = readJson(path.join(distDir, "required-server-files.json"))?.config ?? null;
    return {
      distDir: isSafeRelative(config?.distDir) ? path.normalize(config.distDir) : distDir,
      output: typeof config?.output === "string" ? config.output : null,
      resolvedConfig: config !== null,
      exportMarker: kindOf(path.join(distDir, "export-marker.json")) === "file",
      standaloneServer: standaloneServer(path.join(distDir, "standalone")),
    };
  }
  return null;
}

/**
 * Where Next's standalone server.js is, from the standalone folder: at its top, or (in a monorepo, where
 * file tracing starts at the workspace root) under the app's path.
 */
function standaloneServer(dir) {
  let level = [""];
  for (let depth = 0; depth < 5 && level.length; depth++) {
    const next = [];
    for (const rel of level) {
      if (kindOf(path.join(dir, rel, "server.js")) === "file") return rel ? `${rel}/server.js` : "server.js";
      let entries = [];
      try {
        entries = readdirSync(path.join(dir, rel), { withFileTypes: true });
      } catch {
        return null;
      }
      for (const entry of entries) {
        if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith("."))
          next.push(rel ? `${rel}/${entry.name}` : entry.name);
      }
    }
    level = next;
  }
  return null;
}

/** Nitro (Nuxt, and others built on it) writes the preset it built for in .output/nitro.json. */
function nitroFacts() {
  const manifest = readJson(path.join(".output", "nitro.json"));
  if (manifest === null) return null;
  return { preset: typeof manifest.preset === "string" ? manifest.preset : null };
}

/** Bytes under a path and its newest modification or access time, symlinks not followed. */
function usage(file) {
  const stat = lstatSync(file);
  let bytes = stat.isFile() ? stat.size : 0;
  let usedMs = Math.max(stat.mtimeMs, stat.atimeMs);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(file)) {
      const inner = usage(path.join(file, entry));
      bytes += inner.bytes;
      usedMs = Math.max(usedMs, inner.usedMs);
    }
  }
  return { bytes, usedMs };
}

/** Makes each cache folder exist and keeps them within the limit, dropping least recently used entries. */
function keepCaches({ dirs = [], limitBytes = Infinity }) {
  const entries = [];
  for (const dir of dirs) {
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) entries.push({ path: path.join(dir, name), ...usage(path.join(dir, name)) });
  }
  entries.sort((a, b) => b.usedMs - a.usedMs);
  let bytes = 0;
  const dropped = [];
  for (const entry of entries) {
    if (bytes + entry.bytes <= limitBytes) bytes += entry.bytes;
    else {
      rmSync(entry.path, { recursive: true, force: true });
      dropped.push(entry.path);
    }
  }
  return { bytes, dropped };
}

/** The uid and gid of a user of the image, from /etc/passwd. */
function userIds(name) {
  for (const line of readFileSync("/etc/passwd", "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name) return { uid: Number(uid), gid: Number(gid) };
  }
  throw new Error(`no user ${name} in this image`);
}

/**
 * Gives a folder (not a symlink) and everything in it to a user. Entries already theirs are left alone:
 * on the image's overlay even a no-op chown would copy a file from a lower layer (the restored cache) up.
 */
function giveTo(dir, ids) {
  const stat = lstatSync(dir);
  if (stat.uid !== ids.uid || stat.gid !== ids.gid) lchownSync(dir, ids.uid, ids.gid);
  if (!stat.isDirectory()) return;
  for (const entry of readdirSync(dir)) giveTo(path.join(dir, entry), ids);
}

const paths = {};
for (const candidate of JSON.parse(candidatesJson)) if (isSafeRelative(candidate)) paths[candidate] = kindOf(candidate);

const cacheSpec = JSON.parse(cacheJson);
const caches = keepCaches(cacheSpec);
const next = nextFacts();
const ownsDistDir = (dir) => kindOf(dir) === "dir" && !lstatSync(dir).isSymbolicLink();
if (next && typeof cacheSpec.nextWritableBy === "string" && ownsDistDir(next.distDir)) {
  mkdirSync(path.join(next.distDir, "cache"), { recursive: true });
  giveTo(next.distDir, userIds(cacheSpec.nextWritableBy));
}
// Printed into the build log (this step runs whenever the build ran).
if (caches.dropped.length)
  console.log(`Build cache over PIER_BUILD_CACHE_MB: dropped the least recently used ${caches.dropped.join(", ")}`);
console.log(`Build cache kept for the next build: ${(caches.bytes / 1e6).toFixed(1)} MB`);
writeFileSync(outputFile, JSON.stringify({ version: 1, next, nitro: nitroFacts(), paths, caches }));
