import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTestRepo, nodeAppFiles } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:20-bookworm-slim";

describe("what Pier builds, and how deploys fail", () => {
  let platform: Platform;
  const cleanups: Array<() => Promise<unknown>> = [];

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await platform.close();
  });

  async function createApp(files: Record<string, string>, settings: Record<string, unknown> = {}) {
    const name = `kind-${randomBytes(3).toString("hex")}`;
    const repo = await createTestRepo(files);
    cleanups.push(() => repo.remove(), () => platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth }));
    const res = await platform.api.inject({ method: "POST", url: "/api/apps", headers: platform.auth, payload: { name, repoUrl: repo.url, ...settings } });
    expect(res.statusCode).toBe(201);
    return { name, repo };
  }

  async function deploy(name: string) {
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(res.statusCode).toBe(202);
    return waitForStatus(platform.api, platform.auth, res.json().id);
  }

  it("deploys a static site (index.html) with Pier's file server", async () => {
    const { name } = await createApp({ "index.html": "<h1>static works</h1>\n", "about/index.html": "about page\n", ".env": "SECRET=1\n" });
    const deployment = await deploy(name);
    expect(deployment.status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("<h1>static works</h1>\n");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`, "/about/")).body).toBe("about page\n");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`, "/.env")).status).toBe(404);
  });

  it("builds the repo's own Dockerfile, in a root directory, on the port it EXPOSEs", async () => {
    const dockerfile = `FROM ${baseImage}\nWORKDIR /srv\nCOPY server.js .\nENV GREETING="from a Dockerfile"\nEXPOSE 4000\nCMD ["node", "server.js"]\n`;
    const server = `require("http").createServer((q, s) => s.end(process.env.GREETING + " on " + process.env.PORT + "\\n")).listen(4000);\n`;
    const { name } = await createApp({ "services/web/Dockerfile": dockerfile, "services/web/server.js": server, "README.md": "monorepo\n" }, { rootDir: "services/web" });
    const deployment = await deploy(name);
    expect(deployment.status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("from a Dockerfile on 4000\n");
    expect(await logText(platform.api, platform.auth, deployment.id)).toContain("Dockerfile found");
  });

  it("a failing build ends FAILED with the reason, and the previous version keeps answering", async () => {
    const { name, repo } = await createApp(nodeAppFiles("stable v1"));
    expect((await deploy(name)).status).toBe("READY");
    await repo.commit({ "package.json": JSON.stringify({ name: "x", scripts: { start: "node server.js", build: "echo compiling && exit 3" } }) }, "broken build");
    const failed = await deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toMatch(/image build failed/);
    expect(failed.isProduction).toBe(false);
    expect(await logText(platform.api, platform.auth, failed.id)).toContain("compiling");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("stable v1\n");
  });

  it("an app that never gets healthy ends FAILED with the evidence, and the previous version keeps answering", async () => {
    const { name, repo } = await createApp(nodeAppFiles("healthy v1"));
    expect((await deploy(name)).status).toBe("READY");
    await repo.commit({ "server.js": `console.log("booting and crashing"); process.exit(7);\n` }, "crashes on start");
    const failed = await deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toMatch(/Health check failed: the container exited with code 7/);
    const log = await logText(platform.api, platform.auth, failed.id);
    expect(log).toContain("booting and crashing");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("healthy v1\n");
    // The failed container is cleaned up; only the live one is left.
    const containers = await platform.runtime.listContainers({ "pier.app": name }, { all: true });
    expect(containers).toHaveLength(1);
  });

  it("passes env vars to the app and redacts their values from the deployment log", async () => {
    const { name, repo } = await createApp({
      "package.json": JSON.stringify({ name: "env", scripts: { start: "node server.js" } }),
      "server.js": `require("http").createServer((q, s) => s.end("len=" + (process.env.API_TOKEN || "").length + "\\n")).listen(Number(process.env.PORT));\n`,
    });
    const set = await platform.api.inject({ method: "PUT", url: `/api/apps/${name}/env`, headers: platform.auth, payload: { vars: { API_TOKEN: "s3cr3t-value-123" } } });
    expect(set.statusCode).toBe(200);
    expect(set.json().vars[0].value).not.toContain("s3cr3t");
    expect((await deploy(name)).status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("len=16\n");

    // An app that prints its secret and dies: the output lands in the log as evidence, redacted.
    await repo.commit({ "server.js": `console.log("token=" + process.env.API_TOKEN); process.exit(1);\n` }, "leaky crash");
    const failed = await deploy(name);
    expect(failed.status).toBe("FAILED");
    const log = await logText(platform.api, platform.auth, failed.id);
    expect(log).toContain("token=[redacted]");
    expect(log).not.toContain("s3cr3t-value-123");
  });
});
