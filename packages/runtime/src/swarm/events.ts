// Container events on Swarm: the manager has no event per task of another node, so its tasks are polled.
import type { DockerClient } from "../docker/engine.ts";
import type { ContainerEvent } from "../runtime.ts";
import { listServices } from "./services.ts";
import { currentTask, exitCodeOf, isEndState, type ServiceTask, stateOf, tasksOf } from "./tasks.ts";

/** How often the services' tasks are read. */
const POLL_MS = 1_000;

interface Seen {
  labels: Record<string, string>;
  /** State of each task of the service, by task id. */
  tasks: Map<string, string>;
  /** The tasks as read, newest first. */
  raw: ServiceTask[];
}

/**
 * Calls `onEvent` as the tasks of services with these labels change, with the service id as the container id:
 * "start" when a task runs, "die" when a task that ran ended (with its exit code), "destroy" when the service is
 * removed. What was there at the first reading is not news. `onEnd` hears when the manager can't be read.
 */
export async function watchServiceEvents(
  docker: DockerClient,
  labels: Record<string, string>,
  onEvent: (event: ContainerEvent) => void,
  onEnd: (error?: Error) => void,
): Promise<{ close(): void }> {
  let seen = await read(docker, labels);
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const poll = async () => {
    try {
      const now = await read(docker, labels);
      if (closed) return;
      for (const event of changes(seen, now)) onEvent(event);
      seen = now;
      timer = setTimeout(() => void poll(), POLL_MS);
    } catch (error) {
      if (!closed) onEnd(error as Error);
    }
  };
  timer = setTimeout(() => void poll(), POLL_MS);
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
    },
  };
}

async function read(docker: DockerClient, labels: Record<string, string>): Promise<Map<string, Seen>> {
  const [services, tasks] = await Promise.all([listServices(docker, labels), tasksOf(docker, { labels })]);
  return new Map(
    services.map((s) => {
      const list = tasks.get(s.ID) ?? [];
      return [s.ID, { labels: s.Spec.Labels ?? {}, tasks: new Map(list.map((t) => [t.ID, stateOf(t)])), raw: list }];
    }),
  );
}

/** The events between two readings. */
export function changes(before: Map<string, Seen>, now: Map<string, Seen>): ContainerEvent[] {
  const events: ContainerEvent[] = [];
  const event = (action: string, containerId: string, labels: Record<string, string>, exitCode: number | null) =>
    events.push({
      action,
      containerId,
      labels: exitCode === null ? labels : { ...labels, exitCode: String(exitCode) },
      exitCode,
    });
  for (const [id, service] of now) {
    const earlier = before.get(id);
    const told = events.length;
    // Oldest first: a task that died comes before the one that replaced it.
    for (const task of [...service.raw].reverse()) {
      const was = earlier?.tasks.get(task.ID);
      const exitCode = exitCodeOf(task);
      if (stateOf(task) === "running" && was !== "running") event("start", id, service.labels, null);
      if (exitCode === null || (was !== undefined && isEndState(was))) continue;
      // A task that started and ended between two readings still ran: both are news.
      if (was !== "running") event("start", id, service.labels, null);
      event("die", id, service.labels, exitCode);
    }
    // Its node lost, the task that ran reads "running" still (nothing reports its end), but Swarm has replaced it.
    const ran = earlier && currentTask(earlier.raw);
    const still = service.raw.find((t) => t.ID === ran?.ID && stateOf(t) === "running");
    const lost = stateOf(ran) === "running" && still && currentTask(service.raw) !== still;
    if (lost && !events.slice(told).some((e) => e.action === "die")) event("die", id, service.labels, null);
  }
  for (const [id, service] of before) {
    const still = now.get(id);
    if (still) {
      // Scaled to 0 (stopContainer), Swarm removes the task outright: gone while it ran is a die, code unknown.
      for (const [task, state] of service.tasks)
        if (state === "running" && !still.tasks.has(task)) event("die", id, service.labels, null);
      continue;
    }
    if ([...service.tasks.values()].includes("running")) event("die", id, service.labels, null);
    event("destroy", id, service.labels, null);
  }
  return events;
}
