// Shared by server.mjs and precompress.mjs, so a site sirv can't serve safely fails the image build, not the app.
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Regular files under `root`, as paths relative to it, found without following symlinks.
 * Throws on a symlink that is broken, leaves the site, or names a directory: sirv follows symlinks when it
 * indexes the site at startup, so those would crash it, serve files outside the site, or loop forever.
 * Symlinks to files inside the site are allowed (sirv serves their target) but not listed.
 */
export async function listSiteFiles(root) {
  const realRoot = await realpath(root);
  const files = [];
  const walk = async (dir) => {
    for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(rel);
      else if (entry.isFile()) files.push(rel);
      else if (entry.isSymbolicLink()) await checkSymlink(realRoot, path.join(root, rel));
    }
  };
  await walk("");
  return files;
}

async function checkSymlink(realRoot, link) {
  let target;
  try {
    target = await realpath(link);
  } catch (error) {
    throw new Error(`${link}: broken symlink (${error.code}); remove it from the site`, { cause: error });
  }
  if (target !== realRoot && !target.startsWith(realRoot + path.sep))
    throw new Error(`${link}: symlink points outside the site, to ${target}`);
  if ((await stat(target)).isDirectory())
    throw new Error(`${link}: symlink to a directory; Pier's static server only follows symlinks to files`);
}
