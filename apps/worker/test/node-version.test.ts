import { describe, expect, it } from "vitest";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "@pier/shared";
import { localEquivalent, nodeImages } from "../src/build/base-image.ts";
import { NEWEST_LTS, nodeForPackageManager, requestedNodeVersion } from "../src/build/node-version.ts";
import { nodeNeededBy } from "../src/build/package-manager.ts";
import { RepoFiles } from "../src/build/repo-files.ts";

const MAJORS = [20, 22, 24, 26];

/** requestedNodeVersion on a checkout holding `files`, with Pier's default majors (default 24). */
async function choose(files: Record<string, string>, pkg: { engines?: unknown; packageManager?: unknown }, dflt = 24) {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-node-version-"));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return requestedNodeVersion(await RepoFiles.open(dir, ""), pkg.engines, MAJORS, dflt, pkg.packageManager);
}

describe("Pier's Node images", () => {
  it("default to the newest LTS (24), with images for 20, 22, 24 and 26", () => {
    const config = loadConfig({});
    expect(NEWEST_LTS).toBe(24);
    expect(config.PIER_NODE_IMAGE).toBe("node:24-bookworm-slim");
    const images = nodeImages(config);
    expect(images.defaultMajor).toBe(24);
    expect(images.majors).toEqual(MAJORS);
    expect(images.byMajor.get(26)).toBe("node:26-bookworm-slim");
  });

  it("take the default major from PIER_NODE_IMAGE: its entry in the map, its local equivalent, or its tag", () => {
    expect(nodeImages(loadConfig({ PIER_NODE_IMAGE: "pier-local/node:22-bookworm-slim" })).defaultMajor).toBe(22);
    expect(nodeImages(loadConfig({ PIER_NODE_IMAGE: "my.registry:5000/node:26.1-alpine" })).defaultMajor).toBe(26);
    const custom = loadConfig({ PIER_NODE_IMAGE: "my/base:latest", PIER_NODE_IMAGES: "22=my/base:latest" });
    expect(nodeImages(custom)).toMatchObject({ defaultMajor: 22, majors: [22] });
    expect(nodeImages(loadConfig({ PIER_NODE_IMAGE: "my/base:latest", PIER_NODE_IMAGES: "" })).defaultMajor).toBe(24);
  });

  it("have local equivalents named pier-local/<image without docker.io/ or library/>", () => {
    expect(localEquivalent("node:24-bookworm-slim")).toBe("pier-local/node:24-bookworm-slim");
    expect(localEquivalent("docker.io/library/node:22-bookworm-slim")).toBe("pier-local/node:22-bookworm-slim");
    expect(localEquivalent("ghcr.io/acme/node:24")).toBe("pier-local/ghcr.io/acme/node:24");
    expect(localEquivalent("pier-local/node:20-bookworm-slim")).toBe("pier-local/node:20-bookworm-slim");
  });
});

describe("the Node a package manager needs", () => {
  it("comes from a table of their own engines fields", () => {
    expect(nodeNeededBy("pnpm", "11.8.0")).toBe(">=22.13");
    expect(nodeNeededBy("pnpm", "11.0.0-rc.1")).toBe(">=22.13");
    expect(nodeNeededBy("pnpm", "10.28.0")).toBe(">=18.12");
    expect(nodeNeededBy("pnpm", "9.15.9")).toBe(">=18.12");
    expect(nodeNeededBy("pnpm", "8.15.9")).toBeNull();
    expect(nodeNeededBy("yarn", "4.9.4")).toBe(">=18.12");
    expect(nodeNeededBy("yarn", "1.22.22")).toBeNull();
    expect(nodeNeededBy("npm", "11.6.2")).toBe("^20.17.0 || >=22.9.0");
    expect(nodeNeededBy("npm", "10.9.4")).toBeNull();
  });

  it("raises the request to the lowest major Pier has that is at least the one asked for and runs it", () => {
    const pnpm11 = { label: "pnpm 11.8.0", range: ">=22.13" };
    expect(nodeForPackageManager({ major: 20, source: '.nvmrc says "20"' }, pnpm11, MAJORS, 24)).toEqual({
      major: 22,
      source: 'pnpm 11.8.0 needs Node >=22.13; .nvmrc says "20"',
    });
    // A major Pier has no image for is raised too (19 → 22), and a newer one stays.
    expect(nodeForPackageManager({ major: 19, source: "s" }, pnpm11, MAJORS, 24).major).toBe(22);
    expect(nodeForPackageManager({ major: 26, source: "s" }, pnpm11, MAJORS, 24)).toEqual({ major: 26, source: "s" });
    // npm 11 runs on the newest Node 20 (^20.17.0), not on 21.
    const npm11 = { label: "npm 11.6.2", range: nodeNeededBy("npm", "11.6.2") };
    expect(nodeForPackageManager({ major: 20, source: "s" }, npm11, MAJORS, 24).major).toBe(20);
    expect(nodeForPackageManager({ major: 21, source: "s" }, npm11, MAJORS, 24).major).toBe(22);
    // Package managers that need nothing change nothing.
    const yarn1 = { label: "yarn 1.22.22", range: null };
    expect(nodeForPackageManager({ major: 20, source: "s" }, yarn1, MAJORS, 24).major).toBe(20);
  });

  it("raises Pier's default when that is too old, and says so when no image is new enough", () => {
    const pnpm11 = { label: "pnpm 11.8.0", range: ">=22.13" };
    const asksNothing = { major: null, source: null };
    expect(nodeForPackageManager(asksNothing, pnpm11, MAJORS, 24)).toEqual(asksNothing);
    expect(nodeForPackageManager(asksNothing, pnpm11, [20, 22], 20)).toEqual({
      major: 22,
      source: "pnpm 11.8.0 needs Node >=22.13; Pier's default is Node 20",
    });
    expect(nodeForPackageManager({ major: 20, source: '.nvmrc says "20"' }, pnpm11, [18, 20], 20)).toEqual({
      major: 20,
      source: '.nvmrc says "20"; pnpm 11.8.0 needs Node >=22.13, which no image has',
    });
  });

  it("applies to what the repo asks for: .nvmrc, .node-version, engines.node, or nothing", async () => {
    const pnpm = { packageManager: "pnpm@11.8.0+sha512.abc" };
    expect(await choose({ ".nvmrc": "20\n" }, pnpm)).toEqual({
      major: 22,
      source: 'pnpm 11.8.0 needs Node >=22.13; .nvmrc says "20"',
    });
    expect((await choose({ ".node-version": "v22.12.0\n" }, pnpm)).major).toBe(22);
    expect(await choose({}, { ...pnpm, engines: { node: "20.x" } })).toEqual({
      major: 22,
      source: 'pnpm 11.8.0 needs Node >=22.13; engines.node is "20.x"',
    });
    expect(await choose({}, pnpm)).toEqual({ major: null, source: null });
    expect(await choose({}, pnpm, 20)).toEqual({
      major: 22,
      source: "pnpm 11.8.0 needs Node >=22.13; Pier's default is Node 20",
    });
    // A pin the Node asked for runs is left alone; so is a repo without a pin.
    const pnpm9 = { packageManager: "pnpm@9.15.9" };
    expect(await choose({ ".nvmrc": "20\n" }, pnpm9)).toEqual({ major: 20, source: '.nvmrc says "20"' });
    expect(await choose({ ".nvmrc": "lts/iron\n" }, {})).toEqual({ major: 20, source: '.nvmrc says "lts/iron"' });
    expect((await choose({ ".nvmrc": "lts/krypton\n" }, {})).major).toBe(24);
  });
});
