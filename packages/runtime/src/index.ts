import { DockerRuntime } from "./docker-runtime.ts";
import type { ContainerRuntime } from "./runtime.ts";

export type * from "./runtime.ts";
export * from "./errors.ts";
export { demuxDockerLogs } from "./demux.ts";
export { APP_NETWORK } from "./docker-runtime.ts";
export { PINNED_NODE_LABEL } from "./swarm/service-spec.ts";

/** Picks the container runtime once, at startup. Only Docker exists today. */
export function createRuntime(kind: "docker" = "docker", options: { socketPath?: string } = {}): ContainerRuntime {
  switch (kind) {
    case "docker":
      return new DockerRuntime(options);
  }
}
export { registryOf, runtimeFromConfig, type RegistrySettings, type RuntimeSettings } from "./select.ts";
