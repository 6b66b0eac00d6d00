// A service's tasks: the one that stands for Pier's container, where it runs, its port, how it ended.
import { engineCall, labelFilters, type DockerClient } from "../docker/engine.ts";
import { RuntimeRequestError } from "../errors.ts";
import { addressOf, type SwarmNode } from "./nodes.ts";

/** What GET /tasks answers of a task (the fields Pier reads). */
export interface ServiceTask {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  CreatedAt?: string;
  DesiredState?: string;
  Status?: {
    State?: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
    PortStatus?: { Ports?: Array<{ TargetPort?: number; PublishedPort?: number }> };
  };
}

/** States a task never leaves. */
const ENDED = new Set(["complete", "failed", "shutdown", "rejected", "orphaned", "remove"]);

export const stateOf = (task: ServiceTask | undefined): string => task?.Status?.State ?? "unknown";
export const isEndState = (state: string): boolean => ENDED.has(state);
export const hasEnded = (task: ServiceTask | undefined): boolean => isEndState(stateOf(task));

/**
 * Tasks by service id (newest first): of the services with these labels (a task carries its service's labels), or
 * of one service by id (none when it is gone: a service id unknown to the filter is a 404).
 */
export async function tasksOf(
  docker: DockerClient,
  which: { labels: Record<string, string> } | { service: string },
): Promise<Map<string, ServiceTask[]>> {
  const filters = "service" in which ? { service: [which.service] } : { label: labelFilters(which.labels) };
  const tasks = await engineCall("list tasks", () => docker.listTasks({ filters }) as Promise<ServiceTask[]>, {
    notFound: () => [],
  });
  const byService = new Map<string, ServiceTask[]>();
  for (const task of tasks) byService.set(task.ServiceID, [...(byService.get(task.ServiceID) ?? []), task]);
  for (const list of byService.values()) list.sort((a, b) => (b.CreatedAt ?? "").localeCompare(a.CreatedAt ?? ""));
  return byService;
}

/**
 * The task that stands for the service now: the running one (Swarm runs one at a time), else the newest (starting,
 * or the last one that ended). A task Swarm gave up on and replaced (its node was lost: it still reads "running",
 * desired "shutdown", with a newer task) is not it.
 */
export function currentTask(tasks: ServiceTask[]): ServiceTask | undefined {
  return tasks.find((t) => stateOf(t) === "running" && (t === tasks[0] || t.DesiredState !== "shutdown")) ?? tasks[0];
}

/**
 * Why Swarm is starting the service's task again, or null when it isn't: the service wants its one task
 * (`replicas` 1) and none runs, so a new task is on its way, or the last one ended and Swarm makes the next one
 * after its restart delay. Said of the task it replaces: how that ended, or that Swarm left it for lost.
 */
export function restartingBecause(tasks: ServiceTask[], replicas: number): string | null {
  const before = replacedTask(tasks);
  if (replicas < 1 || !before) return null;
  const code = exitCodeOf(before);
  if (code !== null) return `its task exited with code ${code}`;
  return stateOf(before) === "running" ? "its node was lost" : taskProblem(before);
}

/**
 * When no task runs, the one that ran before: the newest if it ended, else (a new one on its way) the one before
 * it. Undefined while the service's first task starts, or one runs.
 */
export function replacedTask(tasks: ServiceTask[]): ServiceTask | undefined {
  const current = currentTask(tasks);
  if (!current || stateOf(current) === "running") return undefined;
  return hasEnded(current) ? current : tasks[1];
}

/** The port Swarm published the task's port on, on its node (host mode). */
export function publishedPort(task: ServiceTask | undefined): number | null {
  return task?.Status?.PortStatus?.Ports?.find((p) => p.PublishedPort)?.PublishedPort ?? null;
}

/** The exit code of a task that ran and ended, else null. */
export function exitCodeOf(task: ServiceTask | undefined): number | null {
  if (!hasEnded(task) || !task?.Status?.ContainerStatus?.ContainerID) return null;
  return task.Status.ContainerStatus.ExitCode ?? null;
}

/** Why a task failed or waits, as Swarm says it ("no suitable node (…)", "No such image: …"). */
export function taskProblem(task: ServiceTask | undefined): string {
  if (!task) return "Swarm made no task for it yet";
  const status = task.Status ?? {};
  return `task ${stateOf(task)}${status.Err ? `: ${status.Err}` : status.Message ? ` (${status.Message})` : ""}`;
}

/** Each node's address, by node id: where a task's published port is reached. */
export async function nodeAddresses(docker: DockerClient): Promise<Map<string, string>> {
  const nodes = await engineCall("list nodes", () => docker.listNodes() as Promise<SwarmNode[]>);
  return new Map(nodes.map((node) => [node.ID, addressOf(node)]));
}

/** "address:port" where the running task answers, or null (not running, no port yet). */
export function endpointOf(task: ServiceTask | undefined, addresses: Map<string, string>): string | null {
  const port = publishedPort(task);
  const address = task?.NodeID ? addresses.get(task.NodeID) : undefined;
  return stateOf(task) === "running" && port && address ? `${address}:${port}` : null;
}

/**
 * Polls the service's tasks until `decide` returns a task (done) or throws (failed), or the deadline passes:
 * then the error says what its newest task was doing.
 */
export async function waitForTask(
  docker: DockerClient,
  serviceId: string,
  what: string,
  timeoutMs: number,
  decide: (tasks: ServiceTask[]) => ServiceTask | undefined,
): Promise<ServiceTask> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = (await tasksOf(docker, { service: serviceId })).get(serviceId) ?? [];
    const done = decide(tasks);
    if (done) return done;
    if (Date.now() > deadline) {
      throw new RuntimeRequestError(`${what}: not within ${timeoutMs} ms, ${taskProblem(tasks[0])}`, undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
