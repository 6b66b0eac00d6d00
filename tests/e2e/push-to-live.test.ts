import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { compose } from "../support/compose.ts";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { deliveryHeaders, pushPayload } from "../support/github.ts";
import { getViaRouter } from "../support/http.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

describe("git push → live app", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  const name = `hello-${randomBytes(3).toString("hex")}`;
  let firstDeployment = "";

  beforeAll(async () => {
    platform = await startPlatform();
    repo = await createTestRepo(nodeAppFiles("hello from v1"));
  });
  afterAll(async () => {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  async function push(sha: string, message: string) {
    const app = await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth });
    const body = JSON.stringify(pushPayload({ branch: "main", sha, message }));
    const started = Date.now();
    const res = await platform.api.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("push", app.json().webhookSecret, body),
      payload: body,
    });
    expect(res.statusCode).toBe(202);
    // Within GitHub's 10 s for a delivery (it answers before anything is built); bench/api-answers.ts
    // measures how soon.
    expect(Date.now() - started).toBeLessThan(10_000);
    return res.json().deploymentId as string;
  }

  it("creates the app with its webhook URL and secret", async () => {
    const res = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    expect(res.statusCode).toBe(201);
    const app = res.json();
    expect(app).toMatchObject({ name, branch: "main", repoUrl: repo.url, productionDeploymentId: null });
    expect(app.webhookUrl).toMatch(new RegExp(`/webhooks/github/${name}$`));
    expect(app.webhookSecret).toMatch(/^[0-9a-f]{48}$/);
  });

  it("a signed push deploys the commit and the router serves it", async () => {
    const id = await push(repo.sha, "first version");
    const queued = await platform.api.inject({ method: "GET", url: `/api/deployments/${id}`, headers: platform.auth });
    expect(queued.json()).toMatchObject({
      commitSha: repo.sha,
      commitMessage: "first version",
      branch: "main",
      trigger: "PUSH",
    });

    const deployment = await waitForStatus(platform.api, platform.auth, id);
    expect(deployment.reason).toBeNull();
    expect(deployment.status).toBe("READY");
    expect(deployment.isProduction).toBe(true);
    expect(deployment.imageTag).toBe(`pier/${name}:${repo.sha.slice(0, 12)}`);

    const live = await getViaRouter(platform.routerPort, `${name}.localhost`);
    expect(live).toEqual({ status: 200, body: "hello from v1\n" });
    const own = await getViaRouter(platform.routerPort, `${name}-${deployment.shortId}.localhost:8080`);
    expect(own.body).toBe("hello from v1\n");

    const log = await logText(platform.api, platform.auth, id);
    expect(log).toContain("Package manager: npm (no lockfile, the image's npm)");
    expect(log).toContain("Healthy after");
  });

  it("pushing a change serves the new text; the previous version stays warm for rollback", async () => {
    const before = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/deployments`,
      headers: platform.auth,
    });
    const previous = before.json().deployments[0];
    const sha = await repo.commit(nodeAppFiles("hello from v2"), "second version");
    const id = await push(sha, "second version");
    const deployment = await waitForStatus(platform.api, platform.auth, id);
    expect(deployment.status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("hello from v2\n");

    const list = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/deployments`,
      headers: platform.auth,
    });
    const [newest, older] = list.json().deployments;
    expect(newest.id).toBe(id);
    expect(older.id).toBe(previous.id);
    expect(newest.isProduction).toBe(true);
    expect(older.isProduction).toBe(false);
    // Kept warm (PIER_WARM_DEPLOYMENTS=1): still running, reachable at its own URL.
    expect((await getViaRouter(platform.routerPort, `${name}-${previous.shortId}.localhost`)).body).toBe(
      "hello from v1\n",
    );
    firstDeployment = previous.shortId;
  });

  it("shows the running app's own output (runtime logs), and can follow it", async () => {
    const res = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/logs?tail=20`,
      headers: platform.auth,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("listening on 3000");
    const live = (await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).json()
      .productionDeploymentId;
    const row = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: live } });
    const stream = await platform.runtime.streamContainerLogs(row.containerId!, { tail: 5, follow: true });
    let followed = "";
    for await (const chunk of stream) {
      followed += chunk.toString();
      if (followed.includes("listening on 3000")) break; // leaving the loop ends the follow
    }
    expect(followed).toContain("listening on 3000");
    const none = await platform.api.inject({
      method: "GET",
      url: "/api/apps/no-such-app/logs",
      headers: platform.auth,
    });
    expect(none.statusCode).toBe(404);
  });

  it("exports the current release as a docker-compose file that compose accepts", async () => {
    const res = await platform.api.inject({ method: "GET", url: `/api/apps/${name}/export`, headers: platform.auth });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/yaml/);
    const dir = await mkdtemp(path.join(tmpdir(), "pier-export-"));
    try {
      await writeFile(path.join(dir, "docker-compose.yml"), res.body);
      const resolved = compose(["config"], { cwd: dir });
      expect(resolved).toContain(`image: pier/${name}:`);
      expect(resolved).toMatch(/PORT: ['"]?3000/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const none = await platform.api.inject({
      method: "GET",
      url: "/api/apps/no-such-app/export",
      headers: platform.auth,
    });
    expect(none.statusCode).toBe(404);
  });

  it("POST /deploy builds the branch head and records the commit", async () => {
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: "QUEUED", trigger: "API", commitSha: null });
    // The live log (Server-Sent Events) follows the build from the start and ends with the outcome.
    const stream = platform.api.inject({
      method: "GET",
      url: `/api/deployments/${res.json().id}/logs/stream`,
      headers: platform.auth,
    });
    const deployment = await waitForStatus(platform.api, platform.auth, res.json().id);
    const events = (await stream).body;
    expect(events).toMatch(/^event: line\ndata: \{"id":"\d+","stream":"build","line":"Cloning /m);
    expect(events).toMatch(/event: status\ndata: \{"status":"(QUEUED|BUILDING|DEPLOYING)"\}/);
    expect(events.trimEnd().split("\n\n").at(-1)).toBe('event: end\ndata: {"status":"READY","reason":null}');
    expect(deployment.status).toBe("READY");
    const head = await platform.api.inject({
      method: "GET",
      url: `/api/deployments/${deployment.id}`,
      headers: platform.auth,
    });
    expect(head.json().commitMessage).toBe("second version");
    // Two releases later, v1 is neither live nor the rollback target: drained and stopped.
    await expect
      .poll(async () => (await getViaRouter(platform.routerPort, `${name}-${firstDeployment}.localhost`)).status, {
        timeout: 30_000,
      })
      .toBe(404);
  });

  it("DELETE removes the app and stops its containers", async () => {
    const res = await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json().removedContainers).toBeGreaterThanOrEqual(1);
    const left = await platform.runtime.listContainers({ "pier.app": name }, { all: true });
    expect(left).toEqual([]);
    await expect
      .poll(async () => (await getViaRouter(platform.routerPort, `${name}.localhost`)).status, { timeout: 30_000 })
      .toBe(404);
  });
});
