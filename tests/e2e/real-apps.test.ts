import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { brotliDecompressSync } from "node:zlib";
import {
  buildThenStartApp,
  HASHED_ASSET,
  npmApp,
  pnpmApp,
  staticBuildApp,
  yarnBerryApp,
  yarnClassicApp,
} from "../support/app-shapes.ts";
import { logText } from "../support/deployments.ts";
import { fixtureFiles } from "../support/fixtures.ts";
import { getViaRouter, requestViaRouter } from "../support/http.ts";
import { testApps } from "../support/apps.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";

// Apps in the shapes people push, each installing a real dependency from the npm registry.
describe("real app shapes deploy", () => {
  // Unique content per run, so build steps run (and print) rather than come from Docker's cache.
  const run = randomBytes(3).toString("hex");
  let platform: Platform;
  const apps = testApps(() => platform, "shape");
  let lastLog = "";
  const body = async (name: string, path = "/") => {
    const res = await getViaRouter(platform.routerPort, `${name}.localhost`, path);
    // A READY app is served: when it isn't, say how, with the log of the deploy that made it READY.
    if (res.status >= 500) throw new Error(`the router answered ${res.status} for ${name}${path}\n${lastLog}`);
    return res.body;
  };
  const deployOk = async (name: string, timeoutMs?: number) => {
    const deployment = await apps.deploy(name, timeoutMs);
    const log = await logText(platform.api, platform.auth, deployment.id);
    lastLog = log;
    expect(deployment.status, `${deployment.reason}\n${log}`).toBe("READY");
    return { deployment, log };
  };

  // Node 18 maps to a local image (a copy of the default one, tagged); 16 to one this machine can't pull and has
  // no local equivalent of; 20 to 26 to the official images, which here exist only as their pier-local/ equivalents.
  const node18Image = "pier-test/node:18-bookworm-slim";
  beforeAll(async () => {
    execFileSync("docker", ["tag", baseImage, node18Image]);
    const official = [16, 20, 22, 24, 26].map((major) => `${major}=node:${major}-bookworm-slim`);
    platform = await startPlatform(testConfig({ PIER_NODE_IMAGES: [`18=${node18Image}`, ...official].join(",") }));
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
  });

  it("yarn v1 with a dependency: Pier's pinned yarn, no corepack; an unavailable Node falls back, logged", async () => {
    const { name } = await apps.create({ ...yarnClassicApp("yarn v1"), ".nvmrc": "v16.20.2\n" });
    const { log } = await deployOk(name);
    expect(await body(name)).toBe("yarn v1 7200000 node24\n");
    expect(log).toContain("Package manager: yarn 1.22.22 classic (yarn.lock; Pier's pinned version)");
    expect(log).toContain(
      'Node 16 requested (.nvmrc says "v16.20.2"), but node:16-bookworm-slim could not be pulled and there is no ' +
        `pier-local/node:16-bookworm-slim: building on Node 24 (${baseImage}) instead`,
    );
    expect(log).not.toContain("corepack");
  });

  it("pnpm with a v9 lockfile, on the image of the Node major engines.node asks for", async () => {
    const { name } = await apps.create(pnpmApp("pnpm", { engines: { node: "18.x" } }));
    const { log } = await deployOk(name);
    expect(await body(name)).toBe("pnpm 7200000 node24\n");
    expect(log).toContain("Package manager: pnpm 9.15.9");
    expect(log).toContain(`Node 18: ${node18Image} (engines.node is "18.x")`);
  });

  it("a packageManager pin is honoured (yarn 4, Plug'n'Play)", async () => {
    const { name } = await apps.create(yarnBerryApp("berry"));
    const { log } = await deployOk(name);
    expect(await body(name)).toBe("berry 7200000 node24\n");
    expect(log).toContain('Package manager: yarn 4.9.4 ("packageManager": "yarn@4.9.4" in package.json)');
    expect(log).toContain(`Node 24: ${baseImage} (the repo asks for no version; Pier's default, the newest LTS)`);
  });

  it("the Node major .nvmrc asks for: 22, from its local equivalent where it can't be pulled", async () => {
    const { name } = await apps.create({ ...npmApp("nvmrc 22"), ".nvmrc": "22\n" });
    const { log } = await deployOk(name);
    expect(await body(name)).toBe("nvmrc 22 7200000 node22\n");
    expect(log).toMatch(/Node 22: (pier-local\/)?node:22-bookworm-slim \(\.nvmrc says "22"\)/);
  });

  it("pnpm 11 pinned (needs Node >= 22.13) where .nvmrc says 20: built and run on Node 22, and why", async () => {
    const { name } = await apps.create({ ...pnpmApp("pnpm 11", { packageManager: "pnpm@11.8.0" }), ".nvmrc": "20\n" });
    const { log } = await deployOk(name);
    expect(await body(name)).toBe("pnpm 11 7200000 node22\n");
    expect(log).toContain("Package manager: pnpm 11.8.0");
    expect(log).toMatch(/Node 22: (pier-local\/)?node:22-bookworm-slim \(pnpm 11\.8\.0 needs Node >=22\.13; /);
    expect(log).toContain('(pnpm 11.8.0 needs Node >=22.13; .nvmrc says "20")');
  });

  // Two next builds: more than vitest's 180 s on a busy 2-core machine (bench/framework-builds.ts times them).
  it("Next.js 15 (create-next-app, npm lockfile): next build, then next start; or its standalone server", async () => {
    const files = await fixtureFiles("nextjs");
    files["app/page.js"] = Buffer.from(
      files["app/page.js"]!.toString("utf8").replace("Hello from Next.js", `Hello from Next.js ${run}`),
    );
    const { name, repo } = await apps.create(files);
    const { log } = await deployOk(name, 300_000);
    expect(log).toContain(
      'Preset: Next.js ("next" is a dependency): install, npm run build, then serve what the build wrote',
    );
    expect(log).toContain(
      'Serving: Next.js resolved output: the default (a server): its start script ("next start"): npm run start',
    );
    expect(log).toContain("Compiled successfully");
    expect(log).not.toContain("[object Object]");
    expect(await body(name)).toContain(`Hello from Next.js ${run}`);

    await repo.commit({ "next.config.mjs": 'export default { output: "standalone" };\n' }, "standalone output");
    const standalone = await deployOk(name, 300_000);
    expect(standalone.log).toContain(
      'Serving: Next.js resolved output: "standalone" (.next/required-server-files.json): its standalone server',
    );
    expect(standalone.log).toContain('CMD ["node","server.js"]');
    expect(await body(name)).toContain(`Hello from Next.js ${run}`);
  }, 600_000);

  it("build then start (the shape of next build + next start); HOST=0.0.0.0 is set for apps that read it", async () => {
    const { name } = await apps.create(buildThenStartApp(`next-like ${run}`));
    const { log, deployment } = await deployOk(name);
    expect(await body(name)).toBe(`next-like ${run} built at image build\n`);
    expect(log).toContain("compiled .next-like/server.js");
    expect(log).toContain('Serving: its start script ("node .next-like/server.js"): npm run start');
    // Per-phase timings in the log and the API.
    expect(log).toMatch(
      /Timings: queued \d+\.\d\d s · clone .* · build .* · start .* · health .* · switch \d+\.\d\d s/,
    );
    const view = (
      await platform.api.inject({ method: "GET", url: `/api/deployments/${deployment.id}`, headers: platform.auth })
    ).json();
    expect(Object.keys(view.phases)).toEqual(["queued", "clone", "build", "start", "health", "switch"]);
    expect(view.phases.build).toBeGreaterThan(0);
  });

  it("static build served by the static server: SPA fallback, immutable assets, ETag/304, brotli, Range", async () => {
    const { name } = await apps.create(staticBuildApp(`spa-${run}`));
    const { log } = await deployOk(name);
    expect(log).toContain("Serving: A static build (no start script): dist/, with Pier's static server");
    const host = `${name}.localhost`;
    const index = await requestViaRouter(platform.routerPort, host, "/");
    expect(index.status).toBe(200);
    expect(index.headers["content-type"]).toMatch(/^text\/html/);
    expect(index.headers["cache-control"]).toBe("no-cache");
    // A client-side route gets the app's index.html (an SPA), a missing asset does not.
    const route = await requestViaRouter(platform.routerPort, host, "/settings/profile");
    expect(route.status).toBe(200);
    expect(route.body.toString()).toContain(`<title>spa-${run}</title>`);
    expect((await requestViaRouter(platform.routerPort, host, "/assets/missing-12345678.js")).status).toBe(404);

    const asset = await requestViaRouter(platform.routerPort, host, `/${HASHED_ASSET}`, {
      "accept-encoding": "br, gzip",
    });
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/^text\/javascript|^application\/javascript/);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(asset.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(asset.body).toString()).toContain(`console.log("spa-${run}")`);
    const etag = asset.headers.etag as string;
    expect(etag).toBeTruthy();
    expect(
      (
        await requestViaRouter(platform.routerPort, host, `/${HASHED_ASSET}`, {
          "if-none-match": etag,
          "accept-encoding": "br, gzip",
        })
      ).status,
    ).toBe(304);
    const range = await requestViaRouter(platform.routerPort, host, `/${HASHED_ASSET}`, { range: "bytes=0-9" });
    expect(range.status).toBe(206);
    expect(range.body.toString()).toBe("console.lo");
  });

  it("a multi-page static site gets its 404.html for unknown paths, and dotfiles stay private", async () => {
    const { name } = await apps.create({
      "index.html": "<h1>home</h1>\n",
      "about.html": "<h1>about</h1>\n",
      "404.html": "<h1>no such page</h1>\n",
      ".env": "SECRET=1\n",
    });
    await deployOk(name);
    const missing = await requestViaRouter(platform.routerPort, `${name}.localhost`, "/nowhere");
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toBe("<h1>no such page</h1>\n");
    expect(await body(name, "/about")).toBe("<h1>about</h1>\n");
    expect((await requestViaRouter(platform.routerPort, `${name}.localhost`, "/.env")).status).toBe(404);
  });

  it("an app bound to 127.0.0.1 in its container fails fast, saying so; the live version keeps serving", async () => {
    const { name, repo } = await apps.create(npmApp("npm v1"));
    await deployOk(name);
    await repo.commit(
      { "server.js": npmApp("", 'app.listen(Number(process.env.PORT), "127.0.0.1");')["server.js"]! },
      "bind to localhost",
    );
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    // Diagnosed from its sockets, not at the end of the whole health-check timeout (15 s in tests): that
    // reason would begin "no 2xx answer within 15000 ms".
    expect(failed.reason).toBe(
      "Health check failed: the app listens on 127.0.0.1:3000 inside its container, which nothing outside it " +
        "can reach; listen on 0.0.0.0 (or ::) on $PORT (3000).",
    );
    const view = (
      await platform.api.inject({ method: "GET", url: `/api/deployments/${failed.id}`, headers: platform.auth })
    ).json();
    console.log(`loopback-bound app: health check failed after ${view.phases?.health} ms (the timeout is 15000 ms)`);
    expect(await body(name)).toBe("npm v1 7200000 node24\n");
  });

  it("an app that listens on one other port on all interfaces is adopted, and the log says so", async () => {
    const { name } = await apps.create(npmApp("port 8080", 'app.listen(8080, "0.0.0.0");'));
    const { log, deployment } = await deployOk(name);
    expect(log).toContain("the app listens on 0.0.0.0:8080 but PORT is 3000");
    expect(log).toContain("Pier adopts port 8080");
    expect(await body(name)).toBe("port 8080 7200000 node24\n");
    const view = (
      await platform.api.inject({ method: "GET", url: `/api/deployments/${deployment.id}`, headers: platform.auth })
    ).json();
    expect(view.port).toBe(8080);
  });
});
