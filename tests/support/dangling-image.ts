import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/**
 * Loads an untagged one-layer image into the local engine, dated `created`: what a failed build's
 * leftover layer is to Docker (no tag, no child), at an age a test can't wait for. Returns its id.
 */
export function loadDanglingImage(created: Date): Promise<string> {
  return loadImage(created);
}

/**
 * Loads a one-layer image of its own (a unique id) into the local engine, dated `created`, with these labels
 * and this tag (none: untagged). Returns its id.
 */
export async function loadImage(
  created: Date,
  options: { labels?: Record<string, string>; tag?: string } = {},
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-dangling-"));
  try {
    await mkdir(path.join(dir, "rootfs"));
    // Unique content: a unique layer, so a unique image id.
    await writeFile(path.join(dir, "rootfs", "leftover"), randomBytes(16).toString("hex"));
    execFileSync("tar", ["-cf", path.join(dir, "layer.tar"), "-C", path.join(dir, "rootfs"), "leftover"]);
    const diffId = `sha256:${sha256(await readFile(path.join(dir, "layer.tar")))}`;
    const config = JSON.stringify({
      architecture: "amd64",
      os: "linux",
      created: created.toISOString(),
      config: options.labels ? { Labels: options.labels } : {},
      rootfs: { type: "layers", diff_ids: [diffId] },
    });
    const configName = `${sha256(config)}.json`;
    await writeFile(path.join(dir, configName), config);
    await writeFile(
      path.join(dir, "manifest.json"),
      JSON.stringify([{ Config: configName, RepoTags: options.tag ? [options.tag] : null, Layers: ["layer.tar"] }]),
    );
    execFileSync("tar", ["-cf", path.join(dir, "image.tar"), "-C", dir, "manifest.json", configName, "layer.tar"]);
    execFileSync("docker", ["load", "-q", "-i", path.join(dir, "image.tar")], { stdio: "ignore" });
    return `sha256:${sha256(config)}`;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
