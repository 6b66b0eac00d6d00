// Image build step: `node precompress.mjs <siteDir>` writes <file>.br and <file>.gz next to compressible
// files, which server.mjs (sirv) then serves as-is to clients that accept them. Compressing once at build
// time lets it use the slowest, smallest settings and costs nothing per request.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { listSiteFiles } from "./site-files.mjs";

const COMPRESSIBLE = new Set(
  "html htm css js mjs cjs json jsonld map svg txt xml rss atom csv md wasm ico webmanifest ttf otf eot".split(" "),
);
// Below this, the saving is smaller than the extra file and header are worth.
const MIN_SIZE = 1024;
// Paths sirv never serves (dotfiles), apart from .well-known, which it does.
const HIDDEN = /(^|[\\/])\.(?!well-known([\\/]|$))/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const variants = [
  [
    ".br",
    (data) =>
      brotli(data, {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }),
  ],
  [".gz", (data) => gzip(data, { level: 9 })],
];

async function precompress(file) {
  const data = await readFile(file);
  if (data.length < MIN_SIZE) return false;
  for (const [suffix, compress] of variants) {
    // A stale sibling must not outlive its file, and a symlinked one must not be written through.
    await rm(file + suffix, { force: true });
    const packed = await compress(data);
    if (packed.length < data.length) await writeFile(file + suffix, packed, { flag: "wx" });
  }
  return true;
}

const siteArg = process.argv[2];
if (!siteArg) throw new Error("usage: node precompress.mjs <siteDir>");
const root = path.resolve(siteArg);
const queue = (await listSiteFiles(root))
  .filter((rel) => !HIDDEN.test(rel) && COMPRESSIBLE.has(path.extname(rel).slice(1).toLowerCase()))
  .map((rel) => path.join(root, rel));
let compressed = 0;
// A few at a time: zlib's async calls run on libuv's thread pool.
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) if (await precompress(file)) compressed++;
  }),
);
console.log(`precompress: ${compressed} files in ${root}`);
