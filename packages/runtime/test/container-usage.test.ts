import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDockerClient } from "../src/docker/engine.ts";
import { ContainerUsageReader, readCgroupUsage, type CgroupLayout } from "../src/docker/usage.ts";
import { createRuntime } from "../src/index.ts";

const ID = "c0ffee".padEnd(64, "0");

/** A cgroup tree as the kernel lays one out, in a temporary directory. */
async function fakeTree(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "pier-cgroup-"));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

describe("container usage from cgroup files", () => {
  const roots: string[] = [];
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it.each([
    {
      layout: { version: "1", driver: "cgroupfs" } as const,
      files: {
        [`cpuacct/docker/${ID}/cpuacct.usage`]: "1500000000\n",
        [`memory/docker/${ID}/memory.usage_in_bytes`]: "10485760\n",
        [`memory/docker/${ID}/memory.stat`]: "cache 4096\ninactive_file 1048576\ntotal_inactive_file 2097152\n",
      },
    },
    {
      layout: { version: "1", driver: "systemd" } as const,
      files: {
        [`cpuacct/system.slice/docker-${ID}.scope/cpuacct.usage`]: "1500000000\n",
        [`memory/system.slice/docker-${ID}.scope/memory.usage_in_bytes`]: "10485760\n",
        [`memory/system.slice/docker-${ID}.scope/memory.stat`]: "total_inactive_file 2097152\n",
      },
    },
    {
      layout: { version: "2", driver: "cgroupfs" } as const,
      files: {
        [`docker/${ID}/cpu.stat`]: "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n",
        [`docker/${ID}/memory.current`]: "10485760\n",
        [`docker/${ID}/memory.stat`]: "anon 8388608\nfile 2097152\nactive_file 0\ninactive_file 2097152\n",
      },
    },
    {
      layout: { version: "2", driver: "systemd" } as const,
      files: {
        [`system.slice/docker-${ID}.scope/cpu.stat`]: "usage_usec 1500000\n",
        [`system.slice/docker-${ID}.scope/memory.current`]: "10485760\n",
        [`system.slice/docker-${ID}.scope/memory.stat`]: "inactive_file 2097152\n",
      },
    },
  ])("cgroup v$layout.version, $layout.driver: CPU time, and memory without the inactive page cache", async (c) => {
    const root = await fakeTree(c.files);
    roots.push(root);
    const layout: CgroupLayout = { ...c.layout, root };
    expect(readCgroupUsage(layout, ID)).toEqual({ cpuNs: 1_500_000_000, memoryBytes: 8 * 1024 * 1024 });
    expect(readCgroupUsage(layout, "f".repeat(64))).toBeNull(); // gone: nothing to read
  });

  it("reads running containers of this machine's engine in one pass: the figures the engine's stats give", async () => {
    const runtime = createRuntime("docker");
    const name = `pier-usage-${randomBytes(3).toString("hex")}`;
    const id = execFileSync(
      "docker",
      ["run", "-d", "--name", name, "-m", "64m", "pier-local/debian:bookworm-slim", "sh", "-c", "yes > /dev/null"],
      { encoding: "utf8" },
    ).trim();
    try {
      await new Promise((r) => setTimeout(r, 500));
      const first = await runtime.containerUsage([id, "f".repeat(64)]);
      expect(first.engineFallback).toBeNull();
      expect([...first.usage.keys()]).toEqual([id]); // the unknown one is left out
      await new Promise((r) => setTimeout(r, 500));
      const second = (await runtime.containerUsage([id])).usage.get(id)!;
      // `yes` is always ready to run: half a second of it shows, however busy the machine is.
      expect(second.cpuNs - first.usage.get(id)!.cpuNs).toBeGreaterThan(10_000_000);
      expect(second.memoryBytes).toBeGreaterThan(0);
      expect(second.memoryBytes).toBeLessThan(64 * 1024 * 1024);
      // The engine's answer (what the reader falls back to) a moment later: the same memory, a little more CPU.
      const engine = (await new ContainerUsageReader(createDockerClient(), "/nonexistent").read([id])).usage.get(id)!;
      expect(Math.abs(engine.memoryBytes - second.memoryBytes)).toBeLessThan(1024 * 1024);
      expect(engine.cpuNs).toBeGreaterThanOrEqual(second.cpuNs);
    } finally {
      execFileSync("docker", ["rm", "-f", id], { stdio: "ignore" });
    }
  });

  it("asks the engine, and says so, when the cgroup files aren't where the engine's layout puts them", async () => {
    const reader = new ContainerUsageReader(createDockerClient(), "/nonexistent-cgroup-root");
    const id = execFileSync("docker", ["run", "-d", "pier-local/debian:bookworm-slim", "sleep", "30"], {
      encoding: "utf8",
    }).trim();
    try {
      const reading = await reader.read([id]);
      expect(reading.usage.get(id)?.cpuNs).toBeGreaterThan(0);
      expect(reading.engineFallback).toMatch(/^1 of 1 container\(s\) had no readable cgroup files/);
      // A container that is gone is no fallback: nothing is said.
      execFileSync("docker", ["rm", "-f", id], { stdio: "ignore" });
      expect(await reader.read([id])).toEqual({ usage: new Map(), engineFallback: null });
    } finally {
      execFileSync("docker", ["rm", "-f", id], { stdio: "ignore" });
    }
  });
});
