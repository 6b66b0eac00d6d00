import { DockerRuntime } from "./docker-runtime.ts";
import type { ContainerRuntime } from "./runtime.ts";
import { SwarmRuntime } from "./swarm-runtime.ts";

/** A registry the built images are pushed to and every node pulls them from. */
export interface RegistrySettings {
  /** "host[:port][/path]": image references start with it. */
  address: string;
  username?: string;
  password?: string;
  /** Plain HTTP (a local cluster's registry). */
  insecure: boolean;
}

/** The settings of Pier's configuration (PierConfig) that choose and reach the runtime. */
export interface RuntimeSettings {
  PIER_RUNTIME: "docker" | "swarm";
  PIER_DOCKER_SOCKET: string;
  PIER_BUILD_DOCKER_SOCKET?: string;
  PIER_REGISTRY?: string;
  PIER_REGISTRY_USERNAME?: string;
  PIER_REGISTRY_PASSWORD?: string;
  PIER_REGISTRY_INSECURE: boolean;
}

export function registryOf(settings: RuntimeSettings): RegistrySettings | null {
  if (!settings.PIER_REGISTRY) return null;
  return {
    address: settings.PIER_REGISTRY,
    username: settings.PIER_REGISTRY_USERNAME,
    password: settings.PIER_REGISTRY_PASSWORD,
    insecure: settings.PIER_REGISTRY_INSECURE,
  };
}

/** Picks the container runtime once, at startup, from Pier's configuration. */
export function runtimeFromConfig(settings: RuntimeSettings): ContainerRuntime {
  switch (settings.PIER_RUNTIME) {
    case "docker":
      return new DockerRuntime({ socketPath: settings.PIER_DOCKER_SOCKET });
    case "swarm": {
      const registry = registryOf(settings);
      // loadConfig refuses swarm without a registry; a caller that built settings by hand hears it here.
      if (!registry) throw new Error("PIER_RUNTIME=swarm needs PIER_REGISTRY: the registry every node pulls from");
      return new SwarmRuntime({
        managerSocket: settings.PIER_DOCKER_SOCKET,
        buildSocket: settings.PIER_BUILD_DOCKER_SOCKET ?? settings.PIER_DOCKER_SOCKET,
        registry,
      });
    }
  }
}
