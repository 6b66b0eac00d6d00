/**
 * `npm run build -w apps/cli` (and `npm pack`, through prepack): the CLI as one JavaScript file, dist/pier.mjs,
 * that needs nothing but Node. Unlike the platform's processes (scripts/build.ts), everything is bundled: the CLI
 * is installed on machines with no checkout and no node_modules, so only Node's own modules stay imports.
 */
import { chmod } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const CLI_DIR = fileURLToPath(new URL(".", import.meta.url));
export const BUNDLE = "dist/pier.mjs";

const started = performance.now();
const result = await build({
  absWorkingDir: CLI_DIR,
  entryPoints: ["src/main.ts"],
  outfile: BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  banner: { js: "#!/usr/bin/env node" },
  // A bundled import of a package would make the tarball need node_modules after all: fail the build instead.
  external: ["node:*"],
  metafile: true,
  logLevel: "warning",
});
const outside = Object.keys(result.metafile.inputs).filter((input) => input.includes("node_modules/"));
if (outside.length > 0) throw new Error(`the CLI must need nothing but Node; it bundles ${outside.join(", ")}`);
await chmod(`${CLI_DIR}/${BUNDLE}`, 0o755);
const ms = Math.round(performance.now() - started);
process.stderr.write(`built apps/cli/${BUNDLE} in ${ms} ms\n`);
