import { readFile } from "node:fs/promises";
import { PassThrough, type Readable } from "node:stream";
import { RuntimeRequestError } from "../errors.ts";
import { parseListeningSockets } from "../proc-net-tcp.ts";
import type {
  ContainerInfo,
  ListeningSocket,
  LogStreamOptions,
  OneOffResult,
  OneOffSpec,
  RunningContainer,
  RunSpec,
} from "../runtime.ts";
import { engineCall, labelFilters, statusOf, type DockerClient } from "./engine.ts";
import { type LogSource, readLogs, streamLogs } from "./logs.ts";
import { APP_NETWORK, ensureAppNetwork } from "./networks.ts";

const envList = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `${k}=${v}`);

function firstPublishedPort(ports: NetworkSettings["Ports"]): number | null {
  for (const bindings of Object.values(ports ?? {})) {
    const binding = bindings?.find((b) => b.HostPort);
    if (binding) return Number(binding.HostPort);
  }
  return null;
}

interface NetworkSettings {
  Ports?: Record<string, Array<{ HostIp: string; HostPort: string }> | null>;
  Networks?: Record<string, { IPAddress?: string }>;
}

/** "address:port" on the app network, or null without an address there (not running, or not attached). */
function appNetworkEndpoint(settings: NetworkSettings | undefined, port: number | undefined): string | null {
  const address = settings?.Networks?.[APP_NETWORK]?.IPAddress;
  return address && port ? `${address}:${port}` : null;
}

/**
 * The port the app listens on: the one Pier published (its spec's containerPort). An image may EXPOSE others
 * (a base image's 3000, when the app was adopted on 8080), so the first exposed port is not it.
 */
function publishedContainerPort(ports: NetworkSettings["Ports"]): number | undefined {
  const key = Object.entries(ports ?? {}).find(([k, bindings]) => k.endsWith("/tcp") && bindings?.length)?.[0];
  return key ? Number(key.split("/")[0]) : undefined;
}

/** Every app container, long-running or one-off: limits, volumes, no privileges, no capabilities. */
export function confined(spec: Pick<RunSpec, "memoryBytes" | "nanoCpus" | "pidsLimit" | "mounts" | "hostMounts">) {
  return {
    Binds: [
      ...(spec.mounts ?? []).map((m) => `${m.volume}:${m.path}`),
      ...(spec.hostMounts ?? []).map((m) => `${m.hostPath}:${m.path}${m.readOnly ? ":ro" : ""}`),
    ],
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

export async function runContainer(docker: DockerClient, spec: RunSpec): Promise<RunningContainer> {
  const portKey = `${spec.containerPort}/tcp`;
  await ensureAppNetwork(docker);
  const container = await engineCall(`create container ${spec.name}`, () =>
    docker.createContainer({
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
    }),
  );
  try {
    const { id, hostPort, endpoint } = await engineCall(`start container ${spec.name}`, async () => {
      await container.start();
      const info = await container.inspect();
      const settings = info.NetworkSettings as NetworkSettings;
      return {
        id: info.Id,
        hostPort: firstPublishedPort(settings.Ports),
        endpoint: appNetworkEndpoint(settings, spec.containerPort),
      };
    });
    if (hostPort === null) throw new RuntimeRequestError(`container ${spec.name} has no published port`, undefined);
    if (endpoint === null)
      throw new RuntimeRequestError(`container ${spec.name} has no address on ${APP_NETWORK}`, undefined);
    return { id, hostPort, endpoint };
  } catch (error) {
    await container.remove({ force: true }).catch(() => undefined /* best effort: the start error is what matters */);
    throw error;
  }
}

/** Runs a command in a fresh container of `image` until it exits (or the timeout kills it), then removes it. */
export async function runToCompletion(docker: DockerClient, spec: OneOffSpec): Promise<OneOffResult> {
  const started = performance.now();
  const container = await engineCall("create a one-off container", () =>
    docker.createContainer({
      Image: spec.image,
      Cmd: spec.command,
      Env: envList(spec.env),
      Labels: spec.labels,
      HostConfig: confined(spec),
    }),
  );
  try {
    return await engineCall("run a one-off container", async () => {
      await container.start();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        container.kill().catch(() => undefined /* it may have exited on its own meanwhile */);
      }, spec.timeoutMs);
      const { StatusCode } = (await container.wait()) as { StatusCode: number };
      clearTimeout(timer);
      const output = await containerLogs(docker, container.id, 10_000);
      return { exitCode: StatusCode, output, timedOut, durationMs: Math.round(performance.now() - started) };
    });
  } finally {
    await removeContainer(docker, container.id);
  }
}

export function inspectContainer(docker: DockerClient, id: string): Promise<ContainerInfo | null> {
  return engineCall(
    `inspect container ${id}`,
    async () => {
      const info = await docker.getContainer(id).inspect();
      return {
        id: info.Id,
        name: info.Name.replace(/^\//, ""),
        image: info.Config.Image,
        running: info.State.Running,
        exitCode: info.State.Running ? null : info.State.ExitCode,
        labels: info.Config.Labels ?? {},
        hostPort: info.State.Running ? firstPublishedPort(info.NetworkSettings.Ports as never) : null,
        endpoint: info.State.Running
          ? appNetworkEndpoint(
              info.NetworkSettings as NetworkSettings,
              publishedContainerPort(info.NetworkSettings.Ports as never),
            )
          : null,
        node: null,
        restarting: null,
      };
    },
    { notFound: () => null },
  );
}

export function listContainers(
  docker: DockerClient,
  labels: Record<string, string>,
  options: { all?: boolean } = {},
): Promise<ContainerInfo[]> {
  return engineCall("list containers", async () => {
    const list = await docker.listContainers({ all: options.all ?? false, filters: { label: labelFilters(labels) } });
    return list.map((c) => {
      const published = c.Ports.find((p) => p.PublicPort && (p.IP === "127.0.0.1" || p.IP === "0.0.0.0"));
      // The published port's container side, not the first exposed one (see publishedContainerPort).
      const exposed = published?.PrivatePort;
      return {
        id: c.Id,
        name: (c.Names[0] ?? "").replace(/^\//, ""),
        image: c.Image,
        running: c.State === "running",
        exitCode: null,
        labels: c.Labels ?? {},
        hostPort: c.State === "running" && published ? published.PublicPort : null,
        endpoint: c.State === "running" ? appNetworkEndpoint(c.NetworkSettings as NetworkSettings, exposed) : null,
        node: null,
        restarting: null,
      };
    });
  });
}

/** Last lines of stdout+stderr, demultiplexed. */
export function containerLogs(docker: DockerClient, id: string, tail: number, timestamps = false): Promise<string> {
  return readLogs(docker.getContainer(id) as LogSource, id, tail, timestamps);
}

/** stdout+stderr as one text stream: the last `tail` lines, then (with follow) new output as it comes. */
export function streamContainerLogs(docker: DockerClient, id: string, options: LogStreamOptions): Promise<Readable> {
  return streamLogs(docker, docker.getContainer(id) as LogSource, id, options);
}

/** The TCP sockets listening inside a running container (its network namespace), or null if they can't be read. */
export async function listeningSockets(docker: DockerClient, id: string): Promise<ListeningSocket[] | null> {
  const pid = await engineCall(
    `inspect container ${id}`,
    async () => (await docker.getContainer(id).inspect()).State.Pid,
    { notFound: () => null },
  );
  if (!pid) return null;
  // Pier on the engine's host reads the container's network namespace through its process; elsewhere
  // (Pier itself in a container) it asks the container, which works when the image has `cat`.
  const fromHost = await Promise.all(
    [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`].map((f) => readFile(f, "utf8").catch(() => "")),
  );
  if (fromHost.some(Boolean)) return parseListeningSockets(fromHost.join("\n"));
  const output = await execOutput(docker, id, ["cat", "/proc/net/tcp", "/proc/net/tcp6"]).catch(() => null);
  return output === null ? null : parseListeningSockets(output);
}

async function execOutput(docker: DockerClient, id: string, command: string[]): Promise<string> {
  const exec = await docker.getContainer(id).exec({ Cmd: command, AttachStdout: true, AttachStderr: true });
  const raw = await exec.start({ hijack: true, stdin: false });
  const chunks: Buffer[] = [];
  const out = new PassThrough();
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  docker.modem.demuxStream(raw, out, new PassThrough());
  await new Promise<void>((resolve, reject) => {
    raw.on("end", resolve);
    raw.on("error", reject);
  });
  return Buffer.concat(chunks).toString("utf8");
}

export async function stopContainer(docker: DockerClient, id: string, timeoutSeconds: number): Promise<void> {
  await engineCall(`stop container ${id}`, () => docker.getContainer(id).stop({ t: timeoutSeconds }), {
    // 304: already stopped; 404: already gone. Both are the state we wanted.
    notFound: () => undefined,
    sameAsNotFound: (error) => statusOf(error) === 304,
  });
}

export async function removeContainer(docker: DockerClient, id: string): Promise<void> {
  await engineCall(`remove container ${id}`, () => docker.getContainer(id).remove({ force: true }), {
    // Gone already, or someone else is removing it right now (e.g. an app deleted mid-deploy).
    notFound: () => undefined,
    sameAsNotFound: (error) => /already in progress/.test(String((error as Error).message)),
  });
}
