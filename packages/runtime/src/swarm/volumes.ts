// Named volumes on Swarm: a volume lives on one node's disk, so every service mounting it runs there.
import { engineCall, type DockerClient } from "../docker/engine.ts";
import * as volumes from "../docker/volumes.ts";
import { RuntimeRequestError } from "../errors.ts";
import type { VolumeMount } from "../runtime.ts";
import { PINNED_NODE_LABEL } from "./service-spec.ts";
import { listServices } from "./services.ts";

/**
 * The node a service with these volumes must run on, or null without volumes. A volume is made where
 * ensureVolume runs, on the manager's engine (the only one Pier reaches), so its services are pinned to the
 * manager's node; a service already mounting the volume names its node (label pier.pinned-node), which wins, so
 * every replica of an app finds the same data even after the manager changed. The price: apps with volumes don't
 * spread, and a drained or lost manager node leaves them pending until it is back.
 */
export async function pinnedNodeFor(docker: DockerClient, mounts: VolumeMount[] | undefined): Promise<string | null> {
  if (!mounts?.length) return null;
  const volumes = new Set(mounts.map((m) => m.volume));
  for (const service of await listServices(docker, [PINNED_NODE_LABEL])) {
    const sources = service.Spec.TaskTemplate?.ContainerSpec?.Mounts?.map((m) => m.Source) ?? [];
    const node = service.Spec.Labels?.[PINNED_NODE_LABEL];
    if (node && sources.some((s) => s !== undefined && volumes.has(s))) return node;
  }
  return managerNode(docker);
}

/** The node id of the engine Pier talks to (the manager). */
export async function managerNode(docker: DockerClient): Promise<string> {
  const info = (await engineCall("info", () => docker.info())) as { Swarm?: { NodeID?: string } };
  const id = info.Swarm?.NodeID;
  if (!id) throw new Error("the engine at PIER_DOCKER_SOCKET is not part of a swarm (docker swarm init)");
  return id;
}

/** How long a volume may stay in use by the containers of services just removed. */
const RELEASE_WAIT_MS = 15_000;

/**
 * Removes a volume of the manager's node. A service removed a moment ago may still hold it: Swarm deletes a task
 * before its node has removed the container, so "volume is in use" is asked again until RELEASE_WAIT_MS.
 */
export async function removeVolume(docker: DockerClient, name: string): Promise<void> {
  const deadline = Date.now() + RELEASE_WAIT_MS;
  for (;;) {
    try {
      return await volumes.removeVolume(docker, name);
    } catch (error) {
      if (!(error instanceof RuntimeRequestError && /volume is in use/.test(error.message)) || Date.now() > deadline)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
