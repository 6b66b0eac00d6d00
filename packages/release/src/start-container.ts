import { LABELS, type PierConfig } from "@pier/shared";
import type { ContainerRuntime, RunningContainer } from "@pier/runtime";
import { containerBase, type StartRequest } from "./container-spec.ts";
import { ensureFlagsFile } from "./flags-file.ts";
import { waitUntilHealthy, type HealthCheckResult } from "./health-check.ts";

export const containerName = (appName: string, shortId: string, replica = 1) =>
  `pier-${appName}-${shortId}${replica > 1 ? `-${replica}` : ""}`;

/**
 * Runs a deployment's image with Pier's limits and labels; the port is published on 127.0.0.1 only. The app's
 * flags file is made first when missing, and the container's PIER_FLAG_ env agrees with what it holds.
 */
export async function startDeploymentContainer(
  runtime: ContainerRuntime,
  config: PierConfig,
  request: StartRequest,
  name?: string,
): Promise<RunningContainer> {
  const flags = request.flags && (await ensureFlagsFile(config, request.appId, request.flags));
  const labels = {
    [LABELS.deployment]: request.deploymentId,
    [LABELS.replica]: String(request.replica ?? 1),
    ...(request.previewSlug ? { [LABELS.preview]: request.previewSlug } : {}),
  };
  return runtime.runContainer({
    ...containerBase(config, { ...request, flags }, labels),
    name: name ?? containerName(request.appName, request.shortId, request.replica),
    containerPort: request.port,
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
  const results = await Promise.all(
    containers.map((c) =>
      waitUntilHealthy(runtime, {
        containerId: c.id,
        endpoint: c.endpoint,
        containerPort: request.port,
        path: health.path,
        timeoutMs: health.timeoutMs,
      }),
    ),
  );
  const unhealthy = results.find((r) => !r.healthy) ?? null;
  return { containers, unhealthy, afterMs: Math.round(performance.now() - started) };
}
