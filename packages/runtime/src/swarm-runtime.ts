// ContainerRuntime on Docker Swarm: each of Pier's containers is a one-task service on the manager; images are
// built on the build engine and pushed to a registry every node pulls from. Each method is a function of
// ./swarm/ (by concern) or, for what stays on the build engine, of ./docker/.
import type { Readable } from "node:stream";
import { createDockerClient, type DockerClient } from "./docker/engine.ts";
import * as host from "./docker/host.ts";
import * as images from "./docker/images.ts";
import { RegistryClient } from "./registry/registry-client.ts";
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
import type { RegistrySettings } from "./select.ts";
import { swarmMemory } from "./swarm/capacity.ts";
import { watchServiceEvents } from "./swarm/events.ts";
import { serviceLogs, streamServiceLogs } from "./swarm/logs.ts";
import * as nodes from "./swarm/nodes.ts";
import { runOneOff } from "./swarm/one-off.ts";
import { RegistryImages } from "./swarm/registry-images.ts";
import * as replicas from "./swarm/replicas.ts";
import * as swarmVolumes from "./swarm/volumes.ts";
import { removeService } from "./swarm/services.ts";
import * as volumes from "./docker/volumes.ts";

/** The label on everything Pier starts (LABELS.managed of @pier/shared, which this package doesn't import). */
const MANAGED_LABEL = "pier.managed";

const NO_USAGE =
  "on Swarm the manager can't read the cgroups of other nodes' containers: no CPU or memory figures per replica " +
  "(the autoscaler has no CPU load to act on)";

export interface SwarmRuntimeOptions {
  /** The manager's engine (PIER_DOCKER_SOCKET): services, tasks, nodes. */
  managerSocket: string;
  /** The engine that builds and pushes (PIER_BUILD_DOCKER_SOCKET, else the manager's). */
  buildSocket: string;
  registry: RegistrySettings;
}

export class SwarmRuntime implements ContainerRuntime {
  readonly kind = "swarm";
  private readonly manager: DockerClient;
  private readonly build: DockerClient;
  private readonly buildSocket: string;
  private readonly images: RegistryImages;

  constructor(options: SwarmRuntimeOptions) {
    this.manager = createDockerClient(options.managerSocket);
    this.buildSocket = options.buildSocket;
    this.build = options.buildSocket === options.managerSocket ? this.manager : createDockerClient(options.buildSocket);
    this.images = new RegistryImages(this.build, new RegistryClient(options.registry));
  }

  async ping(): Promise<void> {
    await host.ping(this.manager);
    if (this.build !== this.manager) await host.ping(this.build);
  }

  hostMemory(): Promise<HostMemory> {
    return swarmMemory(this.manager, MANAGED_LABEL);
  }

  imageExists(ref: string): Promise<boolean> {
    return images.imageExists(this.build, ref);
  }

  inspectImage(ref: string): Promise<{ id: string; labels: Record<string, string> } | null> {
    return images.inspectImage(this.build, ref);
  }

  pullImage(ref: string): Promise<void> {
    return images.pullImage(this.build, ref);
  }

  /** Builds on the build engine, then pushes the tag to the registry (its steps go to the build log). */
  async buildImage(spec: BuildSpec): Promise<{ imageId: string }> {
    const built = await images.buildImage(this.build, spec, this.buildSocket);
    await this.images.push(spec.tag, spec.onLog);
    return built;
  }

  readImageFile(image: string, filePath: string, maxBytes: number): Promise<Buffer | null> {
    return images.readImageFile(this.build, image, filePath, maxBytes);
  }

  async tagImage(source: string, target: string): Promise<void> {
    await images.tagImage(this.build, source, target);
    await this.images.push(target);
  }

  removeImage(ref: string): Promise<void> {
    return this.images.remove(ref);
  }

  listImages(labels: Record<string, string>): Promise<ImageSummary[]> {
    return images.listImages(this.build, labels);
  }

  pruneDanglingImages(createdBefore: Date): Promise<{ removed: number; bytes: number }> {
    return images.pruneDanglingImages(this.build, createdBefore);
  }

  runContainer(spec: RunSpec): Promise<RunningContainer> {
    return replicas.runReplica(this.manager, this.images, spec);
  }

  runToCompletion(spec: OneOffSpec): Promise<OneOffResult> {
    return runOneOff(this.manager, this.images, spec);
  }

  inspectContainer(id: string): Promise<ContainerInfo | null> {
    return replicas.inspectReplica(this.manager, id);
  }

  listContainers(labels: Record<string, string>, options: { all?: boolean } = {}): Promise<ContainerInfo[]> {
    return replicas.listReplicas(this.manager, labels, options);
  }

  containerLogs(id: string, tail: number): Promise<string> {
    return serviceLogs(this.manager, id, tail);
  }

  streamContainerLogs(id: string, options: LogStreamOptions): Promise<Readable> {
    return streamServiceLogs(this.manager, id, options);
  }

  async containerUsage(): Promise<UsageReading> {
    return { usage: new Map(), engineFallback: NO_USAGE };
  }

  /** Another node's network namespaces are out of reach from here. */
  async listeningSockets(): Promise<ListeningSocket[] | null> {
    return null;
  }

  watchEvents(
    labels: Record<string, string>,
    onEvent: (event: ContainerEvent) => void,
    onEnd: (error?: Error) => void,
  ): Promise<{ close(): void }> {
    return watchServiceEvents(this.manager, labels, onEvent, onEnd);
  }

  stopContainer(id: string, timeoutSeconds: number): Promise<void> {
    return replicas.stopReplica(this.manager, id, timeoutSeconds);
  }

  removeContainer(id: string): Promise<void> {
    return removeService(this.manager, id);
  }

  /**
   * Volumes live on the manager's node: made there, and every service mounting one is pinned there
   * (swarm/volumes.ts). So listing and removing them on the manager sees them all; a volume made on
   * another node by hand (or before the manager changed) is out of reach: the manager lists no other node's.
   */
  ensureVolume(name: string, labels: Record<string, string>): Promise<void> {
    return volumes.ensureVolume(this.manager, name, labels);
  }

  listVolumes(labels: Record<string, string>): Promise<Array<{ name: string; labels: Record<string, string> }>> {
    return volumes.listVolumes(this.manager, labels);
  }

  removeVolume(name: string): Promise<void> {
    return swarmVolumes.removeVolume(this.manager, name);
  }

  listNodes(): Promise<NodeInfo[]> {
    return nodes.listNodes(this.manager, MANAGED_LABEL);
  }

  setNodeAvailability(nodeId: string, availability: "active" | "drain"): Promise<void> {
    return nodes.setNodeAvailability(this.manager, nodeId, availability);
  }

  joinCommand(): Promise<string | null> {
    return nodes.joinCommand(this.manager);
  }
}
