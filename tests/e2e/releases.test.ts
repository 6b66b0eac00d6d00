import { buildStageTag } from "@pier/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createRouter, type Router } from "@pier/router";
import { pino } from "pino";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { eventually } from "../support/eventually.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

describe("releases: rollback, zero-downtime switches, retention", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  const name = `rel-${randomBytes(3).toString("hex")}`;
  const host = `${name}.localhost`;
  const ids: Record<string, string> = {};

  const api = (method: "GET" | "POST", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const images = async () => (await platform.runtime.listImages({ "pier.app": name })).map((i) => i.id).sort();
  async function pushVersion(text: string, files: Record<string, string> = nodeAppFiles(text)) {
    await repo.commit(files, text);
    const res = await api("POST", `/api/apps/${name}/deploy`);
    return waitForStatus(platform.api, platform.auth, res.json().id);
  }

  beforeAll(async () => {
    platform = await startPlatform(
      testConfig({ PIER_RETAIN_DEPLOYMENTS: "2", PIER_DRAIN_MS: "500", PIER_HEALTHCHECK_TIMEOUT_MS: "10000" }),
    );
    repo = await createTestRepo(nodeAppFiles("version 1"));
    expect((await api("POST", "/api/apps", { name, repoUrl: repo.url })).statusCode).toBe(201);
    const v1 = await waitForStatus(
      platform.api,
      platform.auth,
      (await api("POST", `/api/apps/${name}/deploy`)).json().id,
    );
    expect(v1.status).toBe("READY");
    ids.v1 = v1.id;
  });
  afterAll(async () => {
    await api("POST", `/api/apps/${name}/rollback`).catch(() => undefined);
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("a deploy under continuous requests drops none of them", async () => {
    // Bounded, and long enough for a build on a busy machine (waitForStatus gives a deploy 150 s).
    const load = keepRequesting(platform.routerPort, host, {
      concurrency: 4,
      pauseMs: 20,
      maxRequests: 40_000,
      maxMs: 180_000,
    });
    const v2 = await pushVersion("version 2");
    expect(v2.status).toBe("READY");
    ids.v2 = v2.id;
    // Past the drain: the old container has stopped or gone warm (the deploy's log says which, once it has),
    // and requests go on being answered after that.
    await expect
      .poll(() => logText(platform.api, platform.auth, v2.id), { timeout: 30_000 })
      .toMatch(/Kept warm for instant rollback|Stopped after a \d+ ms drain/);
    const okSettled = load.result.ok;
    await eventually(async () => load.result.ok >= okSettled + 20, "requests answered after the old container settled");
    const result = await load.stop();
    expect(result.failures).toEqual({});
    expect(result.bodies).toEqual(new Set(["version 1\n", "version 2\n"]));
  });

  it("rollback to v1 serves v1 again, with no build in between, and is recorded as a release", async () => {
    const imagesBefore = await images();
    const deploymentsBefore = (await api("GET", `/api/apps/${name}/deployments`)).json().deployments.length;
    const res = await api("POST", `/api/apps/${name}/rollback`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      release: {
        name: "v3",
        kind: "ROLLBACK",
        cause: "API",
        from: { id: ids.v2 },
        to: { id: ids.v1 },
        isCurrent: true,
      },
      deployment: { id: ids.v1, isProduction: true },
      started: false,
      routed: true,
    });
    // The router confirmed before the API answered: the very next request gets v1.
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("version 1\n");
    expect(await images()).toEqual(imagesBefore);
    expect((await api("GET", `/api/apps/${name}/deployments`)).json().deployments.length).toBe(deploymentsBefore);

    const releases = (await api("GET", `/api/apps/${name}/releases`)).json().releases;
    expect(releases.map((r: { name: string; kind: string }) => `${r.name}:${r.kind}`)).toEqual([
      "v3:ROLLBACK",
      "v2:DEPLOY",
      "v1:DEPLOY",
    ]);
  });

  it("promote puts v2 back, starting it from its image when its container is gone", async () => {
    const v2 = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: ids.v2 } });
    if (v2.containerId) await platform.runtime.removeContainer(v2.containerId); // as if it had been stopped long ago
    const res = await api("POST", `/api/apps/${name}/promote`, { deploymentId: ids.v2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ release: { name: "v4", kind: "PROMOTE", to: { id: ids.v2 } }, started: true });
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("version 2\n");
  });

  it("bad rollback/promote requests are clear 4xx and change nothing", async () => {
    expect((await api("POST", `/api/apps/${name}/promote`, { deploymentId: ids.v2 })).json()).toMatchObject({
      error: "already_live",
    });
    expect((await api("POST", `/api/apps/${name}/promote`, {})).statusCode).toBe(400);
    expect((await api("POST", `/api/apps/${name}/promote`, { deploymentId: "nope" })).statusCode).toBe(404);
    expect((await api("POST", `/api/apps/no-such-app/rollback`)).statusCode).toBe(404);
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("version 2\n");
  });

  it("a new version that never gets healthy leaves the old one serving, with 0 failed requests meanwhile", async () => {
    const load = keepRequesting(platform.routerPort, host, {
      concurrency: 4,
      pauseMs: 20,
      maxRequests: 3_000,
      maxMs: 30_000,
    });
    const broken = await pushVersion("broken", {
      "server.js":
        `require("http").createServer((q, s) => { s.statusCode = 500; s.end("no"); })` +
        `.listen(Number(process.env.PORT));\n`,
    });
    const result = await load.stop();
    expect(broken.status).toBe("FAILED");
    ids.broken = broken.id;
    expect(broken.reason).toMatch(/Health check failed: no 2xx answer within 10000 ms/);
    expect(await logText(platform.api, platform.auth, broken.id)).toMatch(/GET \/ answers: .*HTTP 500 ×\d+/);
    expect(result.failures).toEqual({});
    expect(result.bodies).toEqual(new Set(["version 2\n"]));
    const app = (await api("GET", `/api/apps/${name}`)).json();
    expect(app.productionDeploymentId).toBe(ids.v2);
  });

  it("retention keeps the live deployment and the rollback target, prunes the rest, and says so", async () => {
    const v3 = await pushVersion("version 3");
    const v4 = await pushVersion("version 4");
    expect([v3.status, v4.status], `${v3.reason ?? ""} ${v4.reason ?? ""}`).toEqual(["READY", "READY"]);
    // Live: v4. Rollback target: v3. Retention 2 → v1 and v2 images are pruned; the broken one's stays a day (a
    // failure is looked into from its image).
    // Clean-up runs after READY (the old container drains first): wait for its log line.
    await expect
      .poll(() => logText(platform.api, platform.auth, v4.id), { timeout: 30_000 })
      .toMatch(/Pruned \d+ old deployment image\(s\)/);
    const deployments = await platform.prisma.deployment.findMany({
      where: { id: { in: [ids.v1!, ids.v2!, v3.id, v4.id] } },
    });
    const pruned = Object.fromEntries(deployments.map((d) => [d.id, d.imagePrunedAt !== null]));
    expect(pruned).toEqual({ [ids.v1!]: true, [ids.v2!]: true, [v3.id]: false, [v4.id]: false });
    const tags = (await platform.runtime.listImages({ "pier.app": name })).flatMap((i) => i.tags);
    const broken = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: ids.broken! } });
    // The newest build stage stays too: it holds the app's build caches.
    expect(tags.sort()).toEqual([v3.imageTag, v4.imageTag, broken.imageTag, buildStageTag(name)].sort());

    const res = await api("POST", `/api/apps/${name}/rollback`, { deploymentId: ids.v1 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: "image_pruned" });
    expect((await getViaRouter(platform.routerPort, host)).body).toBe("version 4\n");
  });

  it("a restarted router rebuilds its table from the database and the running containers", async () => {
    const second: Router = await createRouter(
      platform.config,
      platform.prisma,
      platform.runtime,
      pino({ level: "silent" }),
      { host: "127.0.0.1", port: 0 },
    );
    try {
      expect((await getViaRouter(second.port, host)).body).toBe("version 4\n");
    } finally {
      await second.close();
    }
  });
});
