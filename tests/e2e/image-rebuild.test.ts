import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { describeReplicas } from "../../apps/cli/src/commands/apps.ts";
import { startAlertReceiver, type AlertReceiver } from "../support/alert-receiver.ts";
import { testApps } from "../support/apps.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { logText } from "../support/deployments.ts";
import { eventually } from "../support/eventually.ts";
import { nodeAppFiles } from "../support/git-repo.ts";
import { forgetCommit, loseProductionImage, waitUntilServing } from "../support/image-loss.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

/**
 * "An image that is gone is built again": production's image removed from the engine is rebuilt from the
 * deployment's commit and production serves again without a person; when the commit can't be fetched, Pier
 * rolls back by itself to the newest earlier deployment whose image exists. Real Docker, Postgres, Redis and git
 * (file:// repositories); a controller of its own (apps `rbld-…`) with the default sweep (30 s): the API's scale,
 * which finds the image missing, tells it at once (RECONCILE_CHANNEL). Figures are printed, not asserted.
 */
describe("a production image that is gone", () => {
  let platform: Platform;
  let control: TestController;
  let alerts: AlertReceiver;
  const apps = testApps(() => platform, "rbld");
  // Unique text per app: the build cache would give equal sources one image id.
  const text = (what: string) => `${what}-${randomBytes(6).toString("hex")}`;
  const host = (name: string) => `${name}.localhost`;
  const replicaOf = (deploymentId: string) =>
    platform.prisma.replicaState.findUniqueOrThrow({ where: { deploymentId_index: { deploymentId, index: 1 } } });
  const appView = async (name: string) =>
    (await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })).json();

  beforeAll(async () => {
    platform = await startPlatform(testConfig());
    control = await startTestController(platform, "rbld-");
    alerts = await startAlertReceiver();
  });
  afterAll(async () => {
    await control?.close();
    await alerts?.close();
    await apps.cleanup();
    await platform?.close();
  });

  it("is built again from its commit: REBUILDING, then RUNNING from the new image, serving the same", async () => {
    const served = text("rebuilt");
    const { name } = await apps.create(nodeAppFiles(served));
    await alerts.subscribe(platform, [name]);
    const deployed = await apps.deploy(name);
    expect(deployed.status).toBe("READY");
    const releasesBefore = await platform.prisma.release.count({ where: { app: { name } } });

    const lost = await loseProductionImage(platform, name);
    expect(lost.scaleAnswer.statusCode).toBe(200);
    expect(lost.scaleAnswer.body.replicas?.state).toBe("IMAGE_MISSING");

    // The controller asks for the rebuild: the replica shows REBUILDING (the API, the CLI), never a crash.
    const rebuilding = await eventually(
      async () => {
        const view = await appView(name);
        return view.replicas.state === "REBUILDING" ? view : null;
      },
      "the replica REBUILDING",
      60_000,
    );
    const seenRebuildingMs = Date.now() - lost.lostAt;
    expect(rebuilding.replicas.replicas[0]).toMatchObject({ phase: "REBUILDING" });
    expect(rebuilding.replicas.replicas[0].lastReason).toContain(
      `rebuilding the image from commit ${lost.commitSha.slice(0, 12)}`,
    );
    expect(describeReplicas(rebuilding.replicas)).toMatch(/^0\/1 running \(rebuilding its image, not the app\)/);
    const asked = await alerts.waitFor("image.rebuilding", name);
    expect(asked.payload.summary).toContain(`the image of deployment ${lost.shortId} (${lost.imageTag}) is missing`);
    expect(asked.payload.summary).toContain(`from commit ${lost.commitSha.slice(0, 12)}`);

    // Production serves the same text again, from a new image, with nothing counted against the app.
    const servedAgainMs = await waitUntilServing(platform, host(name), served, lost.lostAt);
    const after = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: lost.deploymentId } });
    expect(after).toMatchObject({ status: "READY", imageTag: lost.imageTag, commitSha: lost.commitSha });
    expect(after.imageId).not.toBe(lost.imageId);
    expect(await platform.runtime.imageExists(after.imageId!)).toBe(true);
    expect(await replicaOf(lost.deploymentId)).toMatchObject({ phase: "RUNNING", failures: 0 });
    expect((await appView(name)).replicas).toMatchObject({ desired: 1, running: 1, state: "RUNNING" });
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    expect(app.productionDeploymentId).toBe(lost.deploymentId);
    expect(await platform.prisma.release.count({ where: { appId: app.id } })).toBe(releasesBefore);

    const rebuilt = await alerts.waitFor("image.rebuilt", name);
    expect(rebuilt.payload.summary).toContain(`the image of deployment ${lost.shortId} was built again`);
    const log = await logText(platform.api, platform.auth, lost.deploymentId);
    expect(log).toContain(`Rebuilding this deployment's image: ${lost.imageTag}`);
    expect(log).toContain("is gone from the Docker engine");
    expect(log).toContain(`Rebuilt image ${lost.imageTag} (`);
    console.log(
      `image removed by hand → REBUILDING seen after ${seenRebuildingMs} ms; production serving again ` +
        `${servedAgainMs} ms after the replica was asked to start (rebuild included)`,
    );
  });

  it("whose commit can't be fetched: Pier says so and rolls back to the newest earlier image (automatic)", async () => {
    const first = text("first");
    const second = text("second");
    const { name, repo } = await apps.create(nodeAppFiles(first));
    await alerts.subscribe(platform, [name]);
    const earlier = await apps.deploy(name);
    expect(earlier.status).toBe("READY");
    const secondSha = await repo.commit(nodeAppFiles(second), "second version");
    expect((await apps.deploy(name)).status).toBe("READY");
    await waitUntilServing(platform, host(name), second, Date.now(), 30_000);

    // History rewritten on the server: the second commit is gone for good.
    forgetCommit(repo.dir, earlier.commitSha!, secondSha);
    const lost = await loseProductionImage(platform, name);
    expect(lost.commitSha).toBe(secondSha);

    const failed = await alerts.waitFor("image.rebuild_failed", name, 120_000);
    const servedAgainMs = await waitUntilServing(platform, host(name), first, lost.lostAt);
    expect(failed.payload.summary).toContain(`the image of deployment ${lost.shortId} is gone and could not be built`);
    expect(failed.payload.summary).toContain(`commit ${secondSha.slice(0, 12)} can no longer be fetched`);
    expect(failed.payload.summary).toContain(`rolled back automatically to deployment ${earlier.shortId}`);

    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    expect(app.productionDeploymentId).toBe(earlier.id);
    const releases = (
      await platform.api.inject({ method: "GET", url: `/api/apps/${name}/releases`, headers: platform.auth })
    ).json().releases;
    expect(releases[0]).toMatchObject({
      kind: "ROLLBACK",
      cause: "AUTO",
      from: { id: lost.deploymentId },
      to: { id: earlier.id },
      isCurrent: true,
    });
    expect(releases[0].reason).toContain("can no longer be fetched");
    expect(failed.payload.details).toMatchObject({ rolledBackTo: earlier.id, release: releases[0].version });

    // The lost deployment keeps its history: READY, its replica IMAGE_MISSING saying why, its log telling it.
    const gone = await platform.prisma.deployment.findUniqueOrThrow({ where: { id: lost.deploymentId } });
    expect(gone).toMatchObject({ status: "READY", imageId: lost.imageId });
    const replica = await replicaOf(lost.deploymentId);
    expect(replica).toMatchObject({ phase: "IMAGE_MISSING", failures: 0 });
    expect(replica.lastReason).toContain("could not be built again");
    const log = await logText(platform.api, platform.auth, lost.deploymentId);
    expect(log).toContain(`Rebuild failed: commit ${secondSha.slice(0, 12)} can no longer be fetched`);
    expect(log).toContain(`Rolled back automatically to deployment ${earlier.shortId}`);
    console.log(`commit gone → production serving the earlier deployment again after ${servedAgainMs} ms`);
  });

  it("with no earlier image to go back to: Pier says so, and the replica stays IMAGE_MISSING", async () => {
    const only = text("only");
    const { name, repo } = await apps.create(nodeAppFiles(only));
    await alerts.subscribe(platform, [name]);
    expect((await apps.deploy(name)).status).toBe("READY");
    // The repository itself is gone (deleted on the server): nothing can be fetched from it.
    await repo.remove();
    const lost = await loseProductionImage(platform, name);

    const failed = await alerts.waitFor("image.rebuild_failed", name, 120_000);
    expect(failed.payload.summary).toContain("can no longer be fetched");
    expect(failed.payload.summary).toContain("no earlier deployment of the app has its image on this machine");
    expect(failed.payload.details).toMatchObject({ rolledBackTo: null });
    const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
    expect(app.productionDeploymentId).toBe(lost.deploymentId);
    expect(await platform.prisma.release.count({ where: { appId: app.id, cause: "AUTO" } })).toBe(0);
    // Not asked for again: after further start attempts (each finds the image missing), it is still IMAGE_MISSING
    // and the rebuild was asked for once.
    const back = await eventually(
      async () => {
        const replica = await replicaOf(lost.deploymentId);
        return replica.phase === "IMAGE_MISSING" ? replica : null;
      },
      "the replica back to IMAGE_MISSING",
      30_000,
    );
    await eventually(
      async () => ((await replicaOf(lost.deploymentId)).nextAttemptAt ?? 0) > back.nextAttemptAt!,
      "another start attempt",
      30_000,
    );
    expect((await replicaOf(lost.deploymentId)).phase).toBe("IMAGE_MISSING");
    expect((await appView(name)).replicas.state).toBe("IMAGE_MISSING");
    const asked = await platform.prisma.notificationDelivery.count({
      where: { event: "image.rebuilding", appId: app.id },
    });
    expect(asked).toBe(1);
  });
});
