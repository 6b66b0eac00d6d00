import { describe, expect, it } from "vitest";
import { mkdir, mkdtemp, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { detectBuildPlan, exposedPort, type BuildPlan, type NodePlan } from "../src/build/detect.ts";
import { generatedDockerfile, type DockerfileOptions } from "../src/build/dockerfiles.ts";
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
const options: { configuredPort: number | null; presetOverrides: Record<string, unknown>; nodeMajors: number[]; defaultNodeMajor: number } = { configuredPort: null, presetOverrides: {}, nodeMajors: [18, 20, 22, 24], defaultNodeMajor: 20 };
const plan = async (files: Record<string, string>, overrides: Partial<typeof options> = {}) => detectBuildPlan(await RepoFiles.open(await dirWith(files), ""), { ...options, ...overrides });
const nodePlan = async (files: Record<string, string>, overrides: Partial<typeof options> = {}) => (await plan(files, overrides)) as NodePlan;
const dockerfileOptions = (overrides: DockerfileOptions["overrides"] = {}): DockerfileOptions => ({ baseImage: "node:20", withCa: false, registry: "https://registry.npmjs.org/", overrides });

describe("detectBuildPlan", () => {
  it("a Dockerfile wins over everything, on the port it EXPOSEs", async () => {
    const files = { Dockerfile: "FROM x\nEXPOSE 5000\n", "package.json": pkg({ scripts: { start: "node ." } }), "index.html": "" };
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
    expect((await nodePlan({ "package.json": pkg({ scripts: { start: "x" } }), "yarn.lock": "# yarn lockfile v1\n" })).packageManager.globalPackage).toBe("yarn@1.22.22");
    const pinned = await nodePlan({ "package.json": pkg({ scripts: { start: "x" }, packageManager: "yarn@1.22.19+sha512.abc" }), "yarn.lock": "" });
    expect(pinned.packageManager.globalPackage).toBe("yarn@1.22.19");
    expect(pinned.packageManager.reason).toContain('"packageManager": "yarn@1.22.19"');
    expect((await nodePlan({ "package.json": pkg({ scripts: { start: "x" } }), "pnpm-lock.yaml": "lockfileVersion: '6.0'\n" })).packageManager.globalPackage).toBe("pnpm@8.15.9");
    expect((await nodePlan({ "package.json": pkg({ scripts: { start: "x" } }), "pnpm-lock.yaml": "lockfileVersion: '9.0'\n" })).packageManager.globalPackage).toBe("pnpm@9.15.9");
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
    const pinnedCli = await nodePlan({ "package.json": pkg({ scripts: { start: "x" } }), "yarn.lock": "__metadata:\n  version: 8\n" });
    expect(pinnedCli.packageManager.globalPackage).toBe("@yarnpkg/cli-dist@4.9.4");
  });
  it("refuses a malformed packageManager naming the field", () => {
    expect(() => parsePackageManagerField("yarn@latest")).toThrow(/"packageManager" is "yarn@latest"/);
    expect(parsePackageManagerField(undefined)).toBeNull();
  });
  it("presets: Next.js (start or standalone), static builds (CRA, Vite, any build without a server), plain Node", async () => {
    const next = await nodePlan({ "package.json": pkg({ scripts: { build: "next build", start: "next start" }, dependencies: { next: "15" } }) });
    expect(next.preset).toMatchObject({ framework: "nextjs", standalone: false });
    const standalone = await nodePlan({ "package.json": pkg({ dependencies: { next: "15" } }), "next.config.mjs": "export default { output: 'standalone' };\n" });
    expect(standalone.preset).toMatchObject({ framework: "nextjs", standalone: true });
    const cra = await nodePlan({ "package.json": pkg({ scripts: { start: "react-scripts start", build: "react-scripts build" }, dependencies: { "react-scripts": "5" } }) });
    expect(cra.preset).toMatchObject({ framework: "static", label: "Create React App", outputDirs: ["build"], spa: true });
    const vite = await nodePlan({ "package.json": pkg({ scripts: { dev: "vite", build: "vite build" }, devDependencies: { vite: "5" } }) });
    expect(vite.preset).toMatchObject({ framework: "static", label: "Vite", outputDirs: ["dist"] });
    const generic = await nodePlan({ "package.json": pkg({ scripts: { build: "node build.js" } }) });
    expect(generic.preset).toMatchObject({ framework: "static", outputDirs: ["dist", "build", "out"] });
    const express = await nodePlan({ "package.json": pkg({ scripts: { start: "node server.js", build: "tsc" }, dependencies: { express: "4" } }) });
    expect(express.preset.framework).toBe("node");
  });
  it("pier.json framework and outputDir override detection", async () => {
    const p = await nodePlan({ "package.json": pkg({ scripts: { start: "node server.js", build: "x" } }) }, { presetOverrides: { framework: "static", outputDir: "public/out" } });
    expect(p.preset).toMatchObject({ framework: "static", outputDirs: ["public/out"] });
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
    expect((await nodePlan({ "package.json": pkg({ main: "src/app.js" }), "src/app.js": "" })).mainFile).toBe("src/app.js");
  });
  it("install scripts or workspaces put the whole source before the install", async () => {
    expect((await nodePlan({ "package.json": pkg({ scripts: { start: "x", postinstall: "prisma generate" } }) })).installNeedsSource).toBe(true);
    expect((await nodePlan({ "package.json": pkg({ scripts: { start: "x" }, workspaces: ["a"] }) })).installNeedsSource).toBe(true);
    expect((await nodePlan({ "package.json": pkg({ scripts: { start: "x" } }) })).installNeedsSource).toBe(false);
  });
  it("reads EXPOSE", () => {
    expect(exposedPort("FROM a\n  expose 8080/tcp\n")).toBe(8080);
    expect(exposedPort("FROM a\n")).toBeNull();
  });
});

describe("the Node version a repo asks for", () => {
  const ask = async (files: Record<string, string>, engines?: unknown) => requestedNodeVersion(await RepoFiles.open(await dirWith(files), ""), engines, [18, 20, 22], 20);
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

describe("generatedDockerfile", () => {
  const nodeOf = async (files: Record<string, string>) => nodePlan(files);
  it("installs the pinned package manager with npm, then the dependencies, before copying the source", async () => {
    const p = await nodeOf({ "package.json": pkg({ scripts: { start: "node .", build: "tsc" } }), "yarn.lock": "" });
    const lines = generatedDockerfile(p, { ...dockerfileOptions(), withCa: true }).trim().split("\n");
    expect(lines[0]).toBe("FROM node:20");
    const at = (line: string) => lines.indexOf(line);
    expect(at('RUN ["npm","install","--global","--no-audit","--no-fund","yarn@1.22.22"]')).toBeGreaterThan(0);
    expect(at('COPY ["yarn.lock","./yarn.lock"]')).toBeLessThan(at('RUN ["sh", "-c", "yarn install --frozen-lockfile --non-interactive"]'));
    expect(at('RUN ["sh", "-c", "yarn install --frozen-lockfile --non-interactive"]')).toBeLessThan(at("COPY . ."));
    expect(lines).toContain('RUN ["sh", "-c", "yarn run build"]');
    expect(lines.join("\n")).toContain("NODE_EXTRA_CA_CERTS");
    expect(lines.join("\n")).toContain('YARN_REGISTRY="https://registry.npmjs.org/"');
    expect(lines.join("\n")).toContain('HOST="0.0.0.0"');
    expect(lines.at(-1)).toBe('CMD ["yarn","run","start"]');
  });
  it("a static build is built in one stage and served by Pier's static server from another", async () => {
    const p = await nodeOf({ "package.json": pkg({ scripts: { build: "vite build" }, devDependencies: { vite: "5" } }) });
    const text = generatedDockerfile(p, dockerfileOptions());
    expect(text).toMatch(/FROM node:20 AS build/);
    expect(text).toContain("COPY --from=build /pier-site /srv/site");
    expect(text).toContain('CMD ["node","/opt/pier/static-server/server.mjs","/srv/site"]');
    expect(text).toContain('PIER_SPA="auto"');
  });
  it("Next.js standalone runs its server.js with HOSTNAME 0.0.0.0", async () => {
    const p = await nodeOf({ "package.json": pkg({ dependencies: { next: "15" }, scripts: { build: "next build" } }), "next.config.js": "module.exports = { output: \"standalone\" }" });
    const text = generatedDockerfile(p, dockerfileOptions());
    expect(text).toContain("COPY --from=build /app/.next/standalone ./");
    expect(text).toContain('HOSTNAME="0.0.0.0"');
    expect(text.trim().split("\n").at(-1)).toBe('CMD ["node","server.js"]');
  });
  it("leaves the CA out when not configured", () => {
    const staticPlan: BuildPlan = { kind: "static", port: 3000 };
    expect(generatedDockerfile(staticPlan, dockerfileOptions())).not.toContain("ca.crt");
  });
  it("puts pier.json commands in exec form, JSON-quoted, so a newline can't start a new instruction", async () => {
    const p = await nodeOf({ "package.json": pkg({ scripts: { start: "x", build: "y" } }) });
    const text = generatedDockerfile(p, dockerfileOptions({ install: "npm install --omit=dev", build: "make\nRUN rm -rf /", start: "node dist/index.js", env: { GREETING: 'say "hi"' } }));
    const lines = text.trim().split("\n");
    expect(lines).toContain('RUN ["sh", "-c", "npm install --omit=dev"]');
    expect(lines).toContain('RUN ["sh", "-c", "make\\nRUN rm -rf /"]');
    expect(lines).not.toContain("RUN rm -rf /");
    expect(lines).toContain('ENV GREETING="say \\"hi\\""');
    expect(lines.at(-1)).toBe('CMD ["sh", "-c", "node dist/index.js"]');
  });
});
