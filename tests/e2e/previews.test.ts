import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { deliveryHeaders, pushPayload } from "../support/github.ts";
import { getViaRouter } from "../support/http.ts";
import { waitForStatus } from "../support/deployments.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

describe("preview deployments", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let secret = "";
  const name = `pv-${randomBytes(3).toString("hex")}`;
  const previewHost = `${name}-git-feature-try-this.localhost`;

  const push = async (branch: string, sha: string, deleted = false) => {
    const body = JSON.stringify(pushPayload({ branch, sha, deleted }));
    return platform.api.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("push", secret, body),
      payload: body,
    });
  };

  beforeAll(async () => {
    platform = await startPlatform();
    repo = await createTestRepo(nodeAppFiles("production main"));
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    secret = created.json().webhookSecret;
    const main = await push("main", repo.sha);
    expect((await waitForStatus(platform.api, platform.auth, main.json().deploymentId)).status).toBe("READY");
  });
  afterAll(async () => {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  it("ignores other branches until previews are enabled", async () => {
    const sha = await repo.commit(nodeAppFiles("feature one"), "feature work", "feature/Try_This");
    const res = await push("feature/Try_This", sha);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ ignored: true });
    expect(res.json().reason).toMatch(/previews are off/);
  });

  it("with previews on, a branch push deploys at <app>-git-<slug> and production is unchanged", async () => {
    const patched = await platform.api.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: platform.auth,
      payload: { previews: true },
    });
    expect(patched.json().previews).toBe(true);
    const sha = await repo.commit({}, "feature work again", "feature/Try_This");
    const res = await push("feature/Try_This", sha);
    expect(res.statusCode).toBe(202);
    const deployment = await waitForStatus(platform.api, platform.auth, res.json().deploymentId);
    expect(deployment.status).toBe("READY");
    expect(deployment.isProduction).toBe(false);
    expect(
      (
        await platform.api.inject({ method: "GET", url: `/api/deployments/${deployment.id}`, headers: platform.auth })
      ).json().previewUrl,
    ).toBe(`http://${previewHost}:8080`);
    expect((await getViaRouter(platform.routerPort, previewHost)).body).toBe("feature one\n");
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("production main\n");
    const releases = (
      await platform.api.inject({ method: "GET", url: `/api/apps/${name}/releases`, headers: platform.auth })
    ).json().releases;
    expect(releases).toHaveLength(1);
  });

  it("a new push to the branch updates its preview and retires the older one", async () => {
    const sha = await repo.commit(nodeAppFiles("feature two"), "feature update", "feature/Try_This");
    const res = await push("feature/Try_This", sha);
    expect((await waitForStatus(platform.api, platform.auth, res.json().deploymentId)).status).toBe("READY");
    expect((await getViaRouter(platform.routerPort, previewHost)).body).toBe("feature two\n");
    // Stopped and removed (not just stopped): only the newest preview container is left.
    await expect
      .poll(
        async () =>
          (
            await platform.runtime.listContainers(
              { "pier.app": name, "pier.preview": "feature-try-this" },
              { all: true },
            )
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
  });

  it("deleting the branch stops its preview", async () => {
    const res = await push("feature/Try_This", "0".repeat(40), true);
    expect(res.statusCode).toBe(202);
    expect(res.json().reason).toMatch(/preview stopped \(1 container/);
    expect((await getViaRouter(platform.routerPort, previewHost)).status).toBe(404);
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).body).toBe("production main\n");
  });

  it("any branch name becomes a safe DNS label", async () => {
    const branch = `Weird/Branch_Name.With.Dots--and-${"x".repeat(80)}`;
    const sha = await repo.commit({}, "weird", branch);
    const res = await push(branch, sha);
    const deployment = await waitForStatus(platform.api, platform.auth, res.json().deploymentId);
    const previewUrl: string = (
      await platform.api.inject({ method: "GET", url: `/api/deployments/${deployment.id}`, headers: platform.auth })
    ).json().previewUrl;
    const label = new URL(previewUrl).hostname.split(".")[0]!;
    expect(label).toMatch(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/);
    expect(label.length).toBeLessThanOrEqual(63);
    expect(label.startsWith(`${name}-git-weird-branch-name-with-dots-and-xxx`)).toBe(true);
    expect((await getViaRouter(platform.routerPort, `${label}.localhost`)).body).toBe("feature two\n");
  });
});
