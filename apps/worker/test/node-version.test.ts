import { describe, expect, it } from "vitest";
import { loadConfig } from "@pier/shared";
import { localEquivalent, nodeImages } from "../src/build/base-image.ts";
import { NEWEST_LTS } from "../src/build/node-version.ts";

const MAJORS = [20, 22, 24, 26];

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
