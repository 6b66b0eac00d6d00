import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { logText } from "../support/deployments.ts";
import { getViaRouter } from "../support/http.ts";
import { testApps } from "../support/apps.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";
import { eventually } from "../support/eventually.ts";

const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";

describe("builds are safe: a repository can't reach the host, and limits hold", () => {
  let platform: Platform;
  let outside: string;
  const apps = testApps(() => platform, "safe");

  beforeAll(async () => {
    platform = await startPlatform(testConfig({ PIER_BUILD_MEMORY_MB: "256" }));
    // A directory of the host's that repositories point at.
    outside = await mkdtemp(path.join(tmpdir(), "pier-host-dir-"));
    await writeFile(path.join(outside, "pier.json"), JSON.stringify({ start: "cat /etc/hostname" }));
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
    await rm(outside, { recursive: true, force: true });
  });

  it("a .pier symlink to a host folder: nothing is written there, and the site deploys", async () => {
    const before = await readdir(outside);
    const { name } = await apps.create({ "index.html": "<p>safe</p>\n", ".pier": { symlink: outside } });
    const deployment = await apps.deploy(name);
    expect(deployment.status, deployment.reason ?? "").toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("<p>safe</p>\n");
    expect(await readdir(outside)).toEqual(before);
  });

  it("a pier.json symlinked out of the checkout is refused, naming it", async () => {
    const { name } = await apps.create({
      "index.html": "<p>x</p>\n",
      "pier.json": { symlink: path.join(outside, "pier.json") },
    });
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("FAILED");
    expect(deployment.reason).toBe("pier.json is a symlink that points outside the repository; Pier won't follow it");
  });

  it("a rootDir that resolves outside the checkout is refused", async () => {
    const { name } = await apps.create({ "README.md": "monorepo\n", web: { symlink: outside } }, { rootDir: "web" });
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("FAILED");
    expect(deployment.reason).toBe('rootDir "web" resolves outside the repository (through a symlink)');
  });

  it(".dockerignore keeps files out of the build context", async () => {
    const server = `const fs = require("fs");
const seen = () => ["secret.txt", "debug.log", "keep.log", "server.js"].map((f) => f + "=" + fs.existsSync(f));
require("http").createServer((q, s) => s.end(seen().join(" ") + "\\n")).listen(3000);
`;
    const { name } = await apps.create({
      Dockerfile: `FROM ${baseImage}\nWORKDIR /srv\nCOPY . .\nCMD ["node", "server.js"]\n`,
      ".dockerignore": "# not for the image\nsecret.txt\n*.log\n!keep.log\n",
      "server.js": server,
      "secret.txt": "s3cret\n",
      "debug.log": "x\n",
      "keep.log": "y\n",
    });
    const deployment = await apps.deploy(name);
    expect(deployment.status, deployment.reason ?? "").toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe(
      "secret.txt=false debug.log=false keep.log=true server.js=true\n",
    );
  });

  it("a build step past the build memory limit ends FAILED naming the limit; the platform stays up", async () => {
    // Bounded: at most 3 GiB in 100 MB steps, so nothing harms the machine even if the limit were missing.
    const hog =
      "const held = []; for (let i = 1; i <= 30; i++) { " +
      'held.push(Buffer.alloc(100 * 1024 * 1024, 1)); console.log("allocated " + i * 100 + " MB"); }';
    const { name } = await apps.create({
      Dockerfile: `FROM ${baseImage}\nRUN ${JSON.stringify(["node", "-e", hog])}\nCMD ["node"]\n`,
    });
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("FAILED");
    expect(deployment.reason).toMatch(
      new RegExp(
        /^image build failed: a build step was killed \(exit 137\), /.source +
          /most likely past the build memory limit \(PIER_BUILD_MEMORY_MB=256\)/.source,
      ),
    );
    const log = await logText(platform.api, platform.auth, deployment.id);
    expect(log).toContain("allocated 100 MB");
    expect(log).not.toContain("allocated 3000 MB");
    expect((await platform.api.inject({ method: "GET", url: "/healthz" })).statusCode).toBe(200);
  });

  it("build steps run in the build cgroup, whose pids.max caps the processes of all builds", async () => {
    const { name } = await apps.create({
      Dockerfile:
        `FROM ${baseImage}\n` +
        `RUN ["sh", "-c", "grep pids /proc/self/cgroup; echo ${randomBytes(4).toString("hex")}"]\nCMD ["node"]\n`,
    });
    const deployment = await apps.deploy(name);
    const log = await logText(platform.api, platform.auth, deployment.id);
    expect(log).toMatch(/Build limits: 256 MB memory, [\d.]+ CPUs, 900 s; at most 4096 processes in all builds/);
    expect(log).toMatch(/pids:\/pier-build\/[0-9a-f]{64}/);
    expect(readFileSync("/sys/fs/cgroup/pids/pier-build/pids.max", "utf8").trim()).toBe(
      String(platform.config.PIER_BUILD_PIDS),
    );
  });

  it("pier.json above the operator's maxima fails the deploy naming each field", async () => {
    const { name } = await apps.create({
      "index.html": "<p>x</p>\n",
      "pier.json": JSON.stringify({ resources: { memory: 8192 }, replicas: 50, healthCheck: { timeoutSeconds: 600 } }),
    });
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("FAILED");
    expect(deployment.reason).toBe(
      "pier.json asks for more than this Pier allows: " +
        'field "resources.memory": 8192 MB is over the operator\'s maximum 4096 MB (PIER_MAX_MEMORY_MB); ' +
        'field "replicas": 50 is over the operator\'s maximum 10 (PIER_MAX_REPLICAS); ' +
        'field "healthCheck.timeoutSeconds": 600 s is over the operator\'s maximum 300 s ' +
        "(PIER_MAX_HEALTHCHECK_TIMEOUT_S)",
    );
  });

  it("a build past the time limit ends FAILED naming the limit, and its build step stops", async () => {
    const slow = await startPlatform(testConfig({ PIER_BUILD_TIMEOUT_S: "3" }));
    const slowApps = testApps(() => slow, "slow");
    try {
      const token = randomBytes(4).toString("hex");
      const { name } = await slowApps.create({
        Dockerfile: `FROM ${baseImage}\nRUN sleep 120 && echo ${token}\nCMD ["node"]\n`,
      });
      const deployment = await slowApps.deploy(name);
      expect(deployment.status).toBe("FAILED");
      expect(deployment.reason).toBe("image build took longer than the build time limit (PIER_BUILD_TIMEOUT_S=3)");
      const buildSteps = () =>
        execFileSync("docker", ["ps", "--no-trunc", "--format", "{{.Command}}"], { encoding: "utf8" })
          .split("\n")
          .filter((c) => c.includes(token));
      await eventually(async () => buildSteps().length === 0, "the timed-out build step has ended");
    } finally {
      await slowApps.cleanup();
      await slow.close();
    }
  });
});
