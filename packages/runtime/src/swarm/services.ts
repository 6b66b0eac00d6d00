// Swarm services on the manager: create, read, list, change and remove (each of Pier's containers is one).
import { engineCall, labelFilters, statusOf, type DockerClient } from "../docker/engine.ts";
import type { RegistryAuth } from "../registry/registry-client.ts";

/** What GET /services answers of a service (the fields Pier reads). */
export interface SwarmService {
  ID: string;
  Version?: { Index?: number };
  CreatedAt?: string;
  Spec: ServiceSpec;
}

export interface ServiceSpec {
  Name: string;
  Labels?: Record<string, string>;
  TaskTemplate?: {
    ContainerSpec?: {
      Image?: string;
      Mounts?: Array<{ Type?: string; Source?: string; Target?: string }>;
      StopGracePeriod?: number;
    };
    Resources?: { Limits?: { MemoryBytes?: number } };
  };
  Mode?: { Replicated?: { Replicas?: number } };
  EndpointSpec?: { Ports?: Array<{ TargetPort?: number }> };
  [field: string]: unknown;
}

/** Creates a service; `auth` goes along so every node pulls its image with the registry's credentials. */
export async function createService(
  docker: DockerClient,
  spec: { Name: string },
  auth: RegistryAuth | undefined,
): Promise<string> {
  const service = await engineCall(`create service ${spec.Name}`, () => docker.createService(auth as never, spec));
  return service.id;
}

export function inspectService(docker: DockerClient, id: string): Promise<SwarmService | null> {
  return engineCall(`inspect service ${id}`, () => docker.getService(id).inspect() as Promise<SwarmService>, {
    notFound: () => null,
  });
}

/** Services with these labels (`key=value`, or a bare `key` for any value). */
export function listServices(docker: DockerClient, labels: Record<string, string> | string[]): Promise<SwarmService[]> {
  const label = Array.isArray(labels) ? labels : labelFilters(labels);
  return engineCall(
    "list services",
    () => docker.listServices({ filters: { label } }) as unknown as Promise<SwarmService[]>,
  );
}

/**
 * Changes a service's spec; false when it is gone. The update names the version it read, as the engine requires;
 * a change made by someone else in between (409/500 "update out of sequence") is read again and retried once.
 */
export async function updateService(
  docker: DockerClient,
  id: string,
  change: (spec: ServiceSpec) => ServiceSpec,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const service = await inspectService(docker, id);
    if (!service) return false;
    try {
      await docker
        .getService(id)
        .update({ _query: { version: service.Version?.Index ?? 0 }, _body: change(service.Spec) });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      if (attempt < 2 && /out of sequence/.test(String((error as Error).message))) continue;
      return engineCall(`update service ${id}`, () => Promise.reject(error));
    }
  }
}

/** How long removeService waits for the task containers to go. */
const REMOVAL_WAIT_MS = 30_000;

/**
 * Removes the service, then waits until its tasks are gone (their containers removed on their nodes: a task
 * stays listed until its node has removed the container), as removing a container returns once it is gone:
 * its volumes are free then. A task on a node that is down goes when the node is back: after REMOVAL_WAIT_MS
 * this returns anyway, the service itself being gone.
 */
export async function removeService(docker: DockerClient, id: string): Promise<void> {
  const removed = await engineCall(
    `remove service ${id}`,
    async () => {
      await docker.getService(id).remove();
      return true;
    },
    { notFound: () => false },
  );
  if (!removed) return;
  const deadline = Date.now() + REMOVAL_WAIT_MS;
  while (Date.now() < deadline) {
    // By service id, unfiltered: the engine's service filter answers 404 for a service removed.
    const tasks = await engineCall("list tasks", () => docker.listTasks() as Promise<Array<{ ServiceID: string }>>);
    if (!tasks.some((t) => t.ServiceID === id)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
