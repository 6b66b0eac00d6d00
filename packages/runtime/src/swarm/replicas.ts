// Pier's long-running containers on Swarm: each a one-task service; started, read, stopped, removed.
import type { DockerClient } from "../docker/engine.ts";
import { ImageMissingError, RuntimeRequestError } from "../errors.ts";
import type { ContainerInfo, RunningContainer, RunSpec } from "../runtime.ts";
import type { RegistryImages } from "./registry-images.ts";
import { IMAGE_LABEL, replicaServiceSpec } from "./service-spec.ts";
import {
  createService,
  inspectService,
  listServices,
  removeService,
  type SwarmService,
  updateService,
} from "./services.ts";
import {
  currentTask,
  endpointOf,
  exitCodeOf,
  hasEnded,
  nodeAddresses,
  publishedPort,
  replacedTask,
  restartingBecause,
  type ServiceTask,
  stateOf,
  taskProblem,
  tasksOf,
  waitForTask,
} from "./tasks.ts";
import { pinnedNodeFor } from "./volumes.ts";

/** How long a new replica's task may take to run: placing it, a node pulling its image, starting it. */
const START_TIMEOUT_MS = 180_000;
/** A task that failed before it ran failed for a reason a retry by Swarm won't fix when it says one of these. */
const IMAGE_GONE = /no such image|manifest unknown|manifest for \S+ not found/i;

/** Creates the service and waits until its task runs: its id, and where it answers. */
export async function runReplica(
  docker: DockerClient,
  registry: RegistryImages,
  spec: RunSpec,
): Promise<RunningContainer> {
  const image = await registry.serviceImage(spec.image);
  const pinnedNode = await pinnedNodeFor(docker, spec.mounts);
  const id = await createService(docker, replicaServiceSpec(spec, { image, pinnedNode }), registry.auth);
  try {
    const task = await waitForTask(docker, id, `service ${spec.name}`, START_TIMEOUT_MS, (tasks) => {
      const running = tasks.find((t) => stateOf(t) === "running" && publishedPort(t));
      if (running) return running;
      // Swarm would try again with a new task, failing the same way; Pier wants to hear why. An app that ran and
      // exited is restarted (its next task is caught running); its health check tells the rest, with its output.
      const failed = tasks.find(neverRan);
      if (failed) throw startFailure(spec, failed);
      return undefined;
    });
    const endpoint = endpointOf(task, await nodeAddresses(docker));
    if (!endpoint) throw new RuntimeRequestError(`service ${spec.name}: its node has no address`, undefined);
    return { id, hostPort: publishedPort(task)!, endpoint };
  } catch (error) {
    await removeService(docker, id).catch(() => undefined /* best effort: the start error is what matters */);
    throw error;
  }
}

/** A task its node refused (image not pulled, no such volume) or could not start (no such command). */
const neverRan = (task: ServiceTask) =>
  stateOf(task) === "rejected" ||
  (stateOf(task) === "failed" && /^starting container failed/.test(task.Status?.Err ?? ""));

function startFailure(spec: RunSpec, task: ServiceTask): Error {
  const message = `service ${spec.name} did not start: ${taskProblem(task)}`;
  return IMAGE_GONE.test(task.Status?.Err ?? "")
    ? new ImageMissingError(message, spec.image)
    : new RuntimeRequestError(message, undefined);
}

export async function inspectReplica(docker: DockerClient, id: string): Promise<ContainerInfo | null> {
  const service = await inspectService(docker, id);
  if (!service) return null;
  const [tasks, addresses] = await Promise.all([tasksOf(docker, { service: service.ID }), nodeAddresses(docker)]);
  return containerInfo(service, tasks.get(service.ID) ?? [], addresses);
}

/** Services with these labels, as containers; without `all`, only those whose task runs now. */
export async function listReplicas(
  docker: DockerClient,
  labels: Record<string, string>,
  options: { all?: boolean },
): Promise<ContainerInfo[]> {
  const [services, tasks, addresses] = await Promise.all([
    listServices(docker, labels),
    tasksOf(docker, { labels }),
    nodeAddresses(docker),
  ]);
  const infos = services.map((s) => containerInfo(s, tasks.get(s.ID) ?? [], addresses));
  return options.all ? infos : infos.filter((c) => c.running);
}

/** A service as Pier's container: the state, node and port of its current task. */
export function containerInfo(
  service: SwarmService,
  tasks: ServiceTask[],
  addresses: Map<string, string>,
): ContainerInfo {
  const task = currentTask(tasks);
  const running = stateOf(task) === "running";
  const restarting = restartingBecause(tasks, service.Spec.Mode?.Replicated?.Replicas ?? 0);
  const labels = service.Spec.Labels ?? {};
  return {
    id: service.ID,
    name: service.Spec.Name,
    image: labels[IMAGE_LABEL] ?? service.Spec.TaskTemplate?.ContainerSpec?.Image ?? "",
    running,
    // Not running: how the last task that ran ended (the current one may be a restart, still starting); while
    // Swarm restarts it, of the task it replaces only (null when its node was lost: no exit, whatever came before).
    exitCode: running
      ? null
      : restarting
        ? exitCodeOf(replacedTask(tasks))
        : (tasks.map(exitCodeOf).find((code) => code !== null) ?? null),
    labels,
    hostPort: running ? publishedPort(task) : null,
    endpoint: endpointOf(task, addresses),
    node: task?.NodeID ?? null,
    restarting,
  };
}

/**
 * Stops the container as `docker stop` does: the service is scaled to 0 (kept, as a stopped container is) and its
 * task gets SIGTERM, then SIGKILL after the service's stop grace period (Swarm's default, 10 s: what Pier asks
 * for; changing it would change the task template and start a new task). Swarm then deletes the task (scaling
 * down removes tasks), so a stopped service soon shows no exit code. Returns when the task has ended, or throws
 * when it hasn't within `timeoutSeconds` and 30 s more.
 */
export async function stopReplica(docker: DockerClient, id: string, timeoutSeconds: number): Promise<void> {
  const found = await updateService(docker, id, (spec) => ({ ...spec, Mode: { Replicated: { Replicas: 0 } } }));
  if (!found) return; // gone already: the state we wanted
  const stopped = (tasks: ServiceTask[]) => tasks.every((t) => hasEnded(t) || stateOf(t) === "new");
  await waitForTask(docker, id, `stop service ${id}`, (timeoutSeconds + 30) * 1000, (tasks) =>
    stopped(tasks) ? (tasks[0] ?? NO_TASK) : undefined,
  );
}

/** What waitForTask returns for a service with no task left. */
const NO_TASK: ServiceTask = { ID: "", ServiceID: "" };
