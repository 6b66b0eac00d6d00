import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { runtimeFromConfig, type ContainerRuntime, type RunSpec } from "@pier/runtime";
import type { NotificationEvent } from "@pier/shared";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../apps/api/src/build-app.ts";
import { startNodeWatch } from "../../apps/controller/src/node-watch.ts";
import { eventually } from "../support/eventually.ts";
import { testConfig } from "../support/platform.ts";
import { SwarmCluster } from "../support/swarm-cluster.ts";

const BASE = "pier-local/node:24-bookworm-slim";
const SERVER = `require("node:http").createServer((q, s) => s.end("ok")).listen(Number(process.env.PORT));`;

interface NodeView {
  id: string;
  name: string;
  role: string;
  state: string;
  availability: string;
  address: string;
  cpus: number;
  memoryBytes: number;
  runningTasks: number;
  replicas: Array<{ app: string; replica: number; container: string }>;
}

/**
 * Nodes on a real two-node swarm: listed by the API with the replicas on each, the join command, drain and activate
 * by name, and the controller's node watch announcing the worker's loss (with the replica that ran on it) and return.
 */
describe("nodes of a two-node swarm: the API, drain, the join command and the node-loss alert", () => {
  const suffix = randomBytes(3).toString("hex");
  const app = `cn-${suffix}`;
  let cluster: SwarmCluster;
  let runtime: ContainerRuntime;
  let api: FastifyInstance;
  let admin: { authorization: string };
  let imageId: string;
  let contextDir: string;
  const alerts: NotificationEvent[] = [];
  let watch: { stop(): Promise<void> } | undefined;

  const replica = (n: number): RunSpec => ({
    name: `pier-${app}-${n}`,
    image: imageId,
    env: { PORT: "3000" },
    labels: {
      "pier.managed": "true",
      "pier.app": app,
      "pier.app-id": `app-${suffix}`,
      "pier.deployment": `dep-${suffix}`,
      "pier.replica": String(n),
    },
    containerPort: 3000,
    memoryBytes: 128 * 1024 * 1024,
    nanoCpus: 500_000_000,
    pidsLimit: 200,
  });
  const nodes = async () => {
    const res = await api.inject({ method: "GET", url: "/api/nodes", headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { nodes: NodeView[]; runtime: string };
  };
  const byName = async (name: string) => (await nodes()).nodes.find((n) => n.name === name)!;

  beforeAll(async () => {
    cluster = await SwarmCluster.create();
    await cluster.loadImage(BASE);
    const settings = {
      PIER_RUNTIME: "swarm",
      PIER_DOCKER_SOCKET: cluster.manager.socketPath,
      PIER_REGISTRY: cluster.registry,
      PIER_REGISTRY_INSECURE: "true",
      PIER_NODE_WATCH_MS: "500",
    };
    const config = testConfig(settings);
    runtime = runtimeFromConfig(config);
    api = await buildApp(config, { logger: false });
    admin = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
    contextDir = await mkdtemp(path.join(tmpdir(), "pier-cluster-nodes-"));
    await writeFile(path.join(contextDir, "server.js"), SERVER);
    await writeFile(
      path.join(contextDir, "Dockerfile"),
      `FROM ${BASE}\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n`,
    );
    ({ imageId } = await runtime.buildImage({
      contextDir,
      dockerfile: "Dockerfile",
      tag: `pier/${app}:1`,
      onLog: () => {},
    }));
    const logger = api.log;
    const loop = startNodeWatch({ config, runtime, logger, alert: async (events) => void alerts.push(...events) });
    await loop.runNow();
    watch = loop;
  }, 240_000);

  afterAll(async () => {
    await watch?.stop();
    await api?.close();
    if (contextDir) await rm(contextDir, { recursive: true, force: true });
    await cluster?.remove();
  }, 120_000);

  it("lists both nodes (manager and worker, ready, active, at their addresses) and the join command", async () => {
    const answer = await nodes();
    expect(answer.runtime).toBe("swarm");
    const listed = answer.nodes.map((n) => [n.name, n.role, n.state, n.availability, n.address]).sort();
    expect(listed).toEqual(
      cluster.nodes.map((node, i) => [node.name, i === 0 ? "manager" : "worker", "ready", "active", node.address]),
    );
    for (const node of answer.nodes) {
      expect(node.cpus).toBeGreaterThan(0);
      expect(node.memoryBytes).toBeGreaterThan(0);
    }
    const join = await api.inject({ method: "GET", url: "/api/nodes/join", headers: admin });
    expect(join.statusCode, join.body).toBe(200);
    const { stdout } = await cluster.manager.docker("swarm", "join-token", "--quiet", "worker");
    expect(join.json().command).toBe(`docker swarm join --token ${stdout.trim()} ${cluster.manager.address}:2377`);
  });

  it("shows each replica on the node it runs on, and Pier's running tasks per node", async () => {
    for (const n of [1, 2]) await runtime.runContainer(replica(n));
    const placed = await eventually(async () => {
      const all = (await nodes()).nodes;
      return all.every((node) => node.replicas.length === 1 && node.runningTasks === 1) && all;
    }, "one replica on each node");
    const shown = placed.flatMap((node) => node.replicas.map((r) => [r.app, r.replica, r.container])).sort();
    expect(shown).toEqual([
      [app, 1, replica(1).name],
      [app, 2, replica(2).name],
    ]);
  });

  it("drains the worker by name (its replica moves to the manager), activates it; unknown: 404", async () => {
    const worker = cluster.nodes[1]!.name;
    const drained = await api.inject({ method: "POST", url: `/api/nodes/${worker}/drain`, headers: admin });
    expect(drained.statusCode, drained.body).toBe(200);
    expect(drained.json().node).toMatchObject({ name: worker, availability: "drain" });
    const moved = await eventually(async () => {
      const all = (await nodes()).nodes;
      const manager = all.find((n) => n.name === cluster.manager.name)!;
      return all.find((n) => n.name === worker)!.replicas.length === 0 && manager.replicas.length === 2 && manager;
    }, "both replicas on the manager");
    expect(moved.replicas.map((r) => r.replica)).toEqual([1, 2]);
    const activated = await api.inject({ method: "POST", url: `/api/nodes/${worker}/activate`, headers: admin });
    expect(activated.statusCode, activated.body).toBe(200);
    expect((await byName(worker)).availability).toBe("active");
    const unknown = await api.inject({ method: "POST", url: "/api/nodes/no-such-node/drain", headers: admin });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe("node_not_found");
  });

  it("announces the worker's loss with the replica that ran on it, and its return", async () => {
    const worker = cluster.nodes[1]!;
    // The manager runs two, the worker none since the drain: Swarm places a third on the worker.
    await runtime.runContainer(replica(3));
    const onWorker = await eventually(async () => {
      const replicas = (await byName(worker.name)).replicas.map((r) => r.replica);
      return replicas.length === 1 && replicas;
    }, "replica 3 on the worker");
    expect(onWorker).toEqual([3]);
    const started = performance.now();
    await worker.stop();
    const down = await eventually(
      async () => alerts.find((a) => a.event === "node.down"),
      "a node.down alert",
      60_000,
      200,
    );
    console.log(`engine stopped → node.down in ${Math.round(performance.now() - started)} ms`);
    expect(down.summary).toContain(`node ${worker.name} (${worker.address}) is down`);
    expect((down.details as { replicas: Array<{ replica: number }> }).replicas.map((r) => r.replica)).toEqual(onWorker);
    expect(down.summary).toContain(`${app} #3`);
    await worker.start();
    const back = await eventually(
      async () => alerts.find((a) => a.event === "node.ready"),
      "a node.ready alert",
      60_000,
      200,
    );
    expect(back.summary).toContain(`node ${worker.name} (${worker.address}) is ready again`);
    expect(alerts.map((a) => a.event)).toEqual(["node.down", "node.ready"]);
  });
});
