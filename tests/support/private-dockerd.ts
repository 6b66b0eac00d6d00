import { APP_NETWORK, createRuntime } from "@pier/runtime";
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { until } from "./faults.ts";

const run = promisify(execFile);
/** Subnets of its default bridge and of Pier's app network: none of the host engine's (172.17/16, 172.18/16 …). */
const DEFAULT_BRIDGE_ADDRESS = "10.214.0.1/24";
const APP_NETWORK_SUBNET = "10.213.0.0/24";

/**
 * A Docker engine of one test file's own, so the file can stop and start it: the host's engine runs the
 * containers of every test file (and of anyone else on the machine). Nothing of the host's is shared:
 * its own data and exec roots, pid file, API socket, and containerd (the one dockerd starts, under
 * the exec root, in namespaces of its own). It touches no firewall or sysctl (--iptables, --ip-forward
 * and --ip-masq off): published ports work through docker-proxy, the userland proxy, which listens on
 * 127.0.0.1 and forwards to the container over the engine's own bridge.
 *
 * Two engines on one network stack share interface names, and dockerd deletes the interface `docker0`,
 * the host engine's bridge (its builds then fail), when started with --bridge=none, or when restarted
 * with --default-address-pool set. So this one gets neither: its default bridge (builds run their steps
 * on it) is a Linux bridge made for it and passed with --bridge, and Pier's app network is made here with
 * a subnet of its own (left to the engine, it could take one the host engine's networks use). start()
 * checks that `docker0` is still there.
 */
export class PrivateDockerd {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  output = "";

  private constructor(
    readonly dir: string,
    private readonly id: string,
  ) {}

  /** Its containerd namespaces and its containers' parent cgroup. */
  private get namespace(): string {
    return `pier-test-${this.id}`;
  }

  /** The Linux bridge of its default network (15 characters at most, as interface names are). */
  private get bridge(): string {
    return `pier-${this.id}`;
  }

  get socketPath(): string {
    return path.join(this.dir, "docker.sock");
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  static async create(): Promise<PrivateDockerd> {
    const engine = new PrivateDockerd(
      await mkdtemp(path.join(tmpdir(), "pier-dockerd-")),
      randomBytes(3).toString("hex"),
    );
    try {
      await removeStaleBridges();
      await run("ip", ["link", "add", "name", engine.bridge, "type", "bridge"]);
      await run("ip", ["address", "add", DEFAULT_BRIDGE_ADDRESS, "dev", engine.bridge]);
      await run("ip", ["link", "set", engine.bridge, "up"]);
      await engine.start();
      await engine.docker(
        "network",
        "create",
        "--subnet",
        APP_NETWORK_SUBNET,
        "--opt",
        "com.docker.network.bridge.enable_icc=false",
        APP_NETWORK,
      );
      return engine;
    } catch (error) {
      await engine.remove();
      throw error;
    }
  }

  async start(): Promise<void> {
    const hostBridge = await hasLink("docker0");
    const namespace = this.namespace;
    // A configuration of its own (empty), not the host engine's /etc/docker/daemon.json: these flags decide.
    const configFile = path.join(this.dir, "daemon.json");
    await writeFile(configFile, "{}\n");
    const args = [
      "--config-file",
      configFile,
      "--data-root",
      path.join(this.dir, "data"),
      "--exec-root",
      path.join(this.dir, "exec"),
      "--pidfile",
      path.join(this.dir, "dockerd.pid"),
      "--host",
      `unix://${this.socketPath}`,
      "--containerd-namespace",
      namespace,
      "--containerd-plugins-namespace",
      `${namespace}-plugins`,
      "--cgroup-parent",
      namespace,
      "--iptables=false",
      "--ip-forward=false",
      "--ip-masq=false",
      "--userland-proxy=true",
      // As Pier's set-up runs the host's engine: containers outlive a restart of the engine.
      "--live-restore",
      "--bridge",
      this.bridge,
      "--log-level",
      "warn",
    ];
    const child = spawn("dockerd", args, { stdio: ["ignore", "pipe", "pipe"] });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    this.child = child;
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const runtime = createRuntime("docker", { socketPath: this.socketPath });
    await until(
      async () => {
        if (!this.running) return false;
        await runtime.ping();
        return true;
      },
      `the private dockerd answering on ${this.socketPath}`,
      60_000,
    ).catch((error) => {
      throw new Error(`${(error as Error).message}\n${this.output}`);
    });
    if (hostBridge && !(await hasLink("docker0")))
      throw new Error(
        "starting the private dockerd deleted the host engine's bridge docker0: restore it " +
          "(`ip link add docker0 type bridge`, its address, up) or restart the host's dockerd",
      );
  }

  /** containerd shims of this engine's namespace still running: SIGTERM to each, by pid, until none is left. */
  private async endLeftoverShims(): Promise<void> {
    const shims = async () => {
      const pids: number[] = [];
      for (const entry of await readdir("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        const args = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "" /* exited meanwhile */)).split(
          "\0",
        );
        if (args[0]?.endsWith("containerd-shim-runc-v2") && args[args.indexOf("-namespace") + 1] === this.namespace)
          pids.push(Number(entry));
      }
      return pids;
    };
    for (const pid of await shims()) {
      try {
        process.kill(pid, "SIGTERM");
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ESRCH") throw error; // ESRCH: it exited meanwhile
      }
    }
    await until(async () => (await shims()).length === 0, `the shims of ${this.namespace} gone`, 15_000);
  }

  /** The docker CLI, against this engine. */
  docker(...args: string[]): Promise<{ stdout: string }> {
    return run("docker", ["--host", `unix://${this.socketPath}`, ...args]);
  }

  /**
   * SIGTERM, as `systemctl restart docker` sends: the engine stops its containerd and exits; with live restore,
   * the containers keep running (their shims outlive it) and start() takes them back.
   */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.child!.kill("SIGTERM");
    await this.exited;
  }

  /**
   * SIGKILL to the engine and to its containerd, as a crash would end them: nothing is stopped in order.
   * The containers' shims live on (live restore), and start() brings both back.
   */
  async kill(): Promise<void> {
    if (!this.running) return;
    // Its containerd, found by its configuration under this engine's exec root: after a restart with live
    // restore, the engine takes over the containerd it left running, which is then not its child.
    const containerd: number[] = [];
    for (const entry of (await readdir("/proc")).filter((e) => /^\d+$/.test(e))) {
      const args = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "" /* exited meanwhile */)).split(
        "\0",
      );
      if (path.basename(args[0] ?? "") === "containerd" && args.some((a) => a.startsWith(`${this.dir}/`)))
        containerd.push(Number(entry));
    }
    if (containerd.length !== 1) throw new Error(`expected one containerd of ${this.dir}, found ${containerd}`);
    this.child!.kill("SIGKILL");
    process.kill(containerd[0]!, "SIGKILL");
    await this.exited;
    await until(
      async () => !(await readFile(`/proc/${containerd[0]}/comm`, "utf8").catch(() => null)),
      "the killed containerd gone",
      10_000,
    );
  }

  /** Copies an image of the host's engine into this one (no registry is reachable here). */
  loadImage(image: string): Promise<void> {
    return copyImage(image, this.socketPath);
  }

  /**
   * Everything goes: its containers and networks first (a network's Linux bridge outlives the engine
   * otherwise), then the engine, containerd shims it left (a container started while it shut down),
   * its cgroups, its default bridge and its directories.
   */
  async remove(): Promise<void> {
    // Stopped by a test that failed before starting it again: it cleans up after itself, so start it.
    if (this.child !== null && !this.running) await this.start();
    if (this.running) {
      const containers = (await this.docker("ps", "--all", "--quiet")).stdout.split("\n").filter(Boolean);
      for (const id of containers) {
        // An engine restarted under a build can keep a build step's overlay mount busy and refuse to remove
        // that container ("failed to remove root filesystem"): its files go with the data root below.
        await this.docker("rm", "--force", id).catch((error: { stderr?: string }) => {
          if (!/failed to remove root filesystem/.test(error.stderr ?? "")) throw error;
          console.warn(`private dockerd: the engine could not remove container ${id}: ${error.stderr?.trim()}`);
        });
      }
      await this.docker("network", "prune", "--force");
    }
    await this.stop();
    await this.endLeftoverShims();
    await unmountBelow(this.dir);
    await removeCgroups(this.namespace);
    await run("ip", ["link", "delete", this.bridge]).catch((error: { stderr?: string }) => {
      // Only a bridge that was never made (create() failed before) may be missing.
      if (!/Cannot find device/.test(error.stderr ?? "")) throw error;
    });
    await rm(this.dir, { recursive: true, force: true });
  }
}

/**
 * Interfaces still holding this engine's subnets (10.213/24, 10.214/24, reserved for it) can only be an
 * earlier engine's that was killed before its teardown: its routes would send this one's traffic astray.
 */
async function removeStaleBridges(): Promise<void> {
  const { stdout } = await run("ip", ["-brief", "address", "show"]);
  for (const line of stdout.split("\n")) {
    const [name, , ...addresses] = line.trim().split(/\s+/);
    if (!name || !addresses.some((a) => a.startsWith("10.213.0.") || a.startsWith("10.214.0."))) continue;
    console.warn(`private dockerd: removing ${name}, left with this engine's subnet by an earlier one`);
    await run("ip", ["link", "delete", name.split("@")[0]!]);
  }
}

/** Mounts the engine left under its directory (a leaked overlay), deepest first, so the directory can go. */
export async function unmountBelow(dir: string): Promise<void> {
  const mounts = (await readFile("/proc/mounts", "utf8")).split("\n").map((line) => line.split(" ")[1] ?? "");
  for (const mount of mounts
    .filter((m) => m.startsWith(`${dir}/`))
    .sort()
    .reverse())
    await run("umount", ["--lazy", mount]);
}

async function hasLink(name: string): Promise<boolean> {
  const { stdout } = await run("ip", ["-brief", "link", "show"]);
  return stdout.split("\n").some((line) => line.split(/\s+/)[0] === name);
}

/**
 * The cgroups made under `parent` (--cgroup-parent) in every hierarchy, children first; each is empty once its
 * containers are gone.
 */
export async function removeCgroups(parent: string): Promise<void> {
  const root = "/sys/fs/cgroup";
  const hierarchies = [
    root,
    ...(await readdir(root, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => path.join(root, e.name)),
  ];
  for (const hierarchy of hierarchies) {
    const dir = path.join(hierarchy, parent);
    const children = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null; // not made in this hierarchy
      throw error;
    });
    if (!children) continue;
    for (const child of children.filter((e) => e.isDirectory())) await rmdir(path.join(dir, child.name));
    await rmdir(dir);
  }
}

/** `docker save <image> | docker load` from the host's engine into the engine at `socketPath`. */
export async function copyImage(image: string, socketPath: string): Promise<void> {
  const save = spawn("docker", ["save", image], { stdio: ["ignore", "pipe", "pipe"] });
  const load = spawn("docker", ["--host", `unix://${socketPath}`, "load", "--quiet"], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  save.stdout!.pipe(load.stdin!);
  let errors = "";
  for (const child of [save, load]) child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const codes = await Promise.all(
    [save, load].map(
      (child) =>
        new Promise<number | null>((resolve, reject) => {
          child.once("error", reject);
          child.once("exit", resolve);
        }),
    ),
  );
  if (codes.some((code) => code !== 0))
    throw new Error(`docker save ${image} | docker load (${socketPath}) exited ${codes.join(", ")}: ${errors}`);
}
