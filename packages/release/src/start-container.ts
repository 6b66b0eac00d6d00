import { LABELS, type PierConfig } from "@pier/shared";
import type { ContainerRuntime, RunningContainer } from "@pier/runtime";
import { appEnv, appLabels, containerLimits, type StartRequest } from "./container-spec.ts";
import { waitUntilHealthy, type HealthCheckResult } from "./health-check.ts";


export const containerName = (appName: string, shortId: string, replica = 1) => `pier-${appName}-${shortId}${replica > 1 ? `-${replica}` : ""}`;

/** Runs a deployment's image with Pier's limits and labels; the port is published on 127.0.0.1 only. */
export function startDeploymentContainer(runtime: ContainerRuntime, config: PierConfig, request: StartRequest, name?: string): Promise<RunningContainer> {
  const limits = containerLimits(config, request);
  return runtime.runContainer({
    name: name ?? containerName(request.appName, request.shortId, request.replica),
    image: request.image,
    env: appEnv(request.env, request.port),
    labels: appLabels(
      { id: request.appId, name: request.appName },
      {
        [LABELS.deployment]: request.deploymentId,
        [LABELS.replica]: String(request.replica ?? 1),
        ...(request.previewSlug ? { [LABELS.preview]: request.previewSlug } : {}),
      },
    ),
    containerPort: request.port,
    memoryBytes: limits.memoryBytes,
    nanoCpus: limits.nanoCpus,
    pidsLimit: limits.pidsLimit,
    mounts: request.mounts ?? [],
  });
}

export interface ReplicaSet {
  /** The containers started, first one first; on failure, the caller removes them. */
  containers: RunningContainer[];
  /** The health-check result of the first replica that failed, if any. */
  unhealthy: HealthCheckResult | null;
  afterMs: number;
}

/**
 * Starts `count` containers of a deployment and health-checks them all (in parallel); `onStarted` hears
 * of each as it starts. Crashes later on are the controller's to handle (Docker never restarts them).
 */
export async function startReplicas(
  runtime: ContainerRuntime,
  config: PierConfig,
  request: StartRequest,
  count: number,
  health: { path: string; timeoutMs: number },
  onStarted: (container: RunningContainer, replica: number) => void | Promise<void>,
): Promise<ReplicaSet> {
  const started = performance.now();
  const containers: RunningContainer[] = [];
  for (let replica = 1; replica <= count; replica++) {
    const container = await startDeploymentContainer(runtime, config, { ...request, replica });
    containers.push(container);
    await onStarted(container, replica);
  }
  const results = await Promise.all(containers.map((c) => waitUntilHealthy(runtime, { containerId: c.id, hostPort: c.hostPort, containerPort: request.port, path: health.path, timeoutMs: health.timeoutMs })));
  const unhealthy = results.find((r) => !r.healthy) ?? null;
  return { containers, unhealthy, afterMs: Math.round(performance.now() - started) };
}
