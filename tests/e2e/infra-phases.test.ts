import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reconcileProduction } from "@pier/release";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeReplicas } from "../../apps/cli/src/commands/apps.ts";
import { testApps } from "../support/apps.ts";
import { cookieOf, postSignIn } from "../support/dashboard-forms.ts";
import { startPlatform, type Platform } from "../support/platform.ts";

// A mark of its own, so its image is no other app's (the build cache would give equal sources one image id).
const appFiles = () => ({
  "package.json": JSON.stringify({ name: "infra", scripts: { start: "node server.js" } }),
  "server.js": `// ${randomBytes(8).toString("hex")}
require("http").createServer((q, s) => s.end("up")).listen(Number(process.env.PORT));
process.on("SIGTERM", () => process.exit(0));
`,
});

/**
 * "Infrastructure is not the app": a replica whose image was removed by hand can't start, and that is not
 * the app crashing. Real Docker, Postgres and Redis. No controller looks after this file's apps (prefix
 * `infra-`), so the reconcile passes it runs are the only ones, each when it chooses.
 */
describe("a replica whose image is gone", () => {
  let platform: Platform;
  const apps = testApps(() => platform, "infra");
  const saved = join(tmpdir(), `pier-infra-${randomBytes(4).toString("hex")}.tar`);
  /** The image put back from `saved`: no longer any deployment's once the app is deleted. */
  let loadedImage: string | null = null;
  const scale = (name: string, replicas: number) =>
    platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/scale`,
      headers: platform.auth,
      payload: { replicas },
    });

  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await apps.cleanup();
    await platform.close();
    await rm(saved, { force: true });
    if (loadedImage) execFileSync("docker", ["rmi", "-f", loadedImage], { stdio: "ignore" });
  });

  it("is IMAGE_MISSING naming the image, never counted nor CRASH_LOOP; put back, it runs again", async () => {
    const { name } = await apps.create(appFiles());
    expect((await apps.deploy(name)).status).toBe("READY");
    const app = await platform.prisma.app.findUniqueOrThrow({
      where: { name },
      include: { productionDeployment: true },
    });
    const live = app.productionDeployment!;
    const imageTag = live.imageTag!;
    expect((await scale(name, 0)).statusCode).toBe(200);
    // Kept aside (the same image id comes back from it), then removed by hand: by its id, since the build
    // tags it twice (the deployment's tag and <app>:build-stage) and removing one tag would leave it there.
    execFileSync("docker", ["save", "-o", saved, imageTag], { stdio: "ignore" });
    execFileSync("docker", ["rmi", "-f", live.imageId!], { stdio: "ignore" });
    expect(await platform.runtime.imageExists(live.imageId!), "the image is gone").toBe(false);

    // The API's scale runs a reconcile pass under the app's lock: the replica can't start.
    const up = await scale(name, 1);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({
      started: [],
      replicas: { desired: 1, running: 0, state: "IMAGE_MISSING", replicas: [{ index: 1, phase: "IMAGE_MISSING" }] },
    });
    const reason = `image ${imageTag} is gone: Docker refused to create container`;
    expect(up.json().replicas.replicas[0].lastReason).toContain(reason);

    // More passes, each after the replica's retry is due: held back each time, never counted, never a crash loop.
    const key = { deploymentId_index: { deploymentId: live.id, index: 1 } };
    for (let pass = 1; pass <= 4; pass++) {
      const before = Date.now();
      const outcome = await reconcileProduction(platform.api.pier, app.id, new Date(before + pass * 3_600_000));
      expect(outcome).toMatchObject({
        serving: 0,
        started: [],
        crashLooping: [],
        restartedByRuntime: [],
        enteredCrashLoop: [],
        blockedByInfra: [{ index: 1, phase: "IMAGE_MISSING" }],
      });
      const state = await platform.prisma.replicaState.findUniqueOrThrow({ where: key });
      expect(state).toMatchObject({ phase: "IMAGE_MISSING", failures: 0, restarts: 0, containerId: null });
      expect(state.lastReason).toContain(reason);
      expect(state.lastReason).toContain(`No such image: ${live.imageId}`);
      // The next try: INFRA_RETRY_MS.IMAGE_MISSING (5 s) after the attempt, not a back-off that grows.
      expect(state.nextAttemptAt!.getTime() - 5_000).toBeGreaterThanOrEqual(before);
      expect(state.nextAttemptAt!.getTime() - 5_000).toBeLessThanOrEqual(Date.now());
    }
    expect(await platform.runtime.listContainers({ "pier.app": name }, { all: true })).toEqual([]);

    // What people see: the API, the dashboard's replicas panel and the CLI say "image missing", not a crash.
    const view = (
      await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })
    ).json();
    expect(view.replicas).toMatchObject({ state: "IMAGE_MISSING", replicas: [{ phase: "IMAGE_MISSING" }] });
    const session = cookieOf(await postSignIn(platform.api, platform.config.PIER_ADMIN_TOKEN), "pier_session")!;
    const panel = await platform.api.inject({
      method: "GET",
      url: `/apps/${name}/replicas`,
      cookies: { pier_session: session },
    });
    expect(panel.statusCode).toBe(200);
    expect(panel.body).toContain('data-state="IMAGE_MISSING"');
    expect(panel.body).toContain("Image missing 0/1");
    expect(panel.body).toMatch(/<tr data-replica="1" data-phase="IMAGE_MISSING">[\s\S]*?>image missing</);
    expect(panel.body).not.toMatch(/crash loop/i);
    const cli = describeReplicas(view.replicas);
    expect(cli).toMatch(/^0\/1 running \(image missing, not the app\); #1 image missing: image /);
    expect(cli).not.toMatch(/crash/i);

    // The image put back: the next pass starts the replica, RUNNING, still nothing counted.
    execFileSync("docker", ["load", "-i", saved], { stdio: "ignore" });
    loadedImage = live.imageId;
    const outcome = await reconcileProduction(platform.api.pier, app.id, new Date(Date.now() + 86_400_000));
    expect(outcome).toMatchObject({ serving: 1, started: [1], blockedByInfra: [] });
    expect(await platform.prisma.replicaState.findUniqueOrThrow({ where: key })).toMatchObject({
      phase: "RUNNING",
      failures: 0,
    });
    const back = (
      await platform.api.inject({ method: "GET", url: `/api/apps/${name}`, headers: platform.auth })
    ).json();
    expect(back.replicas).toMatchObject({ desired: 1, running: 1, state: "RUNNING" });
  });
});
