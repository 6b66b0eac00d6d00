import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dockerRestartAppFiles,
  restartDockerd,
  restartDockerdDuringBuild,
  startDockerRestartStage,
  type DockerRestartStage,
} from "../support/docker-restart.ts";
import { deploymentEnded, noLeftovers, requestDeploy } from "../support/faults.ts";
import { getViaRouter } from "../support/http.ts";

// The Docker engine runs every app container. This file runs its own engine (the host's runs every other
// test file's containers) and restarts it the way `systemctl restart docker` does, with an app of two
// replicas serving under load (tests/support/docker-restart.ts; bench/chaos.ts runs the same scenarios).
describe("a dockerd restart", () => {
  let stage: DockerRestartStage;

  beforeAll(async () => {
    stage = await startDockerRestartStage("dkr-");
    expect(stage.first.status, stage.first.failureReason ?? "").toBe("READY");
  });
  afterAll(async () => {
    await stage?.close();
  });

  it.each([
    ["started again at once", 0, "stop"],
    // Longer than the router's resync (5 s) and the controller's event-stream retry (1 s):
    // each meets the engine down.
    ["down for 6 s", 6_000, "stop"],
    ["started again at once", 0, "kill"],
  ] as const)(
    "%s (%s, %s): the replicas run on, production serves throughout, Pier takes them back; nothing left",
    async (what, downMs, how) => {
      const { platform, name } = stage;
      const app = await platform.prisma.app.findUniqueOrThrow({ where: { name } });
      const before = await stage.containers();
      expect(before.filter((c) => c.running)).toHaveLength(2);
      expect((await stage.servingReplicas(10)).size).toBe(2);

      const o = await restartDockerd(stage, what, downMs, how);
      console.log(
        `${o.fault}: engine ${how === "kill" ? "killed" : "stopping"} in ${o.stoppedMs} ms, ` +
          `back ${o.msToEngineBack} ms after the stop began; ` +
          `both replicas served ${o.msToServing! - o.msToEngineBack} ms after that (${o.msToServing} ms in all); ` +
          `${o.requests} requests meanwhile, ${o.failed} failed ${JSON.stringify(o.failures)}`,
      );
      // A planned restart fails nothing; a crash may fail only the requests in flight at that moment (the
      // load keeps 2 at a time), none after.
      expect(o.failed, JSON.stringify(o.failures)).toBeLessThanOrEqual(how === "kill" ? 2 : 0);

      // The same two containers run on (no duplicate, no orphan), and the controller counted nothing.
      const after = await stage.containers();
      expect(after.map((c) => [c.id, c.running])).toEqual(before.map((c) => [c.id, true]));
      const states = await platform.prisma.replicaState.findMany({
        where: { deploymentId: app.productionDeploymentId! },
        orderBy: { index: "asc" },
      });
      expect(
        states.map((r) => [r.index, r.phase, r.failures, r.containerId]),
        JSON.stringify(states.map((r) => r.lastReason)),
      ).toEqual(before.map((_c, i) => [i + 1, "RUNNING", 0, expect.any(String)]));
      expect(new Set(states.map((r) => r.containerId))).toEqual(new Set(before.map((c) => c.id)));
      await noLeftovers(platform, stage.redis, name);
    },
  );

  it("a deploy made as soon as a killed engine answers again is READY like any other, served by both", async () => {
    const { platform, engine, repo, name, host } = stage;
    const text = `${name} after the crash`;
    await repo.commit(dockerRestartAppFiles(text), text);
    await engine.kill();
    await engine.start();
    const started = Date.now();
    const ended = await deploymentEnded(platform, await requestDeploy(platform, name));
    console.log(`deploy right after an engine crash: ${ended.status} in ${Date.now() - started} ms`);
    expect(ended.status, ended.failureReason ?? "").toBe("READY");
    expect((await getViaRouter(platform.routerPort, host)).body.startsWith(`${text} `)).toBe(true);
    expect((await stage.servingReplicas(10)).size).toBe(2);
    await noLeftovers(platform, stage.redis, name);
  });

  it("restarted in a build: READY (attempt retried), both replicas serve the new version; nothing left", async () => {
    const { platform, name, host } = stage;
    const text = `${name} v2`;
    const o = await restartDockerdDuringBuild(stage, text);
    const log = (
      await platform.prisma.buildLog.findMany({ where: { deploymentId: o.deploymentId }, orderBy: { id: "asc" } })
    ).map((l) => l.line);
    const said = log.filter((l) => /Transient|Taking this deployment up again|failed/i.test(l)).join(" | ");
    console.log(
      `dockerd restart during a build: ${o.status} ${o.msToTerminal} ms after the deploy request ` +
        `(${o.reason ?? "no failure"}); both replicas served ${o.msToServing} ms after the stop; ` +
        `${o.requests} requests to production, ${o.failed} failed ${JSON.stringify(o.failures)}; the log says: ${said}`,
    );
    expect(o.status, o.reason ?? "").toBe("READY");
    expect(o.replicas.size).toBe(2);
    expect((await getViaRouter(platform.routerPort, host)).body.startsWith(`${text} `)).toBe(true);
    await noLeftovers(platform, stage.redis, name);
  });
});
