import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { type ContainerEvent, type ContainerRuntime, type RunSpec, runtimeFromConfig } from "@pier/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.ts";
import { SwarmCluster } from "../support/swarm-cluster.ts";

const BASE = "pier-local/node:24-bookworm-slim";
const SERVER = `
const port = Number(process.env.PORT);
require("node:http")
  .createServer((req, res) => res.end("hello from " + require("node:os").hostname()))
  .listen(port, () => console.log("listening on " + port));
`;

/**
 * Pier's Swarm runtime on a real two-node swarm: an image built on the manager and pushed to the registry, two
 * replicas (one per node) answering the host, listed, logged, watched, a one-off run, stopped, removed, and the
 * image's registry tag deleted with it.
 */
describe("the Swarm runtime on a two-node cluster", () => {
  const suffix = randomBytes(3).toString("hex");
  const tag = `pier/sr-${suffix}:1`;
  const labels = { "pier.managed": "true", "pier.app": `sr-${suffix}`, "pier.app-id": `app-${suffix}` };
  let cluster: SwarmCluster;
  let runtime: ContainerRuntime;
  let contextDir: string;
  let imageId: string;
  const events: ContainerEvent[] = [];
  let watch: { close(): void } | undefined;
  let watchEnded: Error | undefined;
  const ids: string[] = [];

  const replica = (n: number): RunSpec => ({
    name: `pier-sr-${suffix}-${n}`,
    image: imageId,
    env: { PORT: "3000" },
    labels: { ...labels, "pier.replica": String(n) },
    containerPort: 3000,
    memoryBytes: 128 * 1024 * 1024,
    nanoCpus: 500_000_000,
    pidsLimit: 200,
  });
  const registryTags = async () => {
    const response = await fetch(`http://${cluster.registry}/v2/pier/sr-${suffix}/tags/list`);
    return response.status === 404 ? [] : (((await response.json()) as { tags: string[] | null }).tags ?? []);
  };

  beforeAll(async () => {
    cluster = await SwarmCluster.create();
    await cluster.loadImage(BASE);
    runtime = runtimeFromConfig({
      PIER_RUNTIME: "swarm",
      PIER_DOCKER_SOCKET: cluster.manager.socketPath,
      PIER_REGISTRY: cluster.registry,
      PIER_REGISTRY_INSECURE: true,
    });
    contextDir = await mkdtemp(path.join(tmpdir(), "pier-swarm-app-"));
    await writeFile(path.join(contextDir, "server.js"), SERVER);
    await writeFile(
      path.join(contextDir, "Dockerfile"),
      `FROM ${BASE}\nCOPY server.js /app/\nCMD ["node", "/app/server.js"]\n`,
    );
    watch = await runtime.watchEvents(
      labels,
      (event) => events.push(event),
      (error) => (watchEnded = error ?? new Error("the event watch ended")),
    );
  }, 240_000);

  afterAll(async () => {
    watch?.close();
    if (contextDir) await rm(contextDir, { recursive: true, force: true });
    await cluster?.remove();
  }, 120_000);

  it("builds on the manager's engine and pushes the tag to the registry", async () => {
    const lines: string[] = [];
    ({ imageId } = await runtime.buildImage({
      contextDir,
      dockerfile: "Dockerfile",
      tag,
      labels,
      onLog: (line) => lines.push(line),
    }));
    expect(imageId).toMatch(/^sha256:/);
    expect(await registryTags()).toEqual(["1"]);
    expect(lines.some((line) => /Pushed|Layer already exists/.test(line))).toBe(true);
  });

  it("runs two replicas, one on each node, each answering the host at its endpoint", async () => {
    for (const n of [1, 2]) {
      const started = performance.now();
      const container = await runtime.runContainer(replica(n));
      console.log(`replica ${n}: service created → task running in ${Math.round(performance.now() - started)} ms`);
      ids.push(container.id);
      expect(container.endpoint).toBe(`${container.endpoint.split(":")[0]}:${container.hostPort}`);
      const body = await eventually(
        async () => (await fetch(`http://${container.endpoint}/`)).text(),
        `replica ${n} answering at ${container.endpoint}`,
      );
      expect(body).toMatch(/^hello from /);
    }
    const infos = await Promise.all(ids.map((id) => runtime.inspectContainer(id)));
    const nodes = infos.map((info) => info?.node);
    expect(new Set(nodes).size).toBe(2);
    expect(new Set(nodes)).toEqual(new Set((await runtime.listNodes()).map((n) => n.id)));
    expect(infos.map((info) => info?.name)).toEqual([replica(1).name, replica(2).name]);

    const listed = await runtime.listContainers(labels);
    expect(listed.map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const c of listed) {
      expect(c).toMatchObject({ running: true, exitCode: null, image: imageId });
      expect(c.endpoint).toBe(infos.find((i) => i?.id === c.id)?.endpoint);
      expect(c.labels["pier.app"]).toBe(labels["pier.app"]);
    }
    // The limits and labels reach each task's container, on whichever node it runs.
    for (const [i, info] of infos.entries()) {
      const node = cluster.nodes.find((n) => n.address === info?.endpoint?.split(":")[0])!;
      const { stdout } = await node.docker(
        ...["ps", "--quiet", "--filter", `label=com.docker.swarm.service.id=${ids[i]}`],
      );
      const format = '{{.HostConfig.PidsLimit}} {{.HostConfig.Memory}} {{index .Config.Labels "pier.replica"}}';
      const inspected = await node.docker("inspect", "--format", format, stdout.trim());
      expect(inspected.stdout.trim()).toBe(`200 ${128 * 1024 * 1024} ${i + 1}`);
    }
    // Memory: the nodes' total, less the limits of the two replicas running (the only tasks of Pier's here).
    const memory = await runtime.hostMemory();
    expect(memory.availableMb).toBe(memory.totalMb - 2 * 128);
    expect(await runtime.containerUsage(ids)).toMatchObject({ usage: new Map(), engineFallback: expect.any(String) });
    expect(await runtime.listeningSockets(ids[0]!)).toBeNull();
    await eventually(
      async () => ids.every((id) => events.some((e) => e.action === "start" && e.containerId === id)),
      "a start event for each replica",
      10_000,
    );
  });

  it("reads a replica's output, the last lines and as a stream", async () => {
    const logs = await eventually(async () => {
      const text = await runtime.containerLogs(ids[0]!, 10);
      return text.includes("listening on 3000") && text;
    }, "the replica's first line in its logs");
    expect(logs.trim()).toBe("listening on 3000");
    const stream = await runtime.streamContainerLogs(ids[1]!, { tail: 5, follow: true, timestamps: true });
    const first = await new Promise<string>((resolve, reject) => {
      stream.once("data", (chunk: Buffer) => resolve(chunk.toString()));
      stream.once("error", reject);
    });
    stream.destroy();
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z listening on 3000/);
  });

  it("runs a one-off command to completion, on the node of the volume it mounts", async () => {
    const volume = `pier-sr-${suffix}-data`;
    await runtime.ensureVolume(volume, labels);
    const oneOff = (command: string) => ({
      ...replica(9),
      command: ["node", "-e", command],
      mounts: [{ volume, path: "/data" }],
      timeoutMs: 60_000,
    });
    const wrote = await runtime.runToCompletion(
      oneOff('require("fs").writeFileSync("/data/note", "kept"); console.log("wrote"); process.exit(3)'),
    );
    expect(wrote).toMatchObject({ exitCode: 3, output: "wrote\n", timedOut: false });
    // Pinned to the volume's node: the second run reads what the first wrote.
    const read = await runtime.runToCompletion(oneOff('console.log(require("fs").readFileSync("/data/note", "utf8"))'));
    expect(read).toMatchObject({ exitCode: 0, output: "kept\n" });
    const stuck = await runtime.runToCompletion({
      ...oneOff('console.log("waiting"); setInterval(() => {}, 1000)'),
      timeoutMs: 3_000,
    });
    // Out of time: 137, as the Docker runtime's SIGKILL gives it; its output read before it was stopped.
    expect(stuck).toMatchObject({ timedOut: true, exitCode: 137, output: "waiting\n" });
    expect(await runtime.listVolumes(labels)).toEqual([{ name: volume, labels }]);
    await runtime.removeVolume(volume);
    expect(await runtime.listContainers(labels, { all: true })).toHaveLength(2); // the one-offs are gone
  });

  it("stops a replica (kept, not running, with its exit code) and removes both", async () => {
    await runtime.stopContainer(ids[1]!, 10);
    const stopped = await runtime.inspectContainer(ids[1]!);
    expect(stopped).toMatchObject({ running: false, endpoint: null, hostPort: null });
    // SIGTERM's 143 while Swarm still lists the task; none once it has deleted it (scaling down removes tasks).
    expect([143, null]).toContain(stopped?.exitCode);
    expect((await runtime.listContainers(labels)).map((c) => c.id)).toEqual([ids[0]]);
    await eventually(
      async () => events.some((e) => e.action === "die" && e.containerId === ids[1]),
      `a die event for the stopped replica (watch ended: ${watchEnded?.message ?? "no"})`,
      10_000,
    );
    for (const id of ids) await runtime.removeContainer(id);
    await runtime.removeContainer(ids[0]!); // gone already: no error
    expect(await runtime.inspectContainer(ids[0]!)).toBeNull();
    expect(await runtime.listContainers(labels, { all: true })).toEqual([]);
    await eventually(
      async () => ids.every((id) => events.some((e) => e.action === "destroy" && e.containerId === id)),
      "a destroy event for each replica",
      10_000,
    );
    expect(watchEnded).toBeUndefined();
  });

  it("removes the image (by id, as retention does) from the build engine and its tag from the registry", async () => {
    // The manager's engine built it and pulled it for a task: it is named in the registry's repository too.
    await runtime.removeImage(imageId);
    expect(await runtime.imageExists(imageId)).toBe(false);
    expect(await registryTags()).toEqual([]);
  });
});
