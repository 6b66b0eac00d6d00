import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeAppFiles } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { logText } from "../support/deployments.ts";
import { testApps } from "../support/apps.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

const baseImage = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
const envServer = `require("http").createServer((q, s) => {
  if (q.url === "/healthz") return s.end("ok");
  s.end([process.env.PORT, process.env.GREETING, process.env.MODE].join(" ") + "\\n");
}).listen(Number(process.env.PORT));
`;

describe("pier.json: configuration in the repo", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "cfg");

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
  });

  it("applies port, health check, start command, env defaults, resources, and logs where each came from", async () => {
    const pierJson = {
      port: 4100,
      start: "node server.js",
      healthCheck: { path: "/healthz", timeoutSeconds: 20 },
      env: { GREETING: "from-pier-json", MODE: "default" },
      resources: { memory: 96, cpus: 0.5 },
    };
    const { name } = await apps.create(
      {
        "package.json": JSON.stringify({ name: "cfg", scripts: { start: "node nothing.js" } }),
        "server.js": envServer,
        "pier.json": JSON.stringify(pierJson),
      },
      { port: 5000, healthCheckPath: "/ignored" },
    );
    await platform.api.inject({
      method: "PUT",
      url: `/api/apps/${name}/env`,
      headers: platform.auth,
      payload: { vars: { MODE: "from-app-settings" } },
    });
    const deployment = await apps.deploy(name);
    expect(deployment.reason).toBeNull();
    // pier.json beats app settings (port, health path); the app's env var beats pier.json's default.
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe(
      "4100 from-pier-json from-app-settings\n",
    );
    const log = await logText(platform.api, platform.auth, deployment.id);
    expect(log).toContain("port: 4100 (pier.json)");
    expect(log).toContain("health check path: /healthz (pier.json)");
    expect(log).toContain("memory: 96 MB (pier.json)");
    const row = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
    const container = await platform.runtime.inspectContainer(row.containerId!);
    expect(container?.running).toBe(true);
    expect(row).toMatchObject({
      memoryMb: 96,
      cpus: 0.5,
      healthCheckPath: "/healthz",
      healthCheckTimeoutMs: 20_000,
      port: 4100,
    });
  });

  it("without pier.json, app settings beat detection", async () => {
    const { name } = await apps.create(
      { "package.json": JSON.stringify({ name: "cfg", scripts: { start: "node server.js" } }), "server.js": envServer },
      { port: 4200, healthCheckPath: "/healthz" },
    );
    const deployment = await apps.deploy(name);
    expect(deployment.status).toBe("READY");
    const log = await logText(platform.api, platform.auth, deployment.id);
    expect(log).toContain("port: 4200 (app settings)");
    expect(log).toContain("health check path: /healthz (app settings)");
  });

  it("an invalid pier.json fails the deploy naming the field, and production is untouched", async () => {
    const { name, repo } = await apps.create(nodeAppFiles("config v1"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await repo.commit(
      { "pier.json": JSON.stringify({ port: "eighty", healthCheck: { path: "healthz" }, replica: 2 }) },
      "bad config",
    );
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toContain('field "port"');
    expect(failed.reason).toContain('field "healthCheck.path"');
    expect(failed.reason).toContain('field "replica": not a pier.json setting');
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("config v1\n");
  });

  it("a failing test command stops the release; a passing one lets it through", async () => {
    const { name, repo } = await apps.create(nodeAppFiles("tested v1"));
    expect((await apps.deploy(name)).status).toBe("READY");
    await repo.commit(
      { ...nodeAppFiles("tested v2"), "pier.json": JSON.stringify({ test: "echo running the suite && exit 1" }) },
      "red tests",
    );
    const failed = await apps.deploy(name);
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toBe("test command failed (exit 1): echo running the suite && exit 1");
    expect(await logText(platform.api, platform.auth, failed.id)).toContain("running the suite");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("tested v1\n");
    const leftovers = await platform.runtime.listContainers({ "pier.app": name, "pier.role": "test" }, { all: true });
    expect(leftovers).toEqual([]);

    await repo.commit(
      {
        "pier.json": JSON.stringify({
          test:
            "node -e \"process.exit(require('./package.json').name === 'hello' && " +
            "process.env.PORT === '3000' && process.env.HOST === '0.0.0.0' ? 0 : 1)\"",
        }),
      },
      "green tests",
    );
    const passed = await apps.deploy(name);
    expect(passed.status).toBe("READY");
    expect(await logText(platform.api, platform.auth, passed.id)).toMatch(/Tests passed in \d+ ms/);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("tested v2\n");
  });

  it("a repo's own Dockerfile still wins; pier.json's start command and env are layered onto its image", async () => {
    const dockerfile = [
      `FROM ${baseImage}`,
      "WORKDIR /srv",
      "COPY server.js .",
      "EXPOSE 4300",
      'CMD ["node", "-e", "process.exit(3)"]',
      "",
    ].join("\n");
    const { name } = await apps.create({
      Dockerfile: dockerfile,
      "server.js": envServer,
      "pier.json": JSON.stringify({ start: "node server.js", env: { GREETING: "layered" } }),
    });
    const deployment = await apps.deploy(name);
    expect(deployment.reason).toBeNull();
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("4300 layered \n");
    expect(await logText(platform.api, platform.auth, deployment.id)).toContain("Applying pier.json to the image");
  });

  it("publishes the JSON Schema of pier.json", async () => {
    const res = await platform.api.inject({ method: "GET", url: "/schemas/pier.json" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: "pier.json", type: "object", additionalProperties: false });
    expect(Object.keys(res.json().properties)).toEqual(
      expect.arrayContaining(["build", "start", "install", "port", "healthCheck", "env", "resources", "test"]),
    );
  });
});
