// ContainerRuntime on Docker: each method is a function of ./docker/ (by concern), given this client.
// Only ./docker/engine.ts imports dockerode.
import type { Readable } from "node:stream";
import * as containers from "./docker/containers.ts";
import { createDockerClient, DEFAULT_SOCKET_PATH, type DockerClient } from "./docker/engine.ts";
import { watchEvents } from "./docker/events.ts";
import * as host from "./docker/host.ts";
import * as images from "./docker/images.ts";
import { ContainerUsageReader } from "./docker/usage.ts";
import * as volumes from "./docker/volumes.ts";
import { NodeOperationError } from "./errors.ts";
import type {
  BuildSpec,
  ContainerEvent,
  ContainerInfo,
  ContainerRuntime,
  HostMemory,
  ImageSummary,
  ListeningSocket,
  LogStreamOptions,
  NodeInfo,
  OneOffResult,
  OneOffSpec,
  RunningContainer,
  RunSpec,
  UsageReading,
} from "./runtime.ts";

export { APP_NETWORK } from "./docker/networks.ts";

/** The label on everything Pier starts (LABELS.managed of @pier/shared, which this package doesn't import). */
const MANAGED_LABEL = "pier.managed";

export class DockerRuntime implements ContainerRuntime {
  readonly kind = "docker";
  private readonly docker: DockerClient;
  private readonly socketPath: string;
  private readonly usage: ContainerUsageReader;

  constructor(options: { socketPath?: string } = {}) {
    this.socketPath = options.socketPath ?? DEFAULT_SOCKET_PATH;
    this.docker = createDockerClient(this.socketPath);
    this.usage = new ContainerUsageReader(this.docker);
  }

  ping(): Promise<void> {
    return host.ping(this.docker);
  }

  hostMemory(): Promise<HostMemory> {
    return host.hostMemory(this.docker);
  }

  imageExists(ref: string): Promise<boolean> {
    return images.imageExists(this.docker, ref);
  }

  inspectImage(ref: string): Promise<{ id: string; labels: Record<string, string> } | null> {
    return images.inspectImage(this.docker, ref);
  }

  pullImage(ref: string): Promise<void> {
    return images.pullImage(this.docker, ref);
  }

  buildImage(spec: BuildSpec): Promise<{ imageId: string }> {
    return images.buildImage(this.docker, spec, this.socketPath);
  }

  readImageFile(image: string, filePath: string, maxBytes: number): Promise<Buffer | null> {
    return images.readImageFile(this.docker, image, filePath, maxBytes);
  }

  tagImage(source: string, target: string): Promise<void> {
    return images.tagImage(this.docker, source, target);
  }

  removeImage(ref: string): Promise<void> {
    return images.removeImage(this.docker, ref);
  }

  listImages(labels: Record<string, string>): Promise<ImageSummary[]> {
    return images.listImages(this.docker, labels);
  }

  pruneDanglingImages(createdBefore: Date): Promise<{ removed: number; bytes: number }> {
    return images.pruneDanglingImages(this.docker, createdBefore);
  }

  runContainer(spec: RunSpec): Promise<RunningContainer> {
    return containers.runContainer(this.docker, spec);
  }

  runToCompletion(spec: OneOffSpec): Promise<OneOffResult> {
    return containers.runToCompletion(this.docker, spec);
  }

  inspectContainer(id: string): Promise<ContainerInfo | null> {
    return containers.inspectContainer(this.docker, id);
  }

  listContainers(labels: Record<string, string>, options: { all?: boolean } = {}): Promise<ContainerInfo[]> {
    return containers.listContainers(this.docker, labels, options);
  }

  containerLogs(id: string, tail: number): Promise<string> {
    return containers.containerLogs(this.docker, id, tail);
  }

  streamContainerLogs(id: string, options: LogStreamOptions): Promise<Readable> {
    return containers.streamContainerLogs(this.docker, id, options);
  }

  containerUsage(ids: string[]): Promise<UsageReading> {
    return this.usage.read(ids);
  }

  listeningSockets(id: string): Promise<ListeningSocket[] | null> {
    return containers.listeningSockets(this.docker, id);
  }

  watchEvents(
    labels: Record<string, string>,
    onEvent: (event: ContainerEvent) => void,
    onEnd: (error?: Error) => void,
  ): Promise<{ close(): void }> {
    return watchEvents(this.docker, labels, onEvent, onEnd);
  }

  stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    return containers.stopContainer(this.docker, id, timeoutSeconds);
  }

  removeContainer(id: string): Promise<void> {
    return containers.removeContainer(this.docker, id);
  }

  ensureVolume(name: string, labels: Record<string, string>): Promise<void> {
    return volumes.ensureVolume(this.docker, name, labels);
  }

  listVolumes(labels: Record<string, string>): Promise<Array<{ name: string; labels: Record<string, string> }>> {
    return volumes.listVolumes(this.docker, labels);
  }

  removeVolume(name: string): Promise<void> {
    return volumes.removeVolume(this.docker, name);
  }

  async listNodes(): Promise<NodeInfo[]> {
    const running = await containers.listContainers(this.docker, { [MANAGED_LABEL]: "true" });
    return [await host.thisMachine(this.docker, running.length)];
  }

  async setNodeAvailability(nodeId: string): Promise<void> {
    throw new NodeOperationError(
      `node ${nodeId}: single Docker runs on this machine alone, there is no other node to move replicas to`,
      "no_cluster",
    );
  }

  async joinCommand(): Promise<string | null> {
    return null;
  }
}
