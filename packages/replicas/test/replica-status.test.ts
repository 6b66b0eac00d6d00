import { createPrismaClient, type ReplicaPhase } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { replicaStatuses } from "../src/replica-status.ts";

// Real Postgres (the replicas' records) and a real engine, or a runtime whose engine socket does not exist.
describe("replica status: the engine's and the machine's trouble apart from the app's", () => {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  const runtime = createRuntime("docker");
  const created: string[] = [];
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id: { in: created } } });
    await prisma.$disconnect();
  });

  /** A deployed app (no container runs) whose replicas are recorded in `phases`, index 1 first. */
  const deployedApp = async (replicas: number, phases: ReplicaPhase[]) => {
    const id = `rst${randomBytes(6).toString("hex")}`;
    created.push(id);
    await prisma.app.create({
      data: { id, name: `rst-${id.slice(3)}`, repoUrl: "file:///nowhere", webhookSecret: "x", replicas },
    });
    const deployment = await prisma.deployment.create({
      data: { id: `d${id}`, shortId: id.slice(3, 11), appId: id, trigger: "API", branch: "main", status: "READY" },
    });
    await prisma.app.update({ where: { id }, data: { productionDeploymentId: deployment.id } });
    for (const [i, phase] of phases.entries())
      await prisma.replicaState.create({
        data: { deploymentId: deployment.id, index: i + 1, appId: id, phase, lastReason: `reason of ${phase}` },
      });
    return { id, replicas, productionDeploymentId: deployment.id };
  };

  it("a replica held back by the engine or the machine gives production that state, not a crash loop", async () => {
    const imageGone = await deployedApp(2, ["IMAGE_MISSING", "BACKOFF"]);
    const diskFull = await deployedApp(1, ["NO_SPACE"]);
    const both = await deployedApp(2, ["ENGINE_UNAVAILABLE", "CRASH_LOOP"]);
    const statuses = await replicaStatuses({ prisma, runtime }, [imageGone, diskFull, both]);
    expect(statuses.get(imageGone.id)).toMatchObject({
      desired: 2,
      running: 0,
      state: "IMAGE_MISSING",
      replicas: [
        { index: 1, phase: "IMAGE_MISSING", lastReason: "reason of IMAGE_MISSING" },
        { index: 2, phase: "BACKOFF" },
      ],
    });
    expect(statuses.get(diskFull.id)).toMatchObject({ state: "NO_SPACE", replicas: [{ phase: "NO_SPACE" }] });
    // The app's own crash loop is what its people must fix: it is named first.
    expect(statuses.get(both.id)?.state).toBe("CRASH_LOOP");
  });

  it("while the engine can't be reached, every replica shows ENGINE_UNAVAILABLE with the engine's error", async () => {
    const unreachable = createRuntime("docker", {
      socketPath: `/tmp/pier-no-engine-${randomBytes(4).toString("hex")}`,
    });
    const deployed = await deployedApp(2, ["RUNNING"]);
    const notDeployed = { id: "never", replicas: 1, productionDeploymentId: null };
    const statuses = await replicaStatuses({ prisma, runtime: unreachable }, [deployed, notDeployed]);
    const reason = "Docker engine unreachable while trying to list containers: ENOENT";
    expect(statuses.get(deployed.id)).toEqual({
      desired: 2,
      running: 0,
      state: "ENGINE_UNAVAILABLE",
      replicas: [
        {
          index: 1,
          phase: "ENGINE_UNAVAILABLE",
          containerId: null,
          restarts: 0,
          lastReason: reason,
          nextAttemptAt: null,
        },
        {
          index: 2,
          phase: "ENGINE_UNAVAILABLE",
          containerId: null,
          restarts: 0,
          lastReason: reason,
          nextAttemptAt: null,
        },
      ],
    });
    expect(statuses.get("never")?.state).toBe("NOT_DEPLOYED");
  });
});
