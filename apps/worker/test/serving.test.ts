import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBuildFacts, type BuildFacts } from "../src/build/build-output/facts.ts";
import {
  decideServing,
  expectedServing,
  factCandidates,
  sameCommand,
  type Serving,
  type ServingInput,
} from "../src/build/build-output/serving.ts";
import { detectPreset, type PresetOverrides } from "../src/build/framework.ts";

const FIXTURES = fileURLToPath(new URL("./fixtures/build-output/", import.meta.url));
const COLLECTOR = fileURLToPath(new URL("../src/build/build-output/collect-facts.mjs", import.meta.url));

/** Runs the collector in a captured build output, as the build stage does, and decides how to serve it. */
function serve(
  fixture: string,
  overrides: PresetOverrides = {},
  extra: Partial<ServingInput> = {},
): { facts: BuildFacts; serving: Serving } {
  const dir = path.join(FIXTURES, fixture);
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const preset = detectPreset(pkg, overrides);
  const out = path.join(mkdtempSync(path.join(tmpdir(), "pier-facts-")), "facts.json");
  execFileSync(process.execPath, [COLLECTOR, out, JSON.stringify(factCandidates(preset))], { cwd: dir });
  const facts = parseBuildFacts(readFileSync(out, "utf8"));
  const input: ServingInput = {
    preset,
    overrides,
    startScript: pkg.scripts?.start ?? null,
    runScript: "npm run",
    mainFile: null,
    facts,
    ...extra,
  };
  return { facts, serving: decideServing(input) };
}

describe("how a Next.js build is served: from the config next build resolved, never from next.config's text", () => {
  it('a commented-out output: "export" is no export: next start', () => {
    const { facts, serving } = serve("nextjs-commented-export");
    expect(facts.next).toMatchObject({ distDir: ".next", output: null, resolvedConfig: true });
    expect(serving).toMatchObject({
      kind: "command",
      command: { argv: ["npm", "run", "start"] },
      writableDirs: [".next/cache"],
    });
    expect(serving.reason).toContain("Next.js resolved output: the default (a server)");
  });
  it("a Next.js build stage is made ready for a server; only a server build needs no second build", () => {
    const pkg = { scripts: { start: "next start" }, dependencies: { next: "16" } };
    const input = {
      preset: detectPreset(pkg, {}),
      overrides: {},
      startScript: "next start",
      runScript: "npm run",
      mainFile: null,
    };
    const expected = expectedServing(input);
    expect(expected).toMatchObject({ kind: "command", command: { argv: ["npm", "run", "start"] }, writableDirs: [] });
    expect(sameCommand(serve("nextjs-commented-export").serving, expected!)).toBe(true);
    expect(sameCommand(serve("nextjs-ts-config-export").serving, expected!)).toBe(false);
    expect(sameCommand(serve("nextjs-ts-config-standalone").serving, expected!)).toBe(false);
    // Not for other frameworks, nor when pier.json decides.
    expect(expectedServing({ ...input, preset: detectPreset({ dependencies: { vite: "7" } }, {}) })).toBeNull();
    expect(expectedServing({ ...input, overrides: { framework: "static" } })).toBeNull();
  });
  it("next.config.ts computing output: export → out/ with the static server", () => {
    const { serving } = serve("nextjs-ts-config-export");
    expect(serving).toEqual({
      kind: "static",
      dir: "out",
      spa: false,
      reason: 'Next.js resolved output: "export" (.next/required-server-files.json): out/',
    });
  });
  it("next.config.ts computing output: standalone → its server.js", () => {
    const { serving } = serve("nextjs-ts-config-standalone");
    expect(serving).toMatchObject({ kind: "next-standalone", distDir: ".next" });
  });
  it("pier.json start wins over what the build wrote", () => {
    const { serving } = serve("nextjs-ts-config-export", { start: "node custom-server.js" });
    expect(serving).toMatchObject({ kind: "command", command: { shell: "node custom-server.js" } });
  });
});

describe("how other frameworks' builds are served: from the files the build wrote", () => {
  it("Nuxt: Nitro built a node-server (.output/nitro.json), run alone from .output", () => {
    const { facts, serving } = serve("nuxt");
    expect(facts.nitro).toEqual({ preset: "node-server" });
    expect(serving).toMatchObject({
      kind: "self-contained",
      dir: ".output",
      argv: ["node", ".output/server/index.mjs"],
    });
  });
  it("Astro without an adapter: dist/ as static files", () => {
    expect(serve("astro-static").serving).toMatchObject({ kind: "static", dir: "dist", spa: false });
  });
  it("Astro with @astrojs/node: its server entry", () => {
    expect(serve("astro-ssr").serving).toMatchObject({
      kind: "command",
      command: { argv: ["node", "./dist/server/entry.mjs"] },
    });
  });
  it("SvelteKit with adapter-node (kit 2 and kit 3): node build", () => {
    for (const fixture of ["sveltekit-node", "sveltekit3-node"]) {
      expect(serve(fixture).serving).toMatchObject({ kind: "command", command: { argv: ["node", "build"] } });
    }
  });
  it("React Router (SSR): its start script, react-router-serve", () => {
    expect(serve("react-router").serving).toMatchObject({
      kind: "command",
      command: { argv: ["npm", "run", "start"] },
    });
  });
  it("React Router in SPA mode (no server build): build/client/", () => {
    const { serving } = serve(
      "react-router",
      {},
      {
        facts: {
          next: null,
          nitro: null,
          caches: { bytes: 0, dropped: [] },
          paths: { "build/client": "dir", "build/client/index.html": "file" },
        },
      },
    );
    expect(serving).toMatchObject({ kind: "static", dir: "build/client", spa: true });
  });
  it("Gatsby: its start script only runs gatsby develop, so public/ as static files", () => {
    const { serving } = serve("gatsby");
    expect(serving).toMatchObject({ kind: "static", dir: "public", spa: false });
  });
  it("a Vite SPA (tsc -b && vite build): dist/, the SPA fallback left to the server", () => {
    const { serving } = serve("vite-pnpm-workspace");
    expect(serving).toMatchObject({ kind: "static", dir: "dist", spa: undefined });
    expect(serving.reason).toBe("Vite static build (no start script): dist/");
  });
});

describe("the collector's facts are untrusted", () => {
  it("drops paths that leave the app's directory and a distDir outside it", () => {
    const facts = parseBuildFacts(
      JSON.stringify({
        next: { distDir: "../etc", output: "export" },
        paths: { "../x": "dir", "/abs": "dir", dist: "dir", out: "weird" },
      }),
    );
    expect(facts).toEqual({
      next: null,
      nitro: null,
      paths: { dist: "dir", out: null },
      caches: { bytes: 0, dropped: [] },
    });
  });
});
