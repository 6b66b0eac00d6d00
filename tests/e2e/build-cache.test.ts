import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { npmApp } from "../support/app-shapes.ts";
import { logText } from "../support/deployments.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

const RUN = randomBytes(4).toString("hex");

/**
 * A build that counts its own runs in node_modules/.cache (where Babel, terser and CRA keep theirs): the
 * count only grows if the cache came back from the previous build. It also writes `entries` MB-sized
 * cache entries, newest last, to see the oldest go when the app's caches are over PIER_BUILD_CACHE_MB.
 */
function countingBuild(text: string): Record<string, string> {
  return {
    // Unique per run: Docker's layer cache must not answer for a build of an earlier run.
    "package.json": JSON.stringify({
      name: "counting",
      version: "1.0.0",
      description: RUN,
      scripts: { build: "node build.js", start: "node server.js" },
    }),
    "build.js": `const fs = require("fs");
const dir = "node_modules/.cache/counter";
fs.mkdirSync(dir, { recursive: true });
const file = dir + "/count";
const count = (fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8")) : 0) + 1;
fs.writeFileSync(file, String(count));
// One MB-sized entry per build, named by the count: the limit keeps the newest.
fs.writeFileSync("node_modules/.cache/blob-" + count, Buffer.alloc(700 * 1024, count));
fs.writeFileSync("count.txt", String(count));
console.log("build number " + count);
`,
    "server.js": `const count = require("fs").readFileSync("count.txt", "utf8");
require("http")
  .createServer((q, s) => s.end(${JSON.stringify(text)} + " build " + count + "\\n"))
  .listen(Number(process.env.PORT));
`,
  };
}

describe("build caches survive between deploys, per app and bounded", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "cache");

  beforeAll(async () => {
    // 1 MB: two 700 KB entries don't fit, so each build keeps only its newest.
    platform = await startPlatform(testConfig({ PIER_BUILD_CACHE_MB: "1" }));
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
  });

  const deployOk = async (name: string) => {
    const deployment = await apps.deploy(name);
    const log = await logText(platform.api, platform.auth, deployment.id);
    expect(deployment.status, `${deployment.reason}\n${log}`).toBe("READY");
    return log;
  };

  it("the framework caches of the previous build come back; past the limit the least recently used go", async () => {
    const { name, repo } = await apps.create(countingBuild("v1"));
    const first = await deployOk(name);
    expect(first).toContain("Build cache: none yet");
    expect(first).toContain("build number 1");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("v1 build 1\n");

    await repo.commit({ "server.js": countingBuild("v2")["server.js"]! }, "a one-line change");
    const second = await deployOk(name);
    expect(second).toMatch(/Build cache: restoring node_modules\/\.cache from the previous build/);
    expect(second).toContain("build number 2");
    expect(second).toMatch(/Build cache over PIER_BUILD_CACHE_MB: dropped the least recently used .*blob-1/);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("v2 build 2\n");

    // Another app's first build starts from nothing: caches are never shared.
    const other = await apps.create(countingBuild("other"));
    expect(await deployOk(other.name)).toContain("build number 1");

    // Nor does a new app that takes a deleted one's name.
    expect(
      (await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth })).statusCode,
    ).toBe(200);
    const again = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    expect(again.statusCode).toBe(201);
    const reborn = await deployOk(name);
    expect(reborn).toContain("Build cache: none yet");
    expect(reborn).toContain("build number 1");
  });

  it("the package manager's store comes back before the install when the lockfile changed", async () => {
    const { name, repo } = await apps.create(npmApp(`store v1 ${RUN}`));
    await deployOk(name);
    const unchanged = await deployOk(name);
    expect(unchanged).not.toContain("the lockfile changed");
    const files = npmApp(`store v2 ${RUN}`);
    const lock = JSON.parse(files["package-lock.json"]!) as {
      version: string;
      packages: Record<string, { version?: string }>;
    };
    lock.version = "1.0.1";
    lock.packages[""]!.version = "1.0.1";
    await repo.commit(
      {
        "package-lock.json": JSON.stringify(lock, null, 2),
        "package.json": files["package.json"]!.replace('"1.0.0"', '"1.0.1"'),
      },
      "a new lockfile",
    );
    const changed = await deployOk(name);
    expect(changed).toMatch(/Build cache: restoring .*\/root\/\.npm \(the lockfile changed\)/);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toContain(`store v1 ${RUN}`);
  });
});
