import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testApps } from "../support/apps.ts";
import { startTestController, type TestController } from "../support/controller.ts";
import { until } from "../support/faults.ts";
import { getViaRouter } from "../support/http.ts";
import { keepRequesting } from "../support/load.ts";
import { startPlatform, testConfig, type Platform } from "../support/platform.ts";
import { type ClusterNode, SwarmCluster } from "../support/swarm-cluster.ts";

const BASE = "pier-local/node:24-bookworm-slim";

// Answers with its version and the task's host name, so the test can tell replicas apart.
const versioned = (version: string) => ({
  "package.json": JSON.stringify({ name: "swarmed", scripts: { start: "node server.js" } }),
  "pier.json": JSON.stringify({ replicas: 2 }),
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(version)} + " " + require("os").hostname()))` +
    `.listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});

/**
 * Pier on a real two-node swarm (PIER_RUNTIME=swarm): the worker builds on node 0 (the build server) and pushes
 * to the registry; each replica is a service Swarm places; the router on the host reaches the replicas on both
 * nodes; rollback and a lost node keep serving under load.
 */
describe("Pier on a two-node swarm", () => {
  let cluster: SwarmCluster;
  let platform: Platform;
  let control: TestController;
  const apps = testApps(() => platform, "swm");
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    // Builds run on a build server outside the swarm: the nodes serving apps only pull from the registry.
    cluster = await SwarmCluster.create({ buildServer: true });
    await cluster.loadImage(BASE, cluster.buildServer!);
    platform = await startPlatform(
      testConfig({
        PIER_RUNTIME: "swarm",
        PIER_DOCKER_SOCKET: cluster.manager.socketPath,
        PIER_BUILD_DOCKER_SOCKET: cluster.buildServer!.socketPath,
        PIER_REGISTRY: `${cluster.registry}/pier`,
        PIER_REGISTRY_INSECURE: "1",
      }),
    );
    control = await startTestController(platform, "swm");
  }, 240_000);

  afterAll(async () => {
    console.log(`swarm figures: ${JSON.stringify(figures)}`);
    await apps.cleanup();
    await control?.close();
    // Once nothing tells it any more (a delivery being recorded needs its channel).
    if (channelId) await platform.prisma.notificationChannel.delete({ where: { id: channelId } });
    await platform?.close();
    await cluster?.remove();
  }, 240_000);

  const servedBy = async (host: string, count: number) => {
    const bodies = new Set<string>();
    for (let i = 0; i < count; i++) bodies.add((await getViaRouter(platform.routerPort, host)).body);
    return bodies;
  };
  const replicaNodes = async (deploymentId: string) =>
    (await platform.runtime.listContainers({ "pier.deployment": deploymentId }))
      .filter((c) => c.running)
      .map((c) => c.node);

  /** Ends the task of a replica's service on its node as a crash would (SIGKILL: exit code 137). */
  const killTask = async (service: string) => {
    const onNode = (await platform.runtime.inspectContainer(service))!.node;
    const nodeName = (await platform.runtime.listNodes()).find((n) => n.id === onNode)!.name;
    const node = cluster.nodes.find((n) => n.name === nodeName)!;
    const { stdout } = await node.docker("ps", "-q", "--filter", `label=com.docker.swarm.service.id=${service}`);
    await node.docker("kill", stdout.trim());
  };

  let name = "";
  let v1 = "";
  let channelId = "";
  const replicaStates = () =>
    platform.prisma.replicaState.findMany({ where: { deploymentId: v1 }, orderBy: { index: "asc" } });
  /** What the controller told the channel (its deliveries are recorded though nothing listens at its URL). */
  const replacedSummaries = async () =>
    (await platform.prisma.notificationDelivery.findMany({ where: { channelId, event: "container.replaced" } })).map(
      (d) => String((d.payload as { summary?: string }).summary),
    );

  it("deploys two replicas, one per node, served by the router; a rollback under load fails nothing", async () => {
    const created = await apps.create(versioned("v1"));
    name = created.name;
    let started = Date.now();
    const first = await apps.deploy(name, 300_000);
    figures.deployV1Ms = Date.now() - started;
    expect(first.reason).toBeNull();
    v1 = first.id;
    const nodes = await replicaNodes(v1);
    expect(nodes).toHaveLength(2);
    expect(new Set(nodes).size).toBe(2);
    // Built on the build server; the nodes only pulled it from the registry.
    const repositories = async (engine: ClusterNode) =>
      (await engine.docker("images", "--format", "{{.Repository}}")).stdout.split("\n");
    expect(await repositories(cluster.buildServer!)).toContain(`pier/${name}`);
    for (const node of cluster.nodes) {
      const pulled = await repositories(node);
      expect(pulled).toContain(`${cluster.registry}/pier/pier/${name}`);
      expect(pulled).not.toContain(`pier/${name}`);
    }
    const v1Bodies = await until(async () => {
      const bodies = await servedBy(`${name}.localhost`, 8);
      return bodies.size === 2 && bodies;
    }, "both v1 replicas answering through the router");
    expect([...v1Bodies].every((b) => b.startsWith("v1 "))).toBe(true);

    await created.repo.commit(versioned("v2"), "v2");
    const load = keepRequesting(platform.routerPort, `${name}.localhost`, { maxRequests: 20_000, maxMs: 240_000 });
    started = Date.now();
    const second = await apps.deploy(name, 300_000);
    figures.deployV2Ms = Date.now() - started;
    expect(second.reason).toBeNull();
    started = Date.now();
    const rollback = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/rollback`,
      headers: platform.auth,
    });
    figures.rollbackMs = Date.now() - started;
    expect(rollback.statusCode).toBe(200);
    const result = await load.stop();
    figures.requestsAcrossDeployAndRollback = result.ok + result.failed;
    figures.failedAcrossDeployAndRollback = result.failed;
    expect(result.failures).toEqual({});
    expect(result.ok).toBeGreaterThan(0);
    const after = await servedBy(`${name}.localhost`, 8);
    expect([...after].every((b) => b.startsWith("v1 "))).toBe(true);
  });

  it("a lost node's replica runs again on the other node; the router keeps serving", async () => {
    const [lost] = cluster.nodes.slice(1);
    const channel = await platform.prisma.notificationChannel.create({
      data: {
        id: `swm-${Date.now()}`,
        url: "http://127.0.0.1:9/",
        format: "json",
        events: [],
        apps: [name],
        secret: "s",
      },
    });
    channelId = channel.id;
    const services = (await replicaStates()).map((s) => s.containerId);
    expect(services).toHaveLength(2);
    const load = keepRequesting(platform.routerPort, `${name}.localhost`, { maxRequests: 40_000, maxMs: 240_000 });
    const started = Date.now();
    await lost!.stop();
    const managerId = (await platform.runtime.listNodes()).find((n) => n.name === cluster.manager.name)!.id;
    await until(
      async () => {
        const nodes = await replicaNodes(v1);
        return nodes.length === 2 && nodes.every((n) => n === managerId);
      },
      "both v1 replicas running on the manager",
      180_000,
    );
    await until(async () => (await servedBy(`${name}.localhost`, 8)).size === 2, "two replicas served", 60_000);
    figures.nodeLossRecoveryMs = Date.now() - started;
    const result = await load.stop();
    figures.requestsDuringNodeLoss = result.ok + result.failed;
    figures.failedDuringNodeLoss = result.failed;
    expect(result.ok).toBeGreaterThan(0);
    // Swarm moved the task; Pier kept the service (no replacement of its own) and told people.
    await until(
      async () => (await replicaStates()).every((s) => s.phase === "RUNNING"),
      "both replicas recorded running",
    );
    expect((await replicaStates()).map((s) => s.containerId)).toEqual(services);
    const told = await until(async () => {
      const summaries = await replacedSummaries();
      return summaries.length > 0 && summaries;
    }, "container.replaced recorded");
    expect(told).toEqual([
      expect.stringMatching(/was lost and started again \(restarted by Swarm: its node was lost\)/),
    ]);
    await lost!.start();
    await until(async () => (await cluster.readyNodes()) === 2, "the lost node back in the swarm", 120_000);
  });

  it("a replica whose process is killed is restarted by Swarm: the same service, the loss told", async () => {
    const [first] = await replicaStates();
    const service = first!.containerId!;
    const load = keepRequesting(platform.routerPort, `${name}.localhost`, { maxRequests: 40_000, maxMs: 120_000 });
    const started = Date.now();
    await killTask(service);
    const told = await until(async () => {
      const summaries = (await replacedSummaries()).filter((s) => s.includes("exited with code"));
      return summaries.length > 0 && summaries;
    }, "container.replaced recorded for the kill");
    expect(told).toEqual([
      expect.stringMatching(
        /replica 1 was lost and started again \(restarted by Swarm: its task exited with code 137\)/,
      ),
    ]);
    await until(async () => (await servedBy(`${name}.localhost`, 8)).size === 2, "two replicas served", 60_000);
    figures.killRecoveryMs = Date.now() - started;
    const result = await load.stop();
    figures.failedDuringKill = result.failed;
    const [after] = await replicaStates();
    expect(after).toMatchObject({ containerId: service, phase: "RUNNING", failures: 1, lastExitCode: 137 });
  });

  it("killed again and again: Swarm restarts it until Pier calls it a crash loop and takes it back", async () => {
    const [first] = await replicaStates();
    const service = first!.containerId!;
    await killTask(service);
    await until(async () => {
      const [state] = await replicaStates();
      return state!.failures === 2 && state!.phase === "RUNNING" && state!.containerId === service;
    }, "restarted by Swarm a second time");
    await killTask(service);
    const loop = await until(async () => {
      const deliveries = await platform.prisma.notificationDelivery.findMany({
        where: { channelId, event: "app.crash_loop" },
      });
      return deliveries.length > 0 && deliveries.map((d) => String((d.payload as { summary?: string }).summary));
    }, "app.crash_loop recorded");
    expect(loop).toEqual([expect.stringMatching(/replica 1 keeps dying \(restarted by Swarm: its task exited/)]);
    // Pier's own replacement after its back-off: a new service; Swarm's is gone.
    await until(
      async () => {
        const [state] = await replicaStates();
        return state!.phase === "RUNNING" && state!.containerId !== service;
      },
      "replica 1 replaced by Pier",
      90_000,
    );
    expect(await platform.runtime.inspectContainer(service)).toBeNull();
    await until(async () => (await servedBy(`${name}.localhost`, 8)).size === 2, "two replicas served", 60_000);
  });
});
