import { describe, expect, it } from "vitest";
import { mkdir, mkdtemp, realpath, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BuildFacts } from "../src/build/build-output/facts.ts";
import { decideBeforeBuild, decideServing } from "../src/build/build-output/serving.ts";
import { describePlan, detectBuildPlan, exposedPort, type NodePlan } from "../src/build/detect.ts";
import {
  buildStageDockerfile,
  commandLines,
  servingDockerfile,
  staticSiteDockerfile,
  type DockerfileOptions,
} from "../src/build/dockerfiles.ts";
import { parseNodeImageMap, requestedNodeVersion } from "../src/build/node-version.ts";
import { parsePackageManagerField } from "../src/build/package-manager.ts";
import { RepoFiles } from "../src/build/repo-files.ts";

async function dirWith(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-detect-"));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}
const pkg = (fields: Record<string, unknown>) => JSON.stringify({ name: "x", ...fields });
const options: {
  configuredPort: number | null;
  presetOverrides: Record<string, unknown>;
  nodeMajors: number[];
  defaultNodeMajor: number;
} = { configuredPort: null, presetOverrides: {}, nodeMajors: [18, 20, 22, 24], defaultNodeMajor: 20 };
const plan = async (files: Record<string, string>, overrides: Partial<typeof options> = {}) =>
  detectBuildPlan(await RepoFiles.open(await dirWith(files), ""), { ...options, ...overrides });
const nodePlan = async (files: Record<string, string>, overrides: Partial<typeof options> = {}) =>
  (await plan(files, overrides)) as NodePlan;
const dockerfileOptions = (overrides: DockerfileOptions["overrides"] = {}): DockerfileOptions => ({
  baseImage: "node:20",
  withCa: false,
  registry: "https://registry.npmjs.org/",
  overrides,
  labels: { "pier.app": "x" },
});

describe("detectBuildPlan", () => {
  it("a Dockerfile wins over everything, on the port it EXPOSEs", async () => {
    const files = {
      Dockerfile: "FROM x\nEXPOSE 5000\n",
      "package.json": pkg({ scripts: { start: "node ." } }),
      "index.html": "",
    };
    expect(await plan(files)).toEqual({ kind: "dockerfile", dockerfile: "Dockerfile", port: 5000 });
    expect((await plan(files, { configuredPort: 7000 })).port).toBe(7000);
  });
  it.each([
    ["package-lock.json", "npm", "npm ci"],
    ["pnpm-lock.yaml", "pnpm", "pnpm install --frozen-lockfile"],
    ["yarn.lock", "yarn", "yarn install --frozen-lockfile --non-interactive"],
  ])("uses the package manager of %s, never corepack", async (lockfile, manager, install) => {
    const p = await nodePlan({ "package.json": pkg({ scripts: { start: "node .", build: "tsc" } }), [lockfile]: "" });
    expect(p.packageManager.name).toBe(manager);
    expect(p.packageManager.install).toBe(install);
    expect(p.packageManager.lockfile).toBe(lockfile);
    expect(JSON.stringify(p.packageManager)).not.toContain("corepack");
  });
  it("pins yarn classic and pnpm by version; honours packageManager; picks pnpm by lockfile format", async () => {
    expect(
      (await nodePlan({ "package.json": pkg({ scripts: { start: "x" } }), "yarn.lock": "# yarn lockfile v1\n" }))
        .packageManager.globalPackage,
    ).toBe("yarn@1.22.22");
    const pinned = await nodePlan({
      "package.json": pkg({ scripts: { start: "x" }, packageManager: "yarn@1.22.19+sha512.abc" }),
      "yarn.lock": "",
    });
    expect(pinned.packageManager.globalPackage).toBe("yarn@1.22.19");
    expect(pinned.packageManager.reason).toContain('"packageManager": "yarn@1.22.19"');
    expect(
      (
        await nodePlan({
          "package.json": pkg({ scripts: { start: "x" } }),
          "pnpm-lock.yaml": "lockfileVersion: '6.0'\n",
        })
      ).packageManager.globalPackage,
    ).toBe("pnpm@8.15.9");
    expect(
      (
        await nodePlan({
          "package.json": pkg({ scripts: { start: "x" } }),
          "pnpm-lock.yaml": "lockfileVersion: '9.0'\n",
        })
      ).packageManager.globalPackage,
    ).toBe("pnpm@9.15.9");
  });
  it("yarn berry: the repo's own release when .yarnrc.yml names one, else the pinned CLI", async () => {
    const own = await nodePlan({
      "package.json": pkg({ scripts: { start: "x" } }),
      "yarn.lock": "__metadata:\n  version: 8\n",
      ".yarnrc.yml": "yarnPath: .yarn/releases/yarn-4.5.0.cjs\n",
      ".yarn/releases/yarn-4.5.0.cjs": "",
    });
    expect(own.packageManager.install).toBe("node .yarn/releases/yarn-4.5.0.cjs install --immutable");
    expect(own.packageManager.globalPackage).toBeNull();
    expect(own.packageManager.manifests).toEqual(["package.json", "yarn.lock", ".yarnrc.yml", ".yarn/releases"]);
    const pinnedCli = await nodePlan({
      "package.json": pkg({ scripts: { start: "x" } }),
      "yarn.lock": "__metadata:\n  version: 8\n",
    });
    expect(pinnedCli.packageManager.globalPackage).toBe("@yarnpkg/cli-dist@4.9.4");
  });
  it("Bun: bun.lock (or a bun pin) installs and runs with Bun, its binary from the npm registry", async () => {
    const p = await nodePlan({ "package.json": pkg({ scripts: { start: "bun run src/index.ts" } }), "bun.lock": "{}" });
    expect(p.packageManager).toMatchObject({
      name: "bun",
      version: "1.4.5",
      install: "bun install --frozen-lockfile",
      run: "bun run",
      manifests: ["package.json", "bun.lock"],
    });
    const pinned = await nodePlan({
      "package.json": pkg({ scripts: { start: "x" }, packageManager: "bun@1.3.0" }),
      "bun.lockb": "",
    });
    expect(pinned.packageManager).toMatchObject({ version: "1.3.0", lockfile: "bun.lockb" });
    const lines = buildStageDockerfile(p, dockerfileOptions(), [], {
      layout: { appDirs: [], storeDir: null, lockfileSha: null },
      restore: null,
      limitBytes: 0,
    }).split("\n");
    const setup = lines.findIndex((l) => l.includes("@oven/bun-linux-x64") && l.includes("1.4.5"));
    expect(setup).toBeGreaterThan(0);
    expect(setup).toBeLessThan(lines.indexOf('RUN ["sh", "-c", "bun install --frozen-lockfile"]'));
  });
  it("refuses a malformed packageManager naming the field", () => {
    expect(() => parsePackageManagerField("yarn@latest")).toThrow(/"packageManager" is "yarn@latest"/);
    expect(parsePackageManagerField(undefined)).toBeNull();
  });
  it("presets: the framework the app depends on (a meta-framework before its bundler), else plain Node", async () => {
    const next = await nodePlan({
      "package.json": pkg({ scripts: { build: "next build", start: "next start" }, dependencies: { next: "15" } }),
    });
    expect(next.preset).toMatchObject({ framework: "nextjs", staticDirs: ["out"] });
    expect(next.startScript).toBe("next start");
    const cra = await nodePlan({
      "package.json": pkg({
        scripts: { start: "react-scripts start", build: "react-scripts build" },
        dependencies: { "react-scripts": "5" },
      }),
    });
    expect(cra.preset).toMatchObject({ framework: "cra", label: "Create React App", staticDirs: ["build"], spa: true });
    const vite = await nodePlan({
      "package.json": pkg({ scripts: { dev: "vite", build: "vite build" }, devDependencies: { vite: "5" } }),
    });
    expect(vite.preset).toMatchObject({ framework: "vite", label: "Vite", staticDirs: ["dist"] });
    const astro = await nodePlan({
      "package.json": pkg({ scripts: { build: "astro build" }, dependencies: { astro: "5", vite: "6" } }),
    });
    expect(astro.preset.framework).toBe("astro");
    const kit = await nodePlan({
      "package.json": pkg({ scripts: { build: "vite build" }, devDependencies: { "@sveltejs/kit": "2", vite: "6" } }),
    });
    expect(kit.preset.framework).toBe("sveltekit");
    const generic = await nodePlan({ "package.json": pkg({ scripts: { build: "node build.js" } }) });
    expect(generic.preset).toMatchObject({ framework: "none", staticDirs: ["dist", "build", "out"] });
  });
  it("a next.config is never read: how Next.js is served is decided from what next build resolved", async () => {
    const files = {
      "package.json": pkg({ dependencies: { next: "15" } }),
      "next.config.mjs": 'export default {\n  // output: "export",\n};\n',
    };
    const p = await nodePlan(files);
    expect(p.preset.framework).toBe("nextjs");
    expect(describePlan(p)[0]).toContain("install, next build, then serve what the build wrote");
  });
  it("pier.json outputDir and spa refine the preset", async () => {
    const p = await nodePlan(
      { "package.json": pkg({ scripts: { start: "node server.js", build: "x" } }) },
      { presetOverrides: { framework: "static", outputDir: "public/out", spa: true } },
    );
    expect(p.preset).toMatchObject({ staticDirs: ["public/out"], spa: true });
  });
  it("a static site, with SPA left to the server unless set", async () => {
    expect(await plan({ "index.html": "<p>" })).toEqual({ kind: "static", port: 3000, spa: undefined });
  });
  it("fails clearly without a start script, on bad JSON, or with nothing to build", async () => {
    await expect(plan({ "package.json": pkg({ scripts: { test: "x" } }) })).rejects.toThrow(/no "start" script/);
    await expect(plan({ "package.json": "{" })).rejects.toThrow(/not valid JSON/);
    await expect(plan({ "README.md": "" })).rejects.toThrow(/nothing to build/);
  });
  it("without a start script, runs server.js or main", async () => {
    expect((await nodePlan({ "package.json": pkg({}), "server.js": "" })).mainFile).toBe("server.js");
    expect((await nodePlan({ "package.json": pkg({ main: "src/app.js" }), "src/app.js": "" })).mainFile).toBe(
      "src/app.js",
    );
  });
  it("the app's install hooks run once the source is in; the install uses a package.json without them", async () => {
    const scripts = { start: "x", build: "nuxt build", prepare: "husky", postinstall: "nuxt prepare" };
    const p = await nodePlan({ "package.json": pkg({ scripts }), "package-lock.json": "{}" });
    expect(p.installNeedsSource).toBe(false);
    expect(p.rootHooks?.commands).toEqual(["nuxt prepare", "husky"]); // npm's order: postinstall, then prepare
    expect(JSON.parse(p.rootHooks!.installManifest)).toEqual({
      name: "x",
      scripts: { start: "x", build: "nuxt build" },
    });
    const lines = buildStageDockerfile(p, dockerfileOptions(), [], {
      layout: { appDirs: [], storeDir: null, lockfileSha: null },
      restore: null,
      limitBytes: 0,
    }).split("\n");
    const at = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
    expect(at('COPY [".pier/install/package.json","./package.json"]')).toBeLessThan(at('RUN ["sh", "-c", "npm ci'));
    expect(
      at(
        'RUN ["sh", "-c", "export PATH=\\"$PWD/node_modules/.bin:$PATH\\" && ' +
          "(\\nnuxt prepare\\n) && (\\nhusky\\n) && (\\nnpm run build\\n)",
      ),
    ).toBeGreaterThan(at("COPY . ."));
    // Yarn 2+ keeps the whole source before its install.
    const berry = await nodePlan({
      "package.json": pkg({ scripts, packageManager: "yarn@4.5.0" }),
      "yarn.lock": "__metadata:\n",
    });
    expect([berry.installNeedsSource, berry.rootHooks]).toEqual([true, null]);
  });
  it("install scripts of a workspace member put the whole source before the install", async () => {
    const withMember = {
      "package.json": pkg({ scripts: { start: "x" }, workspaces: ["libs/*"] }),
      "libs/a/package.json": pkg({}),
    };
    const plain = await nodePlan(withMember);
    expect(plain.installNeedsSource).toBe(false);
    expect(plain.packageManager.manifests).toEqual(["package.json", "libs/a/package.json"]);
    const hooked = { ...withMember, "libs/a/package.json": pkg({ scripts: { prepare: "tsc" } }) };
    expect((await nodePlan(hooked)).installNeedsSource).toBe(true);
  });
  it("a workspace app: installs at the root (lockfile, every member's manifest), builds in its folder", async () => {
    const dir = await dirWith({
      "package.json": pkg({ workspaces: ["apps/*", "packages/*", "!packages/private"] }),
      "package-lock.json": "{}",
      "apps/api/package.json": pkg({ scripts: { build: "tsc", start: "node dist/index.js" } }),
      "apps/web/package.json": pkg({ scripts: { build: "vite build" } }),
      "packages/greeting/package.json": pkg({}),
      "packages/private/package.json": pkg({}),
      "docs/package.json": pkg({ scripts: { start: "node ." } }),
    });
    const p = (await detectBuildPlan(await RepoFiles.open(dir, "apps/api"), options)) as NodePlan;
    expect(p.workspace).toEqual({ contextDir: await realpath(dir), appPath: "apps/api", members: 3 });
    expect(p.packageManager.lockfile).toBe("package-lock.json");
    expect(p.packageManager.manifests).toEqual([
      "package.json",
      "package-lock.json",
      "apps/api/package.json",
      "apps/web/package.json",
      "packages/greeting/package.json",
    ]);
    const lines = buildStageDockerfile(p, dockerfileOptions(), [], {
      layout: { appDirs: [], storeDir: null, lockfileSha: null },
      restore: null,
      limitBytes: 0,
    }).split("\n");
    expect(lines.indexOf("WORKDIR /app/apps/api")).toBeGreaterThan(lines.indexOf("COPY . ."));
    expect(lines.indexOf("WORKDIR /app/apps/api")).toBeLessThan(
      lines.findIndex((l) => l.startsWith('RUN ["sh", "-c", "(\\nnpm run build\\n)')),
    );
    // A folder outside the workspace's members is no member: it installs on its own.
    expect(((await detectBuildPlan(await RepoFiles.open(dir, "docs"), options)) as NodePlan).workspace).toBeNull();
  });
  it("reads EXPOSE", () => {
    expect(exposedPort("FROM a\n  expose 8080/tcp\n")).toBe(8080);
    expect(exposedPort("FROM a\n")).toBeNull();
  });
});

describe("the Node version a repo asks for", () => {
  const ask = async (files: Record<string, string>, engines?: unknown) =>
    requestedNodeVersion(await RepoFiles.open(await dirWith(files), ""), engines, [18, 20, 22], 20);
  it("reads .node-version, .nvmrc, then engines.node", async () => {
    expect(await ask({ ".node-version": "18.17.0\n" })).toEqual({ major: 18, source: '.node-version says "18.17.0"' });
    expect((await ask({ ".nvmrc": "v22\n" }, { node: "18" })).major).toBe(22);
    expect((await ask({ ".nvmrc": "lts/iron" })).major).toBe(20);
    expect((await ask({}, { node: ">=18" })).major).toBe(20);
    expect((await ask({}, { node: "^22.1.0" })).major).toBe(22);
    expect((await ask({}, { node: "16.x" })).major).toBe(16);
    expect(await ask({})).toEqual({ major: null, source: null });
  });
  it("parses the image map", () => {
    expect([...parseNodeImageMap("18=node:18-bookworm-slim, 22=my/node:22")]).toEqual([
      [18, "node:18-bookworm-slim"],
      [22, "my/node:22"],
    ]);
  });
});

describe("RepoFiles: the checkout can't point Pier elsewhere", () => {
  it("refuses symlinks out of the checkout, a rootDir outside it, and files over the cap", async () => {
    const outside = await dirWith({ "secret.json": '{"secret":true}' });
    const dir = await dirWith({ "big.json": "x".repeat(2 * 1024 * 1024), "app/index.html": "" });
    await symlink(path.join(outside, "secret.json"), path.join(dir, "pier.json"));
    await symlink(outside, path.join(dir, "elsewhere"));
    const files = await RepoFiles.open(dir, "");
    await expect(files.readText("pier.json")).rejects.toThrow(/symlink that points outside the repository/);
    await expect(files.readText("big.json")).rejects.toThrow(/Pier reads at most 1024 KB/);
    await expect(RepoFiles.open(dir, "elsewhere")).rejects.toThrow(/resolves outside the repository/);
    await expect(RepoFiles.open(dir, "../x")).rejects.toThrow(/points outside the repository/);
    await expect(RepoFiles.open(dir, "missing")).rejects.toThrow(/was not found/);
    expect((await RepoFiles.open(dir, "app")).dir).toMatch(/app$/);
  });
});

describe("generated Dockerfiles", () => {
  const nodeOf = async (files: Record<string, string>) => nodePlan(files);
  const facts: BuildFacts = { next: null, nitro: null, paths: {}, caches: { bytes: 0, dropped: [] } };
  const noCache = {
    layout: { appDirs: ["node_modules/.cache"], storeDir: "/root/.npm", lockfileSha: "abc" },
    restore: null,
    limitBytes: 1 << 30,
  };
  it("the build stage installs the pinned package manager with npm, then dependencies, then the source", async () => {
    const p = await nodeOf({ "package.json": pkg({ scripts: { start: "node .", build: "tsc" } }), "yarn.lock": "" });
    const lines = buildStageDockerfile(p, { ...dockerfileOptions(), withCa: true }, ["dist"], noCache)
      .trim()
      .split("\n");
    expect(lines[0]).toBe("FROM node:20");
    const at = (line: string) => lines.indexOf(line);
    expect(at('RUN ["npm","install","--global","--no-audit","--no-fund","yarn@1.22.22"]')).toBeGreaterThan(0);
    expect(at('COPY ["yarn.lock","./yarn.lock"]')).toBeLessThan(
      at('RUN ["sh", "-c", "yarn install --frozen-lockfile --non-interactive && mkdir -p /root/.npm"]'),
    );
    expect(
      at('RUN ["sh", "-c", "yarn install --frozen-lockfile --non-interactive && mkdir -p /root/.npm"]'),
    ).toBeLessThan(at("COPY . ."));
    // The build and the collector are one step: it writes down what the build produced and keeps the caches.
    expect(lines.at(-1)).toBe(
      `RUN ["sh", "-c", "(\\nyarn run build\\n) && node '/opt/pier/build/collect-facts.mjs' ` +
        `'/opt/pier/build/facts.json' '[\\"dist\\"]' ` +
        `'{\\"dirs\\":[\\"node_modules/.cache\\",\\"/root/.npm\\"],\\"limitBytes\\":1073741824}'"]`,
    );
    expect(lines.join("\n")).toContain("NODE_EXTRA_CA_CERTS");
    expect(lines.join("\n")).toContain('YARN_REGISTRY="https://registry.npmjs.org/"');
    expect(lines.join("\n")).toContain('HOST="0.0.0.0"');
    // Every label in one instruction before the source (the cache layout for the next build, the app's).
    expect(
      lines.indexOf(
        'LABEL pier.app="x" pier.build-cache="{\\"appDirs\\":[\\"node_modules/.cache\\"],' +
          '\\"storeDir\\":\\"/root/.npm\\",\\"lockfileSha\\":\\"abc\\"}"',
      ),
    ).toBeLessThan(lines.indexOf("COPY . ."));
  });
  it("a later build restores the store before the install (new lockfile), the caches before the source", async () => {
    const p = await nodeOf({
      "package.json": pkg({ scripts: { start: "node .", build: "tsc" } }),
      "package-lock.json": "{}",
    });
    const restore = { fromImage: "sha256:prev", appDirs: ["node_modules/.cache"], storeDir: "/root/.npm" };
    const lines = buildStageDockerfile(p, dockerfileOptions(), [], { ...noCache, restore })
      .trim()
      .split("\n");
    const at = (line: string) => lines.indexOf(line);
    const install = 'RUN ["sh", "-c", "npm ci && mkdir -p /root/.npm"]';
    expect(at('COPY --from=sha256:prev ["/root/.npm","/root/.npm"]')).toBeLessThan(at(install));
    expect(
      at('COPY --chown=node:node --from=sha256:prev ["/app/node_modules/.cache","/app/node_modules/.cache"]'),
    ).toBeGreaterThan(at(install));
    expect(
      at('COPY --chown=node:node --from=sha256:prev ["/app/node_modules/.cache","/app/node_modules/.cache"]'),
    ).toBeLessThan(at("COPY . ."));
  });
  it("an app with no build whose serving is known: the source comes in last, so a change costs one layer", async () => {
    const p = await nodeOf({
      "package.json": pkg({ scripts: { start: "node server.js" } }),
      "package-lock.json": "{}",
    });
    const known = decideBeforeBuild({
      preset: p.preset,
      overrides: {},
      startScript: p.startScript,
      runScript: "npm run",
      mainFile: null,
    });
    expect(known).toMatchObject({ kind: "command", command: { argv: ["npm", "run", "start"] } });
    const caches = {
      layout: { appDirs: [], storeDir: "/root/.npm", lockfileSha: "abc" },
      restore: null,
      limitBytes: 1,
    };
    const lines = buildStageDockerfile(p, dockerfileOptions(), [], caches, {
      finish: commandLines(known!),
      factsNeeded: false,
    })
      .trim()
      .split("\n");
    expect(lines.slice(-4)).toEqual([
      expect.stringMatching(/^LABEL pier.app="x" pier.build-cache=/),
      'CMD ["npm","run","start"]',
      "USER node",
      "COPY . .",
    ]);
    expect(lines.join("\n")).not.toContain('collect-facts.mjs",');
  });
  it("serving a start script: the build stage's image runs it as the app's user", async () => {
    const p = await nodeOf({ "package.json": pkg({ scripts: { start: "node .", build: "tsc" } }), "yarn.lock": "" });
    const serving = decideServing({
      preset: p.preset,
      overrides: {},
      startScript: p.startScript,
      runScript: p.packageManager.run,
      mainFile: null,
      facts,
    });
    const lines = servingDockerfile(p, serving, "sha256:abc", dockerfileOptions()).trim().split("\n");
    expect(lines).toEqual(["FROM sha256:abc", "USER node", 'CMD ["yarn","run","start"]']);
  });
  it("a static build is served by Pier's static server, copied from the build stage", async () => {
    const p = await nodeOf({
      "package.json": pkg({ scripts: { build: "vite build" }, devDependencies: { vite: "5" } }),
    });
    const serving = decideServing({
      preset: p.preset,
      overrides: {},
      startScript: null,
      runScript: "npm run",
      mainFile: null,
      facts: { ...facts, paths: { dist: "dir" } },
    });
    const text = servingDockerfile(p, serving, "sha256:abc", dockerfileOptions());
    expect(text).toMatch(/^FROM sha256:abc AS build\nFROM node:20\n/);
    expect(text).toContain('COPY --from=build ["/app/dist","/srv/site"]');
    expect(text).toContain('CMD ["node","/opt/pier/static-server/server.mjs","/srv/site"]');
    expect(text).toContain('PIER_SPA="auto"');
  });
  it("Next.js standalone runs its server.js with HOSTNAME 0.0.0.0", async () => {
    const p = await nodeOf({ "package.json": pkg({ dependencies: { next: "15" }, scripts: { build: "next build" } }) });
    const next = {
      distDir: ".next",
      output: "standalone",
      resolvedConfig: true,
      exportMarker: false,
      standaloneServer: "server.js",
    };
    const serving = decideServing({
      preset: p.preset,
      overrides: {},
      startScript: null,
      runScript: "npm run",
      mainFile: null,
      facts: { ...facts, next },
    });
    const text = servingDockerfile(p, serving, "sha256:abc", dockerfileOptions());
    expect(text).toContain('COPY --from=build ["/app/.next/standalone/","./"]');
    expect(text).toContain('COPY --from=build ["/app/.next/static","./.next/static"]');
    expect(text).toContain('HOSTNAME="0.0.0.0"');
    expect(text.trim().split("\n").at(-1)).toBe('CMD ["node","server.js"]');
  });
  it("leaves the CA out when not configured", () => {
    const staticPlan = { kind: "static", port: 3000 } as const;
    expect(staticSiteDockerfile(staticPlan, dockerfileOptions())).not.toContain("ca.crt");
  });
  it("puts pier.json commands in exec form, JSON-quoted, so a newline can't start a new instruction", async () => {
    const p = await nodeOf({ "package.json": pkg({ scripts: { start: "x", build: "y" } }) });
    const options = dockerfileOptions({
      install: "npm install --omit=dev",
      build: "make\nRUN rm -rf /",
      start: "node dist/index.js",
      env: { GREETING: 'say "hi"' },
    });
    const lines = buildStageDockerfile(p, options, [], noCache).trim().split("\n");
    expect(lines).toContain('RUN ["sh", "-c", "npm install --omit=dev && mkdir -p /root/.npm"]');
    expect(lines.at(-1)).toMatch(/^RUN \["sh", "-c", "\(\\nmake\\nRUN rm -rf \/\\n\) && node /);
    expect(lines).not.toContain("RUN rm -rf /");
    expect(lines).toContain('ENV GREETING="say \\"hi\\""');
    const serving = decideServing({
      preset: p.preset,
      overrides: { start: "node dist/index.js" },
      startScript: "x",
      runScript: "npm run",
      mainFile: null,
      facts,
    });
    expect(servingDockerfile(p, serving, "sha256:abc", options).trim().split("\n").at(-1)).toBe(
      'CMD ["sh", "-c", "node dist/index.js"]',
    );
  });
});
