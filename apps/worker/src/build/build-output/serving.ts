import { DeployFailedError } from "../../errors.ts";
import { GENERIC_STATIC_DIRS, type Preset, type PresetOverrides } from "../framework.ts";
import type { BuildFacts } from "./facts.ts";

/**
 * How the built app is served, decided after the build from what it wrote:
 * - `static`: a folder of files, served by Pier's static server;
 * - `next-standalone`: Next's standalone server with only the files it traced;
 * - `self-contained`: a folder the framework made to run on its own (Nitro's .output), copied alone;
 * - `command`: the build image itself runs a command (a start script, `next start`, a server entry).
 */
export type Serving =
  | { kind: "static"; dir: string; spa?: boolean; reason: string }
  | { kind: "next-standalone"; distDir: string; server: string; reason: string }
  | { kind: "self-contained"; dir: string; argv: string[]; reason: string }
  | { kind: "command"; command: { argv: string[] } | { shell: string }; writableDirs: string[]; reason: string };

export interface ServingInput {
  preset: Preset;
  overrides: PresetOverrides;
  /** package.json's start script, if any. */
  startScript: string | null;
  /** The prefix that runs a package.json script (`npm run`, `pnpm run`, `bun run`). */
  runScript: string;
  /** Without a start script: the file `node` runs (package.json `main`, else server.js), if there is one. */
  mainFile: string | null;
  facts: BuildFacts;
}

// A start script that only runs a development or preview server means: nothing to serve in production.
const DEV_SERVERS = [
  "react-scripts start",
  "vite(\\s+(dev|serve|preview))?(\\s|$)",
  "webpack(-dev-server|\\s+serve)",
  "parcel(\\s|$)",
  "ng serve",
  "astro (dev|preview)",
  "vue-cli-service serve",
  "serve(\\s|$)",
  "gatsby (develop|serve)",
  "nuxt (dev|preview)",
  "next dev",
  "react-router dev",
  "remix (vite:)?dev",
];
const DEV_SERVER = new RegExp(`^\\s*(${DEV_SERVERS.join("|")})`);

/** Whether a start script runs a production server (not a development or preview one). */
export const servesItself = (startScript: string | null): startScript is string =>
  startScript !== null && !DEV_SERVER.test(startScript);

/** Every path the decision may look at: the build stage's collector reports each as file, dir or absent. */
export function factCandidates(preset: Preset): string[] {
  const dirs = [...new Set([...preset.staticDirs, ...GENERIC_STATIC_DIRS, ".output/public", "public", "build/client"])];
  const entries = [
    ".output/server/index.mjs",
    "dist/server/entry.mjs",
    "build/index.js",
    "build/handler.js",
    "build/server/index.js",
  ];
  return [...dirs, ...dirs.map((d) => `${d}/index.html`), ...entries];
}

/**
 * How to serve the app when that can't depend on what the build writes: pier.json's start command, or a
 * plain Node app (no framework) whose start script runs its server. Then one build makes the image.
 */
export function decideBeforeBuild(input: Omit<ServingInput, "facts">): CommandServing | null {
  const { overrides, preset } = input;
  if (overrides.start)
    return { kind: "command", command: { shell: overrides.start }, writableDirs: [], reason: "pier.json sets start" };
  if (overrides.framework || preset.framework !== "none" || !servesItself(input.startScript)) return null;
  return command([...input.runScript.split(" "), "start"], `its start script (${JSON.stringify(input.startScript)})`);
}

/** Decides how to serve the app from the build's facts; pier.json's choices come first. */
export function decideServing(input: ServingInput): Serving {
  const { preset, overrides } = input;
  if (overrides.start)
    return { kind: "command", command: { shell: overrides.start }, writableDirs: [], reason: "pier.json sets start" };
  if (overrides.framework === "static") return staticServing(input, "pier.json sets framework: static");
  if (overrides.framework === "node") return startServing(input) ?? fail(input, "pier.json sets framework: node");
  if (overrides.framework === "nextjs" || preset.framework === "nextjs") return nextServing(input);
  const routerSpa = frameworkSpa(input);
  if (routerSpa) return routerSpa;
  const started = startServing(input, false);
  if (started) return started;
  return frameworkServer(input) ?? findStatic(input) ?? startServing(input) ?? fail(input);
}

const has = (facts: BuildFacts, p: string, kind: "file" | "dir") => facts.paths[p] === kind;

type CommandServing = Extract<Serving, { kind: "command" }>;

function command(argv: string[], reason: string, writableDirs: string[] = []): CommandServing {
  return { kind: "command", command: { argv }, writableDirs, reason };
}

/** The start script, or (allowMain) `node <main file>`; null when there is neither. */
function startServing(input: ServingInput, allowMain = true): Serving | null {
  if (servesItself(input.startScript))
    return command([...input.runScript.split(" "), "start"], `its start script (${JSON.stringify(input.startScript)})`);
  if (allowMain && input.mainFile) return command(["node", input.mainFile], `no start script: node ${input.mainFile}`);
  return null;
}

function nextServing(input: ServingInput): Serving {
  const next = input.facts.next;
  if (!next)
    throw new DeployFailedError("next build wrote no build folder (no .next/BUILD_ID): check the build log above");
  const source = next.resolvedConfig
    ? `${next.distDir}/required-server-files.json`
    : `${next.distDir}/export-marker.json`;
  if (next.output === "export" || (!next.resolvedConfig && next.exportMarker && has(input.facts, "out", "dir"))) {
    if (!has(input.facts, "out", "dir"))
      throw new DeployFailedError('Next.js resolved output: "export", but the build wrote no out/ folder');
    return {
      kind: "static",
      dir: "out",
      spa: input.preset.spa ?? false,
      reason: `Next.js resolved output: "export" (${source}): out/`,
    };
  }
  if (next.output === "standalone") {
    if (next.standaloneServer) {
      return {
        kind: "next-standalone",
        distDir: next.distDir,
        server: next.standaloneServer,
        reason: `Next.js resolved output: "standalone" (${source})`,
      };
    }
    throw new DeployFailedError(
      `Next.js resolved output: "standalone", but the build wrote no ${next.distDir}/standalone/server.js`,
    );
  }
  const why = `Next.js resolved output: ${next.output ? JSON.stringify(next.output) : "the default (a server)"}`;
  return nextStart(input, why, [`${next.distDir}/cache`]);
}

/** A Next.js server build runs its start script when that starts a server, else `next start`. */
function nextStart(input: Omit<ServingInput, "facts">, why: string, writableDirs: string[]): CommandServing {
  if (servesItself(input.startScript))
    return command(
      [...input.runScript.split(" "), "start"],
      `${why}: its start script (${JSON.stringify(input.startScript)})`,
      writableDirs,
    );
  return command(["npx", "--no-install", "next", "start"], `${why}: next start`, writableDirs);
}

/**
 * What a build is expected to come to, when one outcome is usual enough to prepare for: a Next.js build is
 * most often a server. Its build stage is then made ready to be the app's image (USER and CMD; the
 * collector gives the build folder to the app's user), and when the facts agree no second build is needed.
 */
export function expectedServing(input: Omit<ServingInput, "facts">): CommandServing | null {
  if (input.overrides.start || input.overrides.framework || input.preset.framework !== "nextjs") return null;
  return nextStart(input, "Next.js, expected a server", []);
}

/** Whether serving runs the same command as the one the build stage was made ready for. */
export const sameCommand = (serving: Serving, expected: CommandServing) =>
  serving.kind === "command" && JSON.stringify(serving.command) === JSON.stringify(expected.command);

/** React Router / Remix in SPA mode (ssr: false) write no server build: only the client files. */
function frameworkSpa(input: ServingInput): Serving | null {
  const { preset, facts } = input;
  if (preset.framework !== "react-router" && preset.framework !== "remix") return null;
  if (has(facts, "build/server/index.js", "file") || !has(facts, "build/client/index.html", "file")) return null;
  return {
    kind: "static",
    dir: "build/client",
    spa: true,
    reason: `${preset.label} wrote no server build (SPA mode): build/client/`,
  };
}

/** The server a framework's production build writes, when it wrote one. */
function frameworkServer(input: ServingInput): Serving | null {
  const { preset, facts } = input;
  switch (preset.framework) {
    case "nuxt": {
      const preset_ = facts.nitro?.preset ?? "";
      if (has(facts, ".output/server/index.mjs", "file") && !/static/.test(preset_)) {
        const argv = ["node", ".output/server/index.mjs"];
        return {
          kind: "self-contained",
          dir: ".output",
          argv,
          reason: `Nitro preset ${JSON.stringify(preset_ || "unknown")} (.output/nitro.json): .output/server/index.mjs`,
        };
      }
      return null;
    }
    case "astro":
      return has(facts, "dist/server/entry.mjs", "file")
        ? command(
            ["node", "./dist/server/entry.mjs"],
            "the build wrote a server (dist/server/entry.mjs, @astrojs/node)",
          )
        : null;
    case "sveltekit":
      return has(facts, "build/handler.js", "file") && has(facts, "build/index.js", "file")
        ? command(["node", "build"], "the build wrote a server (build/index.js, adapter-node)")
        : null;
    case "react-router":
    case "remix":
      return has(facts, "build/server/index.js", "file")
        ? command(
            [
              "npx",
              "--no-install",
              `${preset.framework === "remix" ? "remix" : "react-router"}-serve`,
              "build/server/index.js",
            ],
            "the build wrote a server (build/server/index.js)",
          )
        : null;
    default:
      return null;
  }
}

type StaticServing = Extract<Serving, { kind: "static" }>;

/** The first static folder the build wrote, among the preset's (or pier.json's outputDir). */
function findStatic(input: ServingInput, dirs = input.preset.staticDirs): StaticServing | null {
  const dir = dirs.find((d) => has(input.facts, d, "dir"));
  if (!dir) return null;
  const why = input.startScript
    ? `its start script only runs a development server (${JSON.stringify(input.startScript)})`
    : "no start script";
  const what = input.preset.framework === "none" ? "A static build" : `${input.preset.label} static build`;
  return { kind: "static", dir, spa: input.preset.spa, reason: `${what} (${why}): ${dir}/` };
}

function staticServing(input: ServingInput, reason: string): Serving {
  const dirs = input.overrides.outputDir ? [input.overrides.outputDir] : input.preset.staticDirs;
  const found = findStatic(input, dirs);
  if (found) return { ...found, reason: `${reason}: ${found.dir}/` };
  throw new DeployFailedError(
    `The build wrote none of ${dirs.map((d) => `${d}/`).join(", ")}: set outputDir in pier.json`,
  );
}

function fail(input: ServingInput, prefix?: string): never {
  const dirs = input.preset.staticDirs.map((d) => `${d}/`).join(", ");
  const start = input.startScript
    ? `its start script ${JSON.stringify(input.startScript)} only runs a development server`
    : "there is no start script";
  throw new DeployFailedError(
    `${prefix ? `${prefix}, but ` : ""}nothing to serve: the build wrote none of ${dirs} and ${start}: ` +
      "set outputDir or start in pier.json",
  );
}
