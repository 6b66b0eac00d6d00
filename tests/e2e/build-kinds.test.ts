import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeAppFiles } from "../support/git-repo.ts";
import { getViaRouter, requestViaRouter } from "../support/http.ts";
import { logText } from "../support/deployments.ts";
import { testApps } from "../support/apps.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";

describe("what Pier builds, and how deploys fail", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "kind");

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
  });

  it("deploys a static site (index.html) with Pier's file server", async () => {
    const { name } = await apps.create({
      "index.html": "<h1>static works</h1>\n",
      "about/index.html": "about page\n",
      ".env": "SECRET=1\n",
    });
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("<h1>static works</h1>\n");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`, "/about/")).body).toBe("about page\n");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`, "/.env")).status).toBe(404);
  });

  it("a static site honours its vercel.json: redirects, rewrites, headers; vercel.json is never served", async () => {
    const vercel = {
      redirects: [{ source: "/old/:slug", destination: "/new/:slug", permanent: false }],
      rewrites: [{ source: "/app/(.*)", destination: "/index.html" }],
      headers: [{ source: "/(.*)", headers: [{ key: "X-Price", value: "$5 $HOME" }] }],
      functions: { "api/*.js": { memory: 1024 } },
    };
    const { name } = await apps.create({
      "index.html": "<h1>spa shell</h1>\n",
      "about.html": "about\n",
      "vercel.json": JSON.stringify(vercel),
    });
    const deployment = await apps.deploy(name);
    expect(deployment.status, deployment.reason ?? "").toBe("READY");
    const log = await logText(platform.api, platform.auth, deployment.id);
    expect(log).toContain('vercel.json: "functions" is not supported by Pier\'s static server; ignored');
    const host = `${name}.localhost`;
    const moved = await requestViaRouter(platform.routerPort, host, "/old/post?x=1");
    expect(moved.status).toBe(307);
    expect(moved.headers.location).toBe("/new/post?x=1");
    const rewritten = await requestViaRouter(platform.routerPort, host, "/app/settings");
    expect(rewritten.status).toBe(200);
    expect(rewritten.body.toString()).toBe("<h1>spa shell</h1>\n");
    // "$5 $HOME" survives the Dockerfile's ENV, which would expand it.
    expect(rewritten.headers["x-price"]).toBe("$5 $HOME");
    expect((await requestViaRouter(platform.routerPort, host, "/vercel.json")).status).toBe(404);
  });

  it("builds the repo's own Dockerfile, in a root directory, on the port it EXPOSEs", async () => {
    const dockerfile =
      `FROM ${baseImage}\nWORKDIR /srv\nCOPY server.js .\n` +
      `ENV GREETING="from a Dockerfile"\nEXPOSE 4000\nCMD ["node", "server.js"]\n`;
    const server =
      `require("http").createServer((q, s) => s.end(process.env.GREETING + " on " + process.env.PORT + "\\n"))` +
      `.listen(4000);\n`;
    const { name } = await apps.create(
      { "services/web/Dockerfile": dockerfile, "services/web/server.js": server, "README.md": "monorepo\n" },
      { rootDir: "services/web" },
    );
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("from a Dockerfile on 4000\n");
    expect(await logText(platform.api, platform.auth, deployment.id)).toContain("Dockerfile found");
  });

  it("a base image that can't be pulled: FAILED naming the image, the Dockerfile line and what to do", async () => {
    // A registry address nothing listens on: the engine's pull fails at once, and no traffic leaves the machine.
    const image = "127.0.0.1:9/pier-test/absent:1";
    const { name } = await apps.create({ Dockerfile: `# a comment first\nFROM ${image}\nCMD ["true"]\n` });
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toContain(
      `the base image ${image} (Dockerfile line 2: "FROM ${image}") is not on this machine and could not be pulled`,
    );
    expect(failed.reason).toContain("docker load");
    expect(failed.reason).toContain("registry-mirrors");
  });

  it("a failing build ends FAILED with the reason, and the previous version keeps answering", async () => {
    const { name, repo } = await apps.create(nodeAppFiles("stable v1"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await repo.commit(
      {
        "package.json": JSON.stringify({
          name: "x",
          scripts: { start: "node server.js", build: "echo compiling && exit 3" },
        }),
      },
      "broken build",
    );
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toMatch(/image build failed/);
    expect(failed.isProduction).toBe(false);
    expect(await logText(platform.api, platform.auth, failed.id)).toContain("compiling");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("stable v1\n");
  });

  it("an app never healthy ends FAILED with the evidence; the previous version keeps answering", async () => {
    const { name, repo } = await apps.create(nodeAppFiles("healthy v1"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await repo.commit({ "server.js": `console.log("booting and crashing"); process.exit(7);\n` }, "crashes on start");
    const failed = await apps.deploy(name);
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
    const { name, repo } = await apps.create({
      "package.json": JSON.stringify({ name: "env", scripts: { start: "node server.js" } }),
      "server.js":
        `require("http").createServer((q, s) => s.end("len=" + (process.env.API_TOKEN || "").length + "\\n"))` +
        `.listen(Number(process.env.PORT));\n`,
    });
    const set = await platform.api.inject({
      method: "PUT",
      url: `/api/apps/${name}/env`,
      headers: platform.auth,
      payload: { vars: { API_TOKEN: "s3cr3t-value-123" } },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().vars[0].value).not.toContain("s3cr3t");
    expect((await apps.deploy(name)).status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("len=16\n");

    // An app that prints its secret and dies: the output lands in the log as evidence, redacted.
    await repo.commit(
      { "server.js": `console.log("token=" + process.env.API_TOKEN); process.exit(1);\n` },
      "leaky crash",
    );
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    const log = await logText(platform.api, platform.auth, failed.id);
    expect(log).toContain("token=[redacted]");
    expect(log).not.toContain("s3cr3t-value-123");
  });
});
