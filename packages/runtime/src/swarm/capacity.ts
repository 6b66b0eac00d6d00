// The memory of a swarm, as far as its manager can tell.
import type { DockerClient } from "../docker/engine.ts";
import type { HostMemory } from "../runtime.ts";
import { listNodes } from "./nodes.ts";
import { listServices } from "./services.ts";
import { stateOf, tasksOf } from "./tasks.ts";

const MB = 1024 * 1024;

/**
 * The memory of the nodes that take tasks (ready, active), summed. What is available can't be read: the manager
 * sees no other node's /proc/meminfo. It is counted as the total less the memory limits of Pier's tasks running
 * now (each task's limit is reserved for it): an estimate that knows nothing of other processes on the nodes,
 * and that counts a limit whole where the app uses less.
 */
export async function swarmMemory(docker: DockerClient, managedLabel: string): Promise<HostMemory> {
  const nodes = (await listNodes(docker, managedLabel)).filter(
    (n) => n.state === "ready" && n.availability === "active",
  );
  const totalBytes = nodes.reduce((sum, n) => sum + n.memoryBytes, 0);
  const managed = { [managedLabel]: "true" };
  const [services, tasks] = await Promise.all([listServices(docker, managed), tasksOf(docker, { labels: managed })]);
  let limitsBytes = 0;
  for (const service of services) {
    const running = (tasks.get(service.ID) ?? []).filter((t) => stateOf(t) === "running").length;
    limitsBytes += running * (service.Spec.TaskTemplate?.Resources?.Limits?.MemoryBytes ?? 0);
  }
  const totalMb = Math.floor(totalBytes / MB);
  return { totalMb, availableMb: Math.max(0, Math.floor((totalBytes - limitsBytes) / MB)) };
}
