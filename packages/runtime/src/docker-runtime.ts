// The only file in Pier that imports dockerode.
import Docker from "dockerode";
import { readFile } from "node:fs/promises";
import http from "node:http";
import { PassThrough, Readable } from "node:stream";
import { extract as untar } from "tar-stream";
import { packBuildContext } from "./build-context.ts";
import { demuxDockerLogs } from "./demux.ts";
import { parseListeningSockets } from "./proc-net-tcp.ts";
import { ImageBuildError, RuntimeRequestError, RuntimeUnavailableError } from "./errors.ts";
import type {
  BuildSpec,
  ContainerInfo,
  ContainerRuntime,
  ImageSummary,
  OneOffResult,
  OneOffSpec,
  RunningContainer,
  ContainerEvent,
  ContainerStats,
  ListeningSocket,
  RunSpec,
} from "./runtime.ts";

interface BuildEvent {
  stream?: string;
  status?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOENT", "EPIPE", "ECONNRESET", "EACCES", "ETIMEDOUT"]);

/** Translates dockerode's errors into Pier's: unreachable engine (retry) vs refused request. */
function translate(error: unknown, what: string): Error {
  const e = error as { code?: string; statusCode?: number; json?: { message?: string }; message?: string };
  if (e.code && UNREACHABLE_CODES.has(e.code)) {
    return new RuntimeUnavailableError(`Docker engine unreachable while trying to ${what}: ${e.code}`, { cause: error });
  }
  const detail = e.json?.message ?? e.message ?? String(error);
  return new RuntimeRequestError(`Docker refused to ${what}: ${detail}`, e.statusCode);
}

function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: number }).statusCode === 404;
}

function labelFilters(labels: Record<string, string>): string[] {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`);
}

function firstPublishedPort(ports: Record<string, Array<{ HostIp: string; HostPort: string }> | null> | undefined): number | null {
  for (const bindings of Object.values(ports ?? {})) {
    const binding = bindings?.find((b) => b.HostPort);
    if (binding) return Number(binding.HostPort);
  }
  return null;
}

const envList = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `${k}=${v}`);

/** Every app container, long-running or one-off: limits, volumes, no privileges, no capabilities. */
/** The bridge every app container runs on, with inter-container traffic off (see ensureAppNetwork). */
export const APP_NETWORK = "pier-apps";

function confined(spec: Pick<RunSpec, "memoryBytes" | "nanoCpus" | "pidsLimit" | "mounts">) {
  return {
    Binds: (spec.mounts ?? []).map((m) => `${m.volume}:${m.path}`),
    Memory: spec.memoryBytes,
    NanoCpus: spec.nanoCpus,
    PidsLimit: spec.pidsLimit,
    Privileged: false,
    // A tiny init as PID 1 forwards signals and reaps zombies: `docker stop` ends a plain `node server.js` at once.
    Init: true,
    CapDrop: ["ALL"],
    SecurityOpt: ["no-new-privileges"],
    // A chatty app must not fill the disk: Docker keeps at most 3 × 10 MB of its output.
    LogConfig: { Type: "json-file", Config: { "max-size": "10m", "max-file": "3" } },
  };
}

export class DockerRuntime implements ContainerRuntime {
  readonly kind = "docker";
  private readonly docker: Docker;
  private readonly socketPath: string;

  constructor(options: { socketPath?: string } = {}) {
    this.socketPath = options.socketPath ?? "/var/run/docker.sock";
    this.docker = new Docker({ socketPath: this.socketPath });
  }

  async hostMemoryMb(): Promise<number> {
    try {
      const info = (await this.docker.info()) as { MemTotal?: number };
      return Math.floor((info.MemTotal ?? 0) / (1024 * 1024));
    } catch (error) {
      throw translate(error, "info");
    }
  }

  /**
   * A build that failed while the engine stopped taking connections failed because of the engine
   * (shutting down or restarting: its storage and networks go first), not because of the Dockerfile:
   * that is worth another attempt, a build error is not.
   */
  private async buildFailure(message: string, instruction: string | null): Promise<Error> {
    const reachable = await this.takesNewConnections();
    return reachable === true ? new ImageBuildError(message, instruction) : new RuntimeUnavailableError(`Docker engine went away during the build (${message})`, { cause: reachable });
  }

  /**
   * GET /_ping on a connection of its own: an engine shutting down closes its socket to new connections
   * at once, but answers for a while on the ones already open (dockerode's, kept alive). True, or the error.
   */
  private takesNewConnections(): Promise<true | Error> {
    return new Promise((resolve) => {
      const request = http.get({ socketPath: this.socketPath, path: "/_ping", agent: false, timeout: 5_000 }, (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode === 200 ? true : new Error(`GET /_ping answered ${response.statusCode}`)));
      });
      request.on("timeout", () => request.destroy(new Error("GET /_ping timed out")));
      request.on("error", (error) => resolve(error));
    });
  }

  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (error) {
      throw translate(error, "ping");
    }
  }

  async imageExists(ref: string): Promise<boolean> {
    try {
      await this.docker.getImage(ref).inspect();
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw translate(error, `inspect image ${ref}`);
    }
  }

  async inspectImage(ref: string): Promise<{ id: string; labels: Record<string, string> } | null> {
    try {
      const image = await this.docker.getImage(ref).inspect();
      return { id: image.Id, labels: image.Config?.Labels ?? {} };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translate(error, `inspect image ${ref}`);
    }
  }

  async pullImage(ref: string): Promise<void> {
    try {
      const stream = await this.docker.pull(ref);
      await new Promise<void>((resolve, reject) => {
        this.docker.modem.followProgress(stream, (err: Error | null, events: BuildEvent[]) => {
          const failed = events?.find((ev) => ev.error);
          if (err) reject(err);
          else if (failed) reject(new Error(failed.error));
          else resolve();
        });
      });
    } catch (error) {
      throw translate(error, `pull ${ref}`);
    }
  }

  async buildImage(spec: BuildSpec): Promise<{ imageId: string }> {
    const context = packBuildContext({
      dir: spec.contextDir,
      exclude: spec.exclude ?? [],
      ignorePatterns: spec.ignorePatterns ?? [],
      keep: [spec.dockerfile, ".dockerignore"],
      extraFiles: spec.extraFiles ?? new Map(),
    });
    const limits = spec.limits
      ? {
          memory: spec.limits.memoryBytes,
          memswap: spec.limits.memoryBytes, // no swap on top: past the limit, the step is killed
          cpuperiod: 100_000,
          cpuquota: Math.round((spec.limits.nanoCpus / 1e9) * 100_000),
          ...(spec.limits.cgroupParent ? { cgroupparent: spec.limits.cgroupParent } : {}),
        }
      : {};
    let stream: NodeJS.ReadableStream;
    try {
      // tar-fs packs with streamx, which pipes like a Node stream; docker-modem only calls pipe().
      stream = await this.docker.buildImage(context as unknown as NodeJS.ReadableStream, {
        t: spec.tag,
        dockerfile: spec.dockerfile,
        buildargs: spec.buildArgs ?? {},
        labels: spec.labels ?? {},
        rm: true,
        forcerm: true,
        ...limits,
        abortSignal: spec.signal,
      });
    } catch (error) {
      throw translate(error, "build an image");
    }
    let pending = "";
    let instruction: string | null = null;
    const emit = (text: string) => {
      pending += text;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        // The legacy builder announces each instruction as "Step 2/9 : RUN npm ci".
        const step = /^Step \d+\/\d+ : (.*)$/.exec(line)?.[1];
        if (step !== undefined) instruction = step.trim();
        spec.onLog(line.replace(/\r$/, ""));
      }
    };
    const events: BuildEvent[] = await new Promise((resolve, reject) => {
      this.docker.modem.followProgress(
        stream,
        (err: Error | null, all: BuildEvent[]) => (err ? reject(translate(err, "build an image")) : resolve(all)),
        (event: BuildEvent) => {
          if (event.stream) emit(event.stream);
          else if (event.status) emit(`${event.status}\n`);
          if (event.error) emit(`${event.error}\n`);
        },
      );
    });
    if (pending) spec.onLog(pending);
    const failure = events.find((ev) => ev.error);
    if (failure) throw await this.buildFailure(failure.errorDetail?.message ?? failure.error ?? "build failed", instruction);
    // The id of the tagged image is the authoritative result (aux.ID is only sent by some engines).
    try {
      const image = await this.docker.getImage(spec.tag).inspect();
      return { imageId: image.Id };
    } catch (error) {
      throw translate(error, `inspect built image ${spec.tag}`);
    }
  }

  async readImageFile(image: string, filePath: string, maxBytes: number): Promise<Buffer | null> {
    let container: Docker.Container;
    try {
      // Never started: no command runs, no network; the label keeps it out of Pier's own container lists.
      container = await this.docker.createContainer({
        Image: image,
        Entrypoint: ["/nonexistent"],
        Cmd: [],
        Labels: { [PROBE_LABEL]: "true" },
        HostConfig: { NetworkMode: "none" },
      });
    } catch (error) {
      throw translate(error, `create a container to read ${filePath} from ${image.slice(0, 19)}`);
    }
    try {
      let archive: NodeJS.ReadableStream;
      try {
        archive = await container.getArchive({ path: filePath });
      } catch (error) {
        if (isNotFound(error)) return null;
        throw translate(error, `read ${filePath} from an image`);
      }
      return await firstFileOf(archive as Readable, filePath, maxBytes);
    } finally {
      await this.removeContainer(container.id);
    }
  }

  async tagImage(source: string, target: string): Promise<void> {
    const [repo, tag] = splitRef(target);
    try {
      await this.docker.getImage(source).tag({ repo, tag });
    } catch (error) {
      throw translate(error, `tag ${source} as ${target}`);
    }
  }

  async removeImage(ref: string): Promise<void> {
    try {
      await this.docker.getImage(ref).remove();
    } catch (error) {
      if (isNotFound(error)) return;
      throw translate(error, `remove image ${ref}`);
    }
  }

  async listImages(labels: Record<string, string>): Promise<ImageSummary[]> {
    try {
      const images = await this.docker.listImages({ filters: { label: labelFilters(labels) } });
      return images.map((img) => ({ id: img.Id, tags: img.RepoTags ?? [], labels: img.Labels ?? {}, createdAt: new Date(img.Created * 1000) }));
    } catch (error) {
      throw translate(error, "list images");
    }
  }

  async pruneDanglingImages(createdBefore: Date): Promise<{ removed: number; bytes: number }> {
    try {
      // Docker's own prune: only images with no tag, no child and no container, like `docker image prune`.
      const until = String(Math.floor(createdBefore.getTime() / 1000));
      const pruned = await this.docker.pruneImages({ filters: { dangling: ["true"], until: [until] } });
      return { removed: (pruned.ImagesDeleted ?? []).filter((d) => d.Deleted).length, bytes: pruned.SpaceReclaimed ?? 0 };
    } catch (error) {
      throw translate(error, "prune dangling images");
    }
  }

  private appNetwork: Promise<void> | null = null;

  /**
   * The network app containers run on: a bridge with inter-container traffic off, so one app can't
   * reach another's container (Docker's default bridge lets every container reach every other). They
   * still reach the internet, and the router reaches them through their ports published on 127.0.0.1.
   */
  private ensureAppNetwork(): Promise<void> {
    this.appNetwork ??= (async () => {
      const existing = await this.docker.listNetworks({ filters: { name: [APP_NETWORK] } });
      if (existing.some((n) => n.Name === APP_NETWORK)) return;
      try {
        await this.docker.createNetwork({
          Name: APP_NETWORK,
          Driver: "bridge",
          Labels: { "pier.managed": "true" },
          Options: { "com.docker.network.bridge.enable_icc": "false" },
        });
      } catch (error) {
        // Another Pier process created it in the meantime: that is the network we want.
        if ((error as { statusCode?: number }).statusCode !== 409) throw error;
      }
    })().catch((error) => {
      this.appNetwork = null;
      throw translate(error, `create the ${APP_NETWORK} network`);
    });
    return this.appNetwork;
  }

  async runContainer(spec: RunSpec): Promise<RunningContainer> {
    const portKey = `${spec.containerPort}/tcp`;
    let container: Docker.Container;
    await this.ensureAppNetwork();
    try {
      container = await this.docker.createContainer({
        name: spec.name,
        Image: spec.image,
        Env: envList(spec.env),
        Labels: spec.labels,
        ExposedPorts: { [portKey]: {} },
        HostConfig: {
          ...confined(spec),
          // Published on loopback only: the router is the way in from outside.
          PortBindings: { [portKey]: [{ HostIp: "127.0.0.1", HostPort: "" }] },
          // Docker never restarts app containers: Pier's controller replaces lost ones, with back-off.
          RestartPolicy: { Name: "no" },
          NetworkMode: APP_NETWORK,
        },
      });
    } catch (error) {
      throw translate(error, `create container ${spec.name}`);
    }
    try {
      await container.start();
      const info = await container.inspect();
      const hostPort = firstPublishedPort(info.NetworkSettings.Ports as never);
      if (hostPort === null) throw new RuntimeRequestError(`container ${spec.name} has no published port`, undefined);
      return { id: info.Id, hostPort };
    } catch (error) {
      await container.remove({ force: true }).catch(() => undefined /* best effort: the start error is what matters */);
      throw error instanceof RuntimeRequestError ? error : translate(error, `start container ${spec.name}`);
    }
  }

  async runToCompletion(spec: OneOffSpec): Promise<OneOffResult> {
    const started = performance.now();
    let container: Docker.Container;
    try {
      container = await this.docker.createContainer({
        Image: spec.image,
        Cmd: spec.command,
        Env: envList(spec.env),
        Labels: spec.labels,
        HostConfig: confined(spec),
      });
    } catch (error) {
      throw translate(error, "create a one-off container");
    }
    try {
      await container.start();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        container.kill().catch(() => undefined /* it may have exited on its own meanwhile */);
      }, spec.timeoutMs);
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      clearTimeout(timer);
      const output = await this.containerLogs(container.id, 10_000);
      return { exitCode: StatusCode, output, timedOut, durationMs: Math.round(performance.now() - started) };
    } catch (error) {
      throw translate(error, "run a one-off container");
    } finally {
      await this.removeContainer(container.id);
    }
  }

  async inspectContainer(id: string): Promise<ContainerInfo | null> {
    try {
      const info = await this.docker.getContainer(id).inspect();
      return {
        id: info.Id,
        name: info.Name.replace(/^\//, ""),
        image: info.Config.Image,
        running: info.State.Running,
        exitCode: info.State.Running ? null : info.State.ExitCode,
        labels: info.Config.Labels ?? {},
        hostPort: info.State.Running ? firstPublishedPort(info.NetworkSettings.Ports as never) : null,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translate(error, `inspect container ${id}`);
    }
  }

  async listContainers(labels: Record<string, string>, options: { all?: boolean } = {}): Promise<ContainerInfo[]> {
    try {
      const list = await this.docker.listContainers({ all: options.all ?? false, filters: { label: labelFilters(labels) } });
      return list.map((c) => {
        const published = c.Ports.find((p) => p.PublicPort && (p.IP === "127.0.0.1" || p.IP === "0.0.0.0"));
        return {
          id: c.Id,
          name: (c.Names[0] ?? "").replace(/^\//, ""),
          image: c.Image,
          running: c.State === "running",
          exitCode: null,
          labels: c.Labels ?? {},
          hostPort: c.State === "running" && published ? published.PublicPort : null,
        };
      });
    } catch (error) {
      throw translate(error, "list containers");
    }
  }

  async containerLogs(id: string, tail: number): Promise<string> {
    try {
      const buffer = (await this.docker.getContainer(id).logs({ stdout: true, stderr: true, tail, follow: false })) as unknown as Buffer;
      return demuxDockerLogs(buffer);
    } catch (error) {
      if (isNotFound(error)) return "";
      throw translate(error, `read logs of ${id}`);
    }
  }

  async containerStats(id: string): Promise<ContainerStats | null> {
    let raw: {
      cpu_stats?: { cpu_usage?: { total_usage?: number }; system_cpu_usage?: number; online_cpus?: number };
      memory_stats?: { usage?: number; stats?: { inactive_file?: number; total_inactive_file?: number } };
    };
    try {
      // one-shot: answer at once instead of waiting for a second reading.
      raw = (await this.docker.getContainer(id).stats({ stream: false, "one-shot": true } as never)) as never;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translate(error, `read stats of ${id}`);
    }
    const cpu = raw.cpu_stats;
    if (!cpu?.cpu_usage?.total_usage) return null;
    const cache = raw.memory_stats?.stats?.total_inactive_file ?? raw.memory_stats?.stats?.inactive_file ?? 0;
    return {
      cpuTotalNs: cpu.cpu_usage.total_usage,
      systemCpuNs: cpu.system_cpu_usage ?? 0,
      onlineCpus: cpu.online_cpus ?? 1,
      memoryBytes: Math.max(0, (raw.memory_stats?.usage ?? 0) - cache),
    };
  }

  async listeningSockets(id: string): Promise<ListeningSocket[] | null> {
    let pid: number;
    try {
      pid = (await this.docker.getContainer(id).inspect()).State.Pid;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw translate(error, `inspect container ${id}`);
    }
    if (!pid) return null;
    // Pier on the engine's host reads the container's network namespace through its process; elsewhere
    // (Pier itself in a container) it asks the container, which works when the image has `cat`.
    const fromHost = await Promise.all([`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`].map((f) => readFile(f, "utf8").catch(() => "")));
    if (fromHost.some(Boolean)) return parseListeningSockets(fromHost.join("\n"));
    const output = await this.execOutput(id, ["cat", "/proc/net/tcp", "/proc/net/tcp6"]).catch(() => null);
    return output === null ? null : parseListeningSockets(output);
  }

  private async execOutput(id: string, command: string[]): Promise<string> {
    const exec = await this.docker.getContainer(id).exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
    const raw = await exec.start({ hijack: true, stdin: false });
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    this.docker.modem.demuxStream(raw, out, new PassThrough());
    await new Promise<void>((resolve, reject) => {
      raw.on("end", resolve);
      raw.on("error", reject);
    });
    return Buffer.concat(chunks).toString("utf8");
  }

  async watchEvents(labels: Record<string, string>, onEvent: (event: ContainerEvent) => void, onEnd: (error?: Error) => void): Promise<{ close(): void }> {
    let stream: NodeJS.ReadableStream;
    try {
      stream = (await this.docker.getEvents({ filters: { type: ["container"], label: labelFilters(labels), event: ["die", "destroy", "kill", "oom", "start"] } })) as NodeJS.ReadableStream;
    } catch (error) {
      throw translate(error, "watch container events");
    }
    let pending = "";
    stream.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines.filter(Boolean)) {
        const raw = JSON.parse(line) as { Action?: string; id?: string; Actor?: { ID?: string; Attributes?: Record<string, string> }; time?: number };
        const attributes = raw.Actor?.Attributes ?? {};
        const exitCode = attributes.exitCode === undefined ? null : Number(attributes.exitCode);
        onEvent({ action: raw.Action ?? "", containerId: raw.id ?? raw.Actor?.ID ?? "", labels: attributes, exitCode });
      }
    });
    let closed = false;
    stream.on("error", (error: Error) => !closed && onEnd(error));
    stream.on("end", () => !closed && onEnd());
    return {
      close: () => {
        closed = true;
        (stream as unknown as { destroy(): void }).destroy();
      },
    };
  }

  async streamContainerLogs(id: string, options: { tail: number; follow: boolean }): Promise<Readable> {
    const container = this.docker.getContainer(id);
    try {
      if (!options.follow) return Readable.from([await this.containerLogs(id, options.tail)]);
      const raw = await container.logs({ stdout: true, stderr: true, tail: options.tail, follow: true });
      const out = new PassThrough();
      this.docker.modem.demuxStream(raw, out, out);
      raw.on("end", () => out.end());
      raw.on("error", (error: Error) => out.destroy(error));
      out.on("close", () => (raw as unknown as { destroy(): void }).destroy());
      return out;
    } catch (error) {
      throw translate(error, `read logs of ${id}`);
    }
  }

  async stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    try {
      await this.docker.getContainer(id).stop({ t: timeoutSeconds });
    } catch (error) {
      // 304: already stopped; 404: already gone. Both are the state we wanted.
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 304 || status === 404) return;
      throw translate(error, `stop container ${id}`);
    }
  }

  async ensureVolume(name: string, labels: Record<string, string>): Promise<void> {
    try {
      await this.docker.getVolume(name).inspect();
    } catch (error) {
      if (!isNotFound(error)) throw translate(error, `inspect volume ${name}`);
      try {
        await this.docker.createVolume({ Name: name, Labels: labels });
      } catch (createError) {
        throw translate(createError, `create volume ${name}`);
      }
    }
  }

  async listVolumes(labels: Record<string, string>): Promise<Array<{ name: string; labels: Record<string, string> }>> {
    try {
      const { Volumes } = await this.docker.listVolumes({ filters: { label: labelFilters(labels) } });
      return (Volumes ?? []).map((v) => ({ name: v.Name, labels: v.Labels ?? {} }));
    } catch (error) {
      throw translate(error, "list volumes");
    }
  }

  async removeVolume(name: string): Promise<void> {
    try {
      await this.docker.getVolume(name).remove();
    } catch (error) {
      if (isNotFound(error)) return;
      throw translate(error, `remove volume ${name}`);
    }
  }

  async removeContainer(id: string): Promise<void> {
    try {
      await this.docker.getContainer(id).remove({ force: true });
    } catch (error) {
      // Gone already, or someone else is removing it right now (e.g. an app deleted mid-deploy).
      if (isNotFound(error) || /already in progress/.test(String((error as Error).message))) return;
      throw translate(error, `remove container ${id}`);
    }
  }
}

/** Containers made only to read an image's files. */
const PROBE_LABEL = "pier.probe";

/** The content of the single regular file a `GET …/archive` tar holds. */
async function firstFileOf(archive: Readable, filePath: string, maxBytes: number): Promise<Buffer> {
  const entries = untar();
  archive.pipe(entries);
  for await (const entry of entries) {
    if (entry.header.type !== "file") throw new Error(`${filePath} in the image is not a regular file`);
    if ((entry.header.size ?? 0) > maxBytes) throw new Error(`${filePath} in the image is over ${maxBytes} bytes`);
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    archive.unpipe(entries);
    archive.resume();
    return Buffer.concat(chunks);
  }
  throw new Error(`${filePath}: the engine sent an empty archive`);
}

function splitRef(ref: string): [string, string] {
  const slash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, "latest"];
}
