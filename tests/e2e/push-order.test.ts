import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createTestRepo, nodeAppFiles, type TestRepo } from "../support/git-repo.ts";
import { deliveryHeaders, pushPayload } from "../support/github.ts";
import { getViaRouter } from "../support/http.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { checkBranchHeads } from "@pier/worker";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";

const BURST = 10;

/**
 * Deliveries in any order never move production back (issue 20, point 5): ten chained pushes delivered at once,
 * shuffled, the way GitHub may send them under load or on redelivery.
 */
describe("pushes delivered out of order", () => {
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  const name = `order-${randomBytes(3).toString("hex")}`;
  let secret = "";
  const shas: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform(testConfig({ PIER_HEAD_CHECK: "all" }));
    repo = await createTestRepo(nodeAppFiles("burst-0"), "burst-0");
    const created = await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    expect(created.statusCode).toBe(201);
    secret = created.json().webhookSecret;
  });
  afterAll(async () => {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await platform.close();
    await repo.remove();
  });

  const deliver = (sha: string, before: string, message: string) => {
    const body = JSON.stringify(pushPayload({ branch: "main", sha, before, message }));
    return platform.api.inject({
      method: "POST",
      url: `/webhooks/github/${name}`,
      headers: deliveryHeaders("push", secret, body),
      payload: body,
    });
  };
  const production = async () => {
    const app = await platform.prisma.app.findUniqueOrThrow({
      where: { name },
      select: { productionDeployment: { select: { commitSha: true } } },
    });
    return app.productionDeployment?.commitSha ?? null;
  };

  it("ten chained pushes sent at once, shuffled: the head ends live and production never moves back", async () => {
    const first = await deliver(repo.sha, "0".repeat(40), "burst-0");
    expect((await waitForStatus(platform.api, platform.auth, first.json().deploymentId)).status).toBe("READY");

    shas.push(repo.sha);
    for (let i = 1; i <= BURST; i++) shas.push(await repo.commit(nodeAppFiles(`burst-${i}`), `burst-${i}`));
    // The measured failure had burst-10 arrive before burst-6; a shuffle with the head in its first half
    // (PIER_TEST_BURST_ORDER=1,3,… replays an order a run printed).
    const shuffled = Array.from({ length: BURST }, (_, i) => i + 1).sort(() => Math.random() - 0.5);
    if (shuffled.indexOf(BURST) >= BURST / 2) shuffled.reverse();
    const order = process.env.PIER_TEST_BURST_ORDER?.split(",").map(Number) ?? shuffled;
    const started = performance.now();
    const answers = await Promise.all(order.map((i) => deliver(shas[i]!, shas[i - 1]!, `burst-${i}`)));
    expect(answers.map((a) => a.statusCode)).toEqual(order.map(() => 202));

    const head = shas[BURST]!;
    await expect.poll(production, { timeout: 240_000, interval: 200 }).toBe(head);
    const liveMs = performance.now() - started;
    await expect
      .poll(async () => (await getViaRouter(platform.routerPort, `${name}.localhost`)).body, { timeout: 30_000 })
      .toBe(`burst-${BURST}\n`);
    // Everything settles: nothing left queued or building, and production still on the head.
    await expect
      .poll(
        async () =>
          platform.prisma.deployment.count({
            where: { app: { name }, status: { in: ["QUEUED", "BUILDING", "DEPLOYING"] } },
          }),
        { timeout: 240_000, interval: 500 },
      )
      .toBe(0);
    expect(await production()).toBe(head);

    // The releases history: each went to a newer commit than the one before it.
    const releases = await platform.prisma.release.findMany({
      where: { app: { name } },
      orderBy: { version: "asc" },
      select: { version: true, toDeploymentId: true },
    });
    const deployments = await platform.prisma.deployment.findMany({
      where: { app: { name } },
      select: { id: true, commitSha: true, status: true, failureReason: true },
    });
    const indexOf = (id: string) => shas.indexOf(deployments.find((d) => d.id === id)?.commitSha ?? "");
    const path = releases.map((r) => indexOf(r.toDeploymentId));
    for (let i = 1; i < path.length; i++) expect(path[i]!).toBeGreaterThan(path[i - 1]!);
    expect(path.at(-1)).toBe(BURST);

    // Every push is recorded; each one not deployed says why.
    const burst = deployments.filter((d) => shas.indexOf(d.commitSha ?? "") > 0);
    expect(burst).toHaveLength(BURST);
    const skipped = burst.filter((d) => d.status === "CANCELLED");
    for (const d of skipped)
      expect(d.failureReason).toMatch(
        /^(superseded by deployment \w+ \(commit \w+\), whose commit descends from|behind production: commit)/,
      );
    expect(burst.filter((d) => d.status === "FAILED")).toEqual([]);
    const deliveries = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/deliveries`,
      headers: platform.auth,
    });
    const pushes = (deliveries.json().deliveries as Array<{ commitSha: string; outcome: string }>).filter(
      (d) => shas.indexOf(d.commitSha) > 0,
    );
    expect(pushes).toHaveLength(BURST);
    console.log(
      `burst: order ${order.join(",")}; head live ${Math.round(liveMs)} ms after the deliveries; ` +
        `releases through ${path.map((i) => `burst-${i}`).join(" → ")}; built ${BURST - skipped.length}, ` +
        `skipped ${skipped.length}`,
    );
  });

  it("a late push Pier can't place from deliveries is placed by git: behind production, skipped", async () => {
    const older = await repo.commit(nodeAppFiles("late-1"), "late-1");
    const newer = await repo.commit(nodeAppFiles("late-2"), "late-2");
    // The newer one arrives first, its `before` unknown to Pier (nothing links it to the older one).
    const first = await deliver(newer, "1".repeat(40), "late-2");
    expect((await waitForStatus(platform.api, platform.auth, first.json().deploymentId)).status).toBe("READY");
    const late = await deliver(older, shas.at(-1)!, "late-1");
    expect(late.json()).toMatchObject({ status: "QUEUED" });
    const skipped = await waitForStatus(platform.api, platform.auth, late.json().deploymentId);
    expect(skipped.status).toBe("CANCELLED");
    expect(skipped.reason).toMatch(
      /^behind production: commit \w{12} is an ancestor of \w{12}, which production already/,
    );
    expect(await logText(platform.api, platform.auth, skipped.id)).toContain("Not deployed: behind production");
    expect(await production()).toBe(newer);
    shas.push(older, newer);
  });

  it("a preview follows the same rule against the branch's current preview", async () => {
    const patched = await platform.api.inject({
      method: "PATCH",
      url: `/api/apps/${name}`,
      headers: platform.auth,
      payload: { previews: true },
    });
    expect(patched.json().previews).toBe(true);
    const older = await repo.commit(nodeAppFiles("preview-1"), "preview-1", "feature");
    const newer = await repo.commit(nodeAppFiles("preview-2"), "preview-2", "feature");
    const send = (sha: string, before: string) => {
      const body = JSON.stringify(pushPayload({ branch: "feature", sha, before }));
      return platform.api.inject({
        method: "POST",
        url: `/webhooks/github/${name}`,
        headers: deliveryHeaders("push", secret, body),
        payload: body,
      });
    };
    const first = await send(newer, "2".repeat(40));
    expect((await waitForStatus(platform.api, platform.auth, first.json().deploymentId)).status).toBe("READY");
    const late = await send(older, "0".repeat(40));
    const skipped = await waitForStatus(platform.api, platform.auth, late.json().deploymentId);
    expect(skipped.status).toBe("CANCELLED");
    expect(skipped.reason).toMatch(/^behind the branch's preview: commit \w{12} is an ancestor of/);
    expect((await getViaRouter(platform.routerPort, `${name}-git-feature.localhost`)).body).toBe("preview-2\n");
  });

  it("a push whose webhook never came is deployed by the head check, and listed as caught", async () => {
    const dropped = await repo.commit(nodeAppFiles("dropped"), "dropped");
    const deps = {
      config: platform.config,
      prisma: platform.prisma,
      redis: platform.api.pier.redis,
      queue: platform.api.pier.queue,
      logger: { warn: () => {}, error: () => {} },
    };
    // Off by default for an app without credentials (a public repository).
    const quiet = await checkBranchHeads(
      { ...deps, config: { ...platform.config, PIER_HEAD_CHECK: "credentials" } },
      {
        names: [name],
      },
    );
    expect(quiet).toEqual([]);
    const started = performance.now();
    const caught = await checkBranchHeads(deps, { names: [name] });
    expect(caught).toEqual([
      { app: name, branch: "main", commitSha: dropped, deploymentId: expect.any(String), skipped: null },
    ]);
    const deployment = await waitForStatus(platform.api, platform.auth, caught[0]!.deploymentId);
    expect(deployment.status).toBe("READY");
    expect(await production()).toBe(dropped);
    const caughtMs = performance.now() - started;
    expect(await logText(platform.api, platform.auth, deployment.id)).toMatch(
      /The webhook for this push never came: the head check found main at \w{12}, which no delivery named/,
    );
    const res = await platform.api.inject({
      method: "GET",
      url: `/api/apps/${name}/deliveries`,
      headers: platform.auth,
    });
    expect(res.json().deliveries[0]).toMatchObject({
      outcome: "caught",
      githubId: null,
      commitSha: dropped,
      deployment: { id: deployment.id, status: "READY" },
    });
    // Known now: the next pass deploys nothing.
    expect(await checkBranchHeads(deps, { names: [name] })).toEqual([]);
    console.log(`head check: 1 dropped webhook caught, live ${Math.round(caughtMs)} ms after the pass began`);
  });
});
