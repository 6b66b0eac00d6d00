import type { Readable } from "node:stream";

export interface HostMemory {
  totalMb: number;
  /** What the kernel could give new processes without swapping (MemAvailable): free memory and reclaimable cache. */
  availableMb: number;
}

/**
 * The machine that builds and runs apps. Docker today; Swarm or Kubernetes can implement the same
 * interface. Chosen once at startup by `createRuntime`.
 */
export interface ContainerRuntime {
  readonly kind: string;
  /** Throws RuntimeUnavailableError when the engine can't be reached. */
  ping(): Promise<void>;
  /** Memory of the machine the engine runs containers on: its total, and what it has available now (MB). */
  hostMemory(): Promise<HostMemory>;
  imageExists(ref: string): Promise<boolean>;
  /** An image's id and labels, or null when there is no such image. */
  inspectImage(ref: string): Promise<{ id: string; labels: Record<string, string> } | null>;
  /** Pulls an image; throws if the registry can't be reached or the image doesn't exist. */
  pullImage(ref: string): Promise<void>;
  buildImage(spec: BuildSpec): Promise<{ imageId: string }>;
  /**
   * One file of an image's filesystem (read from a created, never started, container): null when the
   * path doesn't exist; an error when it is larger than maxBytes or not a regular file.
   */
  readImageFile(image: string, filePath: string, maxBytes: number): Promise<Buffer | null>;
  tagImage(source: string, target: string): Promise<void>;
  removeImage(ref: string): Promise<void>;
  listImages(labels: Record<string, string>): Promise<ImageSummary[]>;
  /**
   * Removes untagged images nothing is built on, made before `createdBefore`: the build cache the legacy
   * builder leaves (layers of failed builds, leaves a rebuild replaced). Returns the bytes reclaimed.
   */
  pruneDanglingImages(createdBefore: Date): Promise<{ removed: number; bytes: number }>;
  runContainer(spec: RunSpec): Promise<RunningContainer>;
  /** Runs a command in a fresh container of `image` until it exits (or the timeout kills it), then removes it. */
  runToCompletion(spec: OneOffSpec): Promise<OneOffResult>;
  inspectContainer(id: string): Promise<ContainerInfo | null>;
  listContainers(labels: Record<string, string>, options?: { all?: boolean }): Promise<ContainerInfo[]>;
  /** Last lines of stdout+stderr, demultiplexed. */
  containerLogs(id: string, tail: number): Promise<string>;
  /** stdout+stderr as one text stream: the last `tail` lines, then (with follow) new output as it comes. */
  streamContainerLogs(id: string, options: LogStreamOptions): Promise<Readable>;
  /**
   * CPU time and memory of these containers now, all in one pass (the running ones; CPU % comes from two
   * readings). Docker reads the kernel's cgroup files rather than asking the engine for each container.
   */
  containerUsage(ids: string[]): Promise<UsageReading>;
  /** The TCP sockets listening inside a running container (its network namespace), or null if they can't be read. */
  listeningSockets(id: string): Promise<ListeningSocket[] | null>;
  /**
   * Calls `onEvent` for every start, exit (die, oom) and removal (destroy) of containers with these labels,
   * until closed; `onEnd` hears when the engine ends the stream (it restarted): watch again.
   */
  watchEvents(
    labels: Record<string, string>,
    onEvent: (event: ContainerEvent) => void,
    onEnd: (error?: Error) => void,
  ): Promise<{ close(): void }>;
  stopContainer(id: string, timeoutSeconds: number): Promise<void>;
  removeContainer(id: string): Promise<void>;
  /** Creates the named volume with these labels unless it exists. */
  ensureVolume(name: string, labels: Record<string, string>): Promise<void>;
  listVolumes(labels: Record<string, string>): Promise<Array<{ name: string; labels: Record<string, string> }>>;
  removeVolume(name: string): Promise<void>;
  /** The machines apps run on: this one alone on Docker, every node of the swarm on Swarm. */
  listNodes(): Promise<NodeInfo[]>;
  /**
   * Drain (its replicas move to other nodes, none start there) or activate a node. Throws NodeOperationError
   * when the runtime has no nodes to drain (single Docker) or the node doesn't exist.
   */
  setNodeAvailability(nodeId: string, availability: "active" | "drain"): Promise<void>;
  /** The command a new machine runs to join as a worker, or null when the runtime has no cluster to join. */
  joinCommand(): Promise<string | null>;
}

export interface NodeInfo {
  id: string;
  /** Its hostname. */
  name: string;
  role: "manager" | "worker";
  /** "ready", "down", "unknown" or "disconnected" (Swarm's node states). */
  state: string;
  availability: "active" | "pause" | "drain";
  /** Its address other nodes and the router reach it on. */
  address: string;
  cpus: number;
  memoryBytes: number;
  /** Pier's containers (replicas, one-off runs) running on it now. */
  runningTasks: number;
  /** Node labels (Swarm), e.g. pier.build=true on a build server. */
  labels: Record<string, string>;
}

export interface LogStreamOptions {
  tail: number;
  follow: boolean;
  /** Each line starts with the engine's RFC 3339 time of it (nanoseconds, fixed width) and a space. */
  timestamps?: boolean;
  /** With follow: only lines written from this time on (a replica that started after a viewer began to follow). */
  since?: Date;
}

export interface BuildSpec {
  /** Directory sent as the build context. */
  contextDir: string;
  /** Dockerfile path relative to contextDir. */
  dockerfile: string;
  tag: string;
  buildArgs?: Record<string, string>;
  labels?: Record<string, string>;
  /** Paths (relative to contextDir) left out of the context. */
  exclude?: string[];
  /** The repository's `.dockerignore` patterns. */
  ignorePatterns?: string[];
  /**
   * Files Pier adds to the context (path → content), e.g. its generated Dockerfile: never written into the
   * checkout.
   */
  extraFiles?: Map<string, Buffer>;
  /** Limits for every step of the build. */
  limits?: BuildLimits;
  onLog: (line: string) => void;
  signal?: AbortSignal;
}

export interface BuildLimits {
  memoryBytes: number;
  nanoCpus: number;
  /** A cgroup every build step runs under (its pids.max caps the processes of all builds). */
  cgroupParent?: string;
}

/** A TCP socket listening inside a container's network namespace. */
export interface ListeningSocket {
  /** "0.0.0.0", "::", "127.0.0.1", "::1", or another local address. */
  address: string;
  port: number;
}

export interface RunSpec {
  name: string;
  image: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  /** Port the app listens on inside the container; published on 127.0.0.1 at a free host port. */
  containerPort: number;
  memoryBytes: number;
  nanoCpus: number;
  pidsLimit: number;
  /** Named volumes (see ensureVolume) mounted into the container. */
  mounts?: VolumeMount[];
  /** Directories of the engine's host mounted into the container. */
  hostMounts?: HostDirectoryMount[];
}

export interface VolumeMount {
  volume: string;
  path: string;
}

/** A directory of the engine's host, by its absolute path there, bind-mounted at `path`. */
export interface HostDirectoryMount {
  hostPath: string;
  path: string;
  readOnly: boolean;
}

export interface OneOffSpec {
  image: string;
  command: string[];
  env: Record<string, string>;
  labels: Record<string, string>;
  mounts?: VolumeMount[];
  hostMounts?: HostDirectoryMount[];
  memoryBytes: number;
  nanoCpus: number;
  pidsLimit: number;
  timeoutMs: number;
}

export interface OneOffResult {
  exitCode: number;
  /** stdout and stderr, interleaved as written. */
  output: string;
  timedOut: boolean;
  durationMs: number;
}

export interface RunningContainer {
  id: string;
  hostPort: number;
  /** Where its app is reached: its address on the app network and the container port ("10.213.0.2:3000"). */
  endpoint: string;
}

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  running: boolean;
  exitCode: number | null;
  labels: Record<string, string>;
  /** Host port published on 127.0.0.1 for the container's first exposed port, when running. */
  hostPort: number | null;
  /**
   * Its address on the app network and its first exposed port ("10.213.0.2:3000"), when running: how the
   * router and health checks reach it. Unlike the published port, it needs nothing of the engine's, so it
   * keeps answering while the engine restarts (live restore) and never points at another container.
   */
  endpoint: string | null;
  /** The node it runs on (NodeInfo.id) on Swarm; null on single Docker (there is one machine). */
  node: string | null;
  /**
   * Not running and the runtime itself is bringing it back, why it went down ("its task exited with code 1",
   * "its node was lost"): Swarm restarts a replica's task, on another node when its node is lost. Else null:
   * always on Docker, whose containers Pier runs with no restart policy.
   */
  restarting: string | null;
}

export interface ImageSummary {
  id: string;
  tags: string[];
  labels: Record<string, string>;
  /** When the image was built. */
  createdAt: Date;
}

export interface ContainerEvent {
  /**
   * "start", "kill" (the engine signals it: docker stop or kill, the engine's own shutdown), "die", "oom" or
   * "destroy".
   */
  action: string;
  containerId: string;
  /** The container's labels (and, for "die", exitCode; for "kill", signal: "15" for SIGTERM). */
  labels: Record<string, string>;
  exitCode: number | null;
}

export interface ContainerUsage {
  /** CPU time the container used since it started, in nanoseconds. */
  cpuNs: number;
  /** Memory in use without the page cache the kernel can drop (what `docker stats` shows), bytes. */
  memoryBytes: number;
}

export interface UsageReading {
  /** By container id: those asked for that are running. */
  usage: Map<string, ContainerUsage>;
  /** Why figures had to come from the engine, one request per container (null when none did). */
  engineFallback: string | null;
}
