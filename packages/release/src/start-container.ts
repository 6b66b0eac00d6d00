import { LABELS, type PierConfig } from "@pier/shared";
import type { ContainerRuntime, RunningContainer, VolumeMount } from "@pier/runtime";

export interface StartRequest {
  appId: string;
  appName: string;
  deploymentId: string;
  shortId: string;
  image: string;
  port: number;
  env: Record<string, string>;
  /** Limits from pier.json; Pier's defaults otherwise. */
  memoryMb?: number | null;
  cpus?: number | null;
  /** The branch slug, for preview deployments. */
  previewSlug?: string | null;
  mounts?: VolumeMount[];
}

export const containerName = (appName: string, shortId: string) => `pier-${appName}-${shortId}`;

/** Runs a deployment's image with Pier's limits and labels; the port is published on 127.0.0.1 only. */
export function startDeploymentContainer(runtime: ContainerRuntime, config: PierConfig, request: StartRequest): Promise<RunningContainer> {
  return runtime.runContainer({
    name: containerName(request.appName, request.shortId),
    image: request.image,
    env: { ...request.env, PORT: String(request.port) },
    labels: {
      [LABELS.managed]: "true",
      [LABELS.app]: request.appName,
      [LABELS.appId]: request.appId,
      [LABELS.deployment]: request.deploymentId,
      ...(request.previewSlug ? { [LABELS.preview]: request.previewSlug } : {}),
    },
    containerPort: request.port,
    memoryBytes: (request.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB) * 1024 * 1024,
    nanoCpus: Math.round((request.cpus ?? config.PIER_CONTAINER_CPUS) * 1e9),
    pidsLimit: config.PIER_CONTAINER_PIDS,
    mounts: request.mounts ?? [],
  });
}
