import type { ContainerInfo } from "@pier/runtime";
import { ACTIVE_STATUSES } from "@pier/lifecycle";
import { LABELS } from "@pier/shared";
import type { ReleaseDeps } from "./deps.ts";
import { announceRouteChange } from "@pier/routing";

/**
 * Stops and removes containers of deployments that no longer serve, forgets their ports, and tells the
 * routers. Returns the deployments they belonged to (once each, whatever their replica count).
 */
export async function stopDeploymentContainers(deps: ReleaseDeps, containers: ContainerInfo[]): Promise<string[]> {
  const deployments = new Set<string>();
  for (const container of containers) {
    const deploymentId = container.labels[LABELS.deployment] ?? "";
    await deps.runtime.stopContainer(container.id, 10);
    await deps.runtime.removeContainer(container.id);
    await deps.prisma.deployment.updateMany({
      where: { id: deploymentId },
      data: { containerId: null, hostPort: null },
    });
    deployments.add(deploymentId);
  }
  if (containers.length) await announceRouteChange(deps.redis);
  return [...deployments];
}

/** Which of these deployments are still being built or started: settling never touches their containers. */
export async function deploymentsInProgress(deps: ReleaseDeps, deploymentIds: string[]): Promise<Set<string>> {
  if (deploymentIds.length === 0) return new Set();
  const rows = await deps.prisma.deployment.findMany({
    where: { id: { in: deploymentIds }, status: { in: [...ACTIVE_STATUSES] } },
    select: { id: true },
  });
  return new Set(rows.map((d) => d.id));
}
