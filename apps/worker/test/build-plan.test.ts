import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { detectBuildPlan, exposedPort } from "../src/build/detect.ts";
import { generatedDockerfile } from "../src/build/dockerfiles.ts";

async function dirWith(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-detect-"));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}
const pkg = (scripts: Record<string, string>) => JSON.stringify({ name: "x", scripts });

describe("detectBuildPlan", () => {
  it("a Dockerfile wins over everything, on the port it EXPOSEs", async () => {
    const dir = await dirWith({ Dockerfile: "FROM x\nEXPOSE 5000\n", "package.json": pkg({ start: "node ." }), "index.html": "" });
    expect(await detectBuildPlan(dir, null)).toEqual({ kind: "dockerfile", dockerfile: "Dockerfile", port: 5000 });
    expect((await detectBuildPlan(dir, 7000)).port).toBe(7000);
  });
  it.each([
    ["package-lock.json", "npm"],
    ["pnpm-lock.yaml", "pnpm"],
    ["yarn.lock", "yarn"],
  ])("uses the package manager of %s", async (lockfile, manager) => {
    const dir = await dirWith({ "package.json": pkg({ start: "node .", build: "tsc" }), [lockfile]: "" });
    expect(await detectBuildPlan(dir, null)).toEqual({ kind: "node", packageManager: manager, lockfile, hasBuildScript: true, port: 3000 });
  });
  it("a static site", async () => {
    expect(await detectBuildPlan(await dirWith({ "index.html": "<p>" }), null)).toEqual({ kind: "static", port: 3000 });
  });
  it("fails clearly without a start script, on bad JSON, or with nothing to build", async () => {
    await expect(detectBuildPlan(await dirWith({ "package.json": pkg({ build: "x" }) }), null)).rejects.toThrow(/no "start" script/);
    await expect(detectBuildPlan(await dirWith({ "package.json": "{" }), null)).rejects.toThrow(/not valid JSON/);
    await expect(detectBuildPlan(await dirWith({ "README.md": "" }), null)).rejects.toThrow(/nothing to build/);
  });
  it("reads EXPOSE", () => {
    expect(exposedPort("FROM a\n  expose 8080/tcp\n")).toBe(8080);
    expect(exposedPort("FROM a\n")).toBeNull();
  });
});

describe("generatedDockerfile", () => {
  it("installs before copying the source, so dependency layers are cached", () => {
    const text = generatedDockerfile({ kind: "node", packageManager: "npm", lockfile: "package-lock.json", hasBuildScript: true, port: 3000 }, "node:20", true);
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe("FROM node:20");
    expect(lines.indexOf("COPY package.json package-lock.json ./")).toBeLessThan(lines.indexOf("RUN npm ci"));
    expect(lines.indexOf("RUN npm ci")).toBeLessThan(lines.indexOf("COPY . ."));
    expect(lines).toContain("RUN npm run build");
    expect(text).toContain("NODE_EXTRA_CA_CERTS");
    expect(lines.at(-1)).toBe('CMD ["npm", "run", "start"]');
  });
  it("leaves the CA out when not configured", () => {
    expect(generatedDockerfile({ kind: "static", port: 3000 }, "node:20", false)).not.toContain("ca.crt");
  });
});

describe("pier.json overrides in Dockerfiles", () => {
  it("puts commands in exec form, JSON-quoted, so a newline can't start a new instruction", () => {
    const text = generatedDockerfile({ kind: "node", packageManager: "npm", lockfile: null, hasBuildScript: true, port: 3000 }, "node:20", false, {
      install: "npm install --omit=dev",
      build: "make\nRUN rm -rf /",
      start: "node dist/index.js",
      env: { GREETING: 'say "hi"' },
    });
    const lines = text.trim().split("\n");
    expect(lines).toContain('RUN ["sh", "-c", "npm install --omit=dev"]');
    expect(lines).toContain('RUN ["sh", "-c", "make\\nRUN rm -rf /"]');
    expect(lines).not.toContain("RUN rm -rf /");
    expect(lines).toContain('ENV GREETING="say \\"hi\\""');
    expect(lines.at(-1)).toBe('CMD ["sh", "-c", "node dist/index.js"]');
    expect(lines).not.toContain("RUN npm run build");
  });
});
