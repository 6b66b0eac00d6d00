import { APP_NETWORK } from "@pier/runtime";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { waitForStatus } from "../support/deployments.ts";
import { nodeAppFiles } from "../support/git-repo.ts";
import { getViaRouter } from "../support/http.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// A worker that stops mid-deploy (killed, crashed) leaves its deployment BUILDING or DEPLOYING, and its
// job comes back. These tests leave exactly what such an attempt leaves, then let the job run again.
describe("a deployment taken up again after its worker stopped", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "intr");

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform.worker.resume();
    await apps.cleanup();
    await platform.close();
  });

  /** A deployment whose job waits in the queue while the worker takes none. */
  const queuedWhilePaused = async (name: string) => {
    await platform.worker.pause();
    const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
    expect(res.statusCode).toBe(202);
    return platform.prisma.deployment.findUniqueOrThrow({ where: { id: res.json().id }, include: { app: true } });
  };
  /** The container an attempt started for `deployment` (named and labelled as the pipeline does), from `image`. */
  const leftoverContainer = (
    deployment: { id: string; shortId: string; app: { id: string; name: string } },
    image: string,
  ) =>
    execFileSync(
      "docker",
      [
        "run",
        "-d",
        "--init",
        "--name",
        `pier-${deployment.app.name}-${deployment.shortId}`,
        "--label",
        "pier.managed=true",
        "--label",
        `pier.app=${deployment.app.name}`,
        "--label",
        `pier.app-id=${deployment.app.id}`,
        "--label",
        `pier.deployment=${deployment.id}`,
        "--label",
        "pier.replica=1",
        "-e",
        "PORT=3000",
        "-p",
        "127.0.0.1::3000",
        // On Pier's app network, as Pier starts replicas: the router reaches them at their address there.
        "--network",
        APP_NETWORK,
        image,
      ],
      { encoding: "utf8" },
    ).trim();

  it("clears the containers the stopped attempt started and deploys again (no name clash, no FAILED)", async () => {
    const { name } = await apps.create(nodeAppFiles("first"));
    const first = await apps.deploy(name);
    expect(first.status).toBe("READY");
    const image = (await platform.prisma.deployment.findUniqueOrThrow({ where: { id: first.id } })).imageId!;

    const second = await queuedWhilePaused(name);
    await platform.prisma.deployment.update({
      where: { id: second.id },
      data: { status: "DEPLOYING", startedAt: new Date() },
    });
    const left = leftoverContainer(second, image);
    platform.worker.resume();

    const ended = await waitForStatus(platform.api, platform.auth, second.id);
    expect(ended.status, ended.reason ?? "").toBe("READY");
    const running = await platform.runtime.listContainers({ "pier.deployment": second.id }, { all: true });
    expect(running.map((c) => c.id)).not.toContain(left);
    const log = (
      await platform.api.inject({ method: "GET", url: `/api/deployments/${second.id}/logs`, headers: platform.auth })
    ).body;
    expect(log).toContain("Removed what the interrupted attempt left: 1 container(s)");
  });

  it("finishes a deployment that had already gone live as READY, keeping the containers that serve it", async () => {
    const { name } = await apps.create(nodeAppFiles("live"));
    const first = await apps.deploy(name);
    const image = (await platform.prisma.deployment.findUniqueOrThrow({ where: { id: first.id } })).imageId!;

    const second = await queuedWhilePaused(name);
    await platform.prisma.deployment.update({
      where: { id: second.id },
      data: { status: "DEPLOYING", startedAt: new Date(), imageId: image, port: 3000 },
    });
    const serving = leftoverContainer(second, image);
    // The attempt had switched production before it stopped.
    await platform.prisma.app.update({ where: { name }, data: { productionDeploymentId: second.id } });
    platform.worker.resume();

    const ended = await waitForStatus(platform.api, platform.auth, second.id);
    expect(ended.status, ended.reason ?? "").toBe("READY");
    const running = await platform.runtime.listContainers({ "pier.deployment": second.id });
    expect(running.map((c) => c.id)).toEqual([serving]);
    await platform.router.reload();
    expect((await getViaRouter(platform.routerPort, `${name}.localhost`)).status).toBe(200);
  });
});
