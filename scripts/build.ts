/**
 * `npm run build`: each Pier process as one plain JavaScript file, which `npm start` and the image run with
 * `node`. TypeScript compiled at run time (tsx) costs every process its compiler and its cache; development and
 * tests keep using tsx and never need this build.
 *
 * esbuild bundles Pier's own code (apps/*, packages/*, the generated Prisma client) into <dir>/dist/main.js;
 * packages from node_modules stay imports, loaded by Node from node_modules as before. Bundling them too made
 * the worker 5 to 12 MB larger (V8 keeps a bundle's whole source), and some read files beside their own code
 * (@fastify/swagger-ui's static files, dockerode's .proto files).
 *
 * `import.meta.url` keeps meaning the source file: code that reads files beside itself (the worker's static
 * server and build-facts collector, the migrations engine) finds them where they are in the repository. So a
 * build belongs to the checkout it was made in (the image builds its own).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Source → bundle, relative to the repository. The supervisor runs the four processes; start.sh runs it. */
const BUNDLES = [
  { source: "scripts/supervise.ts", bundle: "scripts/dist/supervise.js" },
  { source: "apps/api/src/server.ts", bundle: "apps/api/dist/main.js" },
  { source: "apps/worker/src/main.ts", bundle: "apps/worker/dist/main.js" },
  { source: "apps/controller/src/main.ts", bundle: "apps/controller/dist/main.js" },
  { source: "apps/router/src/main.ts", bundle: "apps/router/dist/main.js" },
];

/** Packages from node_modules stay external; Pier's workspaces (@pier/*, linked there) are bundled. */
const externalPackages: Plugin = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@pier/") ? undefined : { path: args.path, external: true },
    );
  },
};

/** Each module's import.meta.url stays its source file's URL (a bundle would otherwise give its own). */
const sourceUrls: Plugin = {
  name: "source-urls",
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      const url = JSON.stringify(pathToFileURL(args.path).href);
      return { contents: text.replaceAll("import.meta.url", url), loader: /\.[cm]?ts$/.test(args.path) ? "ts" : "js" };
    });
  },
};

const started = performance.now();
await build({
  absWorkingDir: ROOT,
  entryPoints: BUNDLES.map((b) => ({ in: b.source, out: b.bundle.replace(/\.js$/, "") })),
  outdir: ".",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // For `NODE_OPTIONS=--enable-source-maps npm start`, whose stack traces then name .ts files and lines. Not on
  // by default: Node then reads every map at start, 2 to 8 MB more per process.
  sourcemap: "linked",
  sourcesContent: false,
  plugins: [externalPackages, sourceUrls],
  logLevel: "warning",
});
const ms = Math.round(performance.now() - started);
process.stderr.write(`built ${BUNDLES.map((b) => path.dirname(b.bundle)).join(", ")} in ${ms} ms\n`);
