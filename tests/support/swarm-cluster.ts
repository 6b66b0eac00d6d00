import { createRuntime } from "@pier/runtime";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { until } from "./faults.ts";
import { serveRegistry, type TestRegistry } from "../../packages/runtime/test/support/registry.ts";
import { copyImage, removeCgroups, unmountBelow } from "./private-dockerd.ts";

const run = promisify(execFile);
const REGISTRY_PORT = 5000;

/**
 * A Docker Swarm of real engines on this machine, each node a dockerd in a network namespace of its own, the
 * way separate machines would be. The namespaces meet on a bridge inside one more namespace (the "lan"): a
 * bridge on the host would pass through the host's netfilter, where the host engine's FORWARD policy drops it.
 * The host joins the lan by a veth (address .1): Pier's processes, the router and the registry run on the host
 * and reach every node at .2, .3, … Each engine keeps its firewall and forwarding inside its own namespace.
 * Nodes are started with `nsenter --net` (not `ip netns exec`, which remounts /sys without the cgroups dockerd
 * needs) and a UTS namespace of their own, so each node has its own hostname.
 */
export class SwarmCluster {
  readonly nodes: ClusterNode[] = [];
  /** An engine on the lan outside the swarm: a build server, so builds never run on the nodes serving apps. */
  buildServer: ClusterNode | null = null;
  private registryServer: TestRegistry | null = null;

  private constructor(
    readonly dir: string,
    readonly id: string,
    /** The third octet of the lan's 10.216.x.0/24. */
    private readonly octet: number,
  ) {}

  get lanNamespace(): string {
    return `pier-lan-${this.id}`;
  }

  /** The host's address on the lan (the registry listens there). */
  get hostAddress(): string {
    return `10.216.${this.octet}.1`;
  }

  /** "host:port" of the registry every node pulls from (plain HTTP; each node trusts it as insecure). */
  get registry(): string {
    return `${this.hostAddress}:${REGISTRY_PORT}`;
  }

  /** The swarm's nodes and the build server. */
  get engines(): ClusterNode[] {
    return this.buildServer ? [...this.nodes, this.buildServer] : this.nodes;
  }

  get manager(): ClusterNode {
    return this.nodes[0]!;
  }

  private get hostLink(): string {
    return `pc${this.id}h`;
  }

  static async create(options: { nodes?: number; buildServer?: boolean } = {}): Promise<SwarmCluster> {
    const cluster = new SwarmCluster(
      await mkdtemp(path.join(tmpdir(), "pier-swarm-")),
      randomBytes(3).toString("hex"),
      randomInt(0, 256),
    );
    try {
      await cluster.makeLan();
      const count = options.nodes ?? 2;
      for (let i = 0; i < count; i++) cluster.nodes.push(await cluster.makeNode(i));
      if (options.buildServer) cluster.buildServer = await cluster.makeNode(count, "pier-build");
      await Promise.all(cluster.engines.map((engine) => engine.start()));
      await cluster.startRegistry();
      await cluster.formSwarm();
      return cluster;
    } catch (error) {
      await cluster.remove();
      throw error;
    }
  }

  private async makeLan(): Promise<void> {
    const lan = this.lanNamespace;
    await run("ip", ["netns", "add", lan]);
    await inNamespace(lan, "ip", "link", "set", "lo", "up");
    await inNamespace(lan, "ip", "link", "add", "br0", "type", "bridge");
    await inNamespace(lan, "ip", "link", "set", "br0", "up");
    await run("ip", ["link", "add", this.hostLink, "type", "veth", "peer", "name", "host", "netns", lan]);
    await inNamespace(lan, "ip", "link", "set", "host", "master", "br0", "up");
    await run("ip", ["address", "add", `${this.hostAddress}/24`, "dev", this.hostLink]);
    await run("ip", ["link", "set", this.hostLink, "up"]);
  }

  private async makeNode(index: number, name = `pier-node-${index}`): Promise<ClusterNode> {
    const namespace = `pier-node-${this.id}-${index}`;
    const address = `10.216.${this.octet}.${index + 2}`;
    await run("ip", ["netns", "add", namespace]);
    const port = `node${index}`;
    await run("ip", [
      "link",
      "add",
      "eth0",
      "netns",
      namespace,
      "type",
      "veth",
      "peer",
      "name",
      port,
      "netns",
      this.lanNamespace,
    ]);
    await inNamespace(this.lanNamespace, "ip", "link", "set", port, "master", "br0", "up");
    await inNamespace(namespace, "ip", "link", "set", "lo", "up");
    await inNamespace(namespace, "ip", "address", "add", `${address}/24`, "dev", "eth0");
    await inNamespace(namespace, "ip", "link", "set", "eth0", "up");
    const dir = path.join(this.dir, `node-${index}`);
    await mkdir(dir);
    return new ClusterNode(dir, name, namespace, address, `pier-swarm-${this.id}-${index}`, this.registry);
  }

  private async startRegistry(): Promise<void> {
    const dir = path.join(this.dir, "registry");
    await mkdir(dir);
    this.registryServer = await serveRegistry(dir, null, undefined, this.registry);
  }

  private async formSwarm(): Promise<void> {
    await this.manager.docker(
      "swarm",
      "init",
      "--advertise-addr",
      this.manager.address,
      "--default-addr-pool",
      "10.242.0.0/16",
    );
    const { stdout } = await this.manager.docker("swarm", "join-token", "--quiet", "worker");
    for (const node of this.nodes.slice(1))
      await node.docker("swarm", "join", "--token", stdout.trim(), `${this.manager.address}:2377`);
    await until(async () => (await this.readyNodes()) === this.nodes.length, "every node ready in the swarm", 60_000);
  }

  /** How many nodes the manager sees ready. */
  async readyNodes(): Promise<number> {
    const { stdout } = await this.manager.docker("node", "ls", "--format", "{{.Status}}");
    return stdout.split("\n").filter((status) => status === "Ready").length;
  }

  /** Copies an image of the host's engine into a node's engine (the base images exist only on the host). */
  async loadImage(image: string, into: number | ClusterNode = 0): Promise<void> {
    const node = typeof into === "number" ? this.nodes[into]! : into;
    await copyImage(image, node.socketPath);
  }

  /**
   * Everything goes, whatever state a failed test left: the swarm's services, each engine (killed if it won't
   * stop), what they mounted and the cgroups they made, the namespaces (their veths go with them), the registry.
   */
  async remove(): Promise<void> {
    const errors: unknown[] = [];
    const attempt = async (step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    };
    if (this.nodes[0]?.running) {
      await attempt(async () => {
        const { stdout } = await this.manager.docker("service", "ls", "--quiet");
        const services = stdout.split("\n").filter(Boolean);
        if (services.length) await this.manager.docker("service", "rm", ...services);
      });
    }
    for (const engine of [...this.engines].reverse()) await attempt(() => engine.remove());
    this.registryServer?.stop();
    for (const engine of this.engines) await attempt(() => deleteNamespace(engine.namespace));
    await attempt(() => deleteNamespace(this.lanNamespace));
    await attempt(() => rm(this.dir, { recursive: true, force: true }));
    if (errors.length) throw new AggregateError(errors, `tearing down swarm cluster ${this.id}`);
  }
}

/** One machine of the cluster: a dockerd in its own network and UTS namespaces, with its own directories. */
export class ClusterNode {
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);
  output = "";

  constructor(
    readonly dir: string,
    /** Its hostname: Swarm's node name. */
    readonly name: string,
    readonly namespace: string,
    /** Its address on the lan. */
    readonly address: string,
    /** Its containerd namespaces and its containers' parent cgroup. */
    private readonly containerdNamespace: string,
    private readonly registry: string,
  ) {}

  get socketPath(): string {
    return path.join(this.dir, "docker.sock");
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const configFile = path.join(this.dir, "daemon.json");
    await writeFile(configFile, "{}\n");
    const ns = this.containerdNamespace;
    const dockerd = [
      ["--config-file", configFile],
      ["--data-root", path.join(this.dir, "data")],
      ["--exec-root", path.join(this.dir, "exec")],
      ["--pidfile", path.join(this.dir, "dockerd.pid")],
      ["--host", `unix://${this.socketPath}`],
      ["--containerd-namespace", ns],
      ["--containerd-plugins-namespace", `${ns}-plugins`],
      ["--cgroup-parent", ns],
      // Subnets of its own namespace: they never meet the host's networks.
      ["--bip", "10.240.0.1/24"],
      ["--default-address-pool", "base=10.241.0.0/16,size=24"],
      ["--insecure-registry", this.registry],
      ["--log-level", "warn"],
    ].flat();
    // The hostname is set in the node's own UTS namespace, then the shell becomes dockerd: no user input here.
    const child = spawn(
      "nsenter",
      [
        `--net=/run/netns/${this.namespace}`,
        "unshare",
        "--uts",
        "--",
        "sh",
        "-c",
        'hostname "$0" && exec dockerd "$@"',
        this.name,
        ...dockerd,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.child = child;
    this.exited = exitOf(child);
    const runtime = createRuntime("docker", { socketPath: this.socketPath });
    await until(
      async () => {
        if (!this.running) throw new Error(`dockerd of ${this.name} exited`);
        await runtime.ping();
        return true;
      },
      `dockerd of ${this.name} answering on ${this.socketPath}`,
      60_000,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${this.output}`);
    });
  }

  /** SIGTERM, as shutting the machine's engine down does: its containers stop, the swarm sees the node go down. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill("SIGTERM");
    const stopped = await Promise.race([this.exited.then(() => true), delay(45_000).then(() => false)]);
    if (!stopped) await this.kill();
  }

  /** SIGKILL to the engine, its containerd and its containers' shims: a machine that vanished. */
  async kill(): Promise<void> {
    for (const pid of await this.processes()) signal(pid, "SIGKILL");
    await this.exited;
    await until(async () => (await this.processes()).length === 0, `the processes of ${this.name} gone`, 15_000);
  }

  /** dockerd, containerd and shims of this node, found by its directory and containerd namespace. */
  private async processes(): Promise<number[]> {
    const pids: number[] = [];
    for (const entry of (await readdir("/proc")).filter((e) => /^\d+$/.test(e))) {
      const args = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "" /* exited meanwhile */)).split(
        "\0",
      );
      const ours = args.some((a) => a.startsWith(`${this.dir}/`) || a === `unix://${this.socketPath}`);
      const shim =
        args[0]?.endsWith("containerd-shim-runc-v2") &&
        args[args.indexOf("-namespace") + 1] === this.containerdNamespace;
      if (ours || shim) pids.push(Number(entry));
    }
    return pids;
  }

  docker(...args: string[]): Promise<{ stdout: string }> {
    return run("docker", ["--host", `unix://${this.socketPath}`, ...args]);
  }

  async remove(): Promise<void> {
    await this.stop();
    if ((await this.processes()).length) await this.kill();
    await unmountBelow(this.dir);
    await removeCgroups(this.containerdNamespace);
  }
}

function inNamespace(namespace: string, ...command: string[]): Promise<{ stdout: string }> {
  return run("ip", ["netns", "exec", namespace, ...command]);
}

async function deleteNamespace(namespace: string): Promise<void> {
  await run("ip", ["netns", "delete", namespace]).catch((error: { stderr?: string }) => {
    // Only a namespace that was never made (create() failed before it) may be missing.
    if (!/No such file or directory/.test(error.stderr ?? "")) throw error;
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => resolve(code));
  });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // ESRCH: it exited meanwhile
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
