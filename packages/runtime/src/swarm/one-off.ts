// A one-off command on Swarm: a service of one task, never restarted, read and removed when it ends.
import { randomBytes } from "node:crypto";
import type { DockerClient } from "../docker/engine.ts";
import { RuntimeRequestError } from "../errors.ts";
import type { OneOffResult, OneOffSpec } from "../runtime.ts";
import { serviceLogs } from "./logs.ts";
import type { RegistryImages } from "./registry-images.ts";
import { oneOffServiceSpec } from "./service-spec.ts";
import { createService, removeService } from "./services.ts";
import { hasEnded, type ServiceTask, stateOf, taskProblem, tasksOf } from "./tasks.ts";
import { pinnedNodeFor } from "./volumes.ts";

/** How long the task may take to run at all: placed, its image pulled by its node, started. */
const START_TIMEOUT_MS = 180_000;
/** The exit code of a command out of time, as the Docker runtime's SIGKILL gives it (128 + 9). */
const KILLED = 137;

/**
 * Runs the command until it exits, or for `timeoutMs` from its start; reads its output, then removes its service
 * (which stops a command out of time: SIGTERM, SIGKILL after 10 s).
 */
export async function runOneOff(
  docker: DockerClient,
  registry: RegistryImages,
  spec: OneOffSpec,
): Promise<OneOffResult> {
  const started = performance.now();
  const image = await registry.serviceImage(spec.image);
  const pinnedNode = await pinnedNodeFor(docker, spec.mounts);
  const name = `pier-run-${randomBytes(6).toString("hex")}`;
  const id = await createService(docker, oneOffServiceSpec(spec, name, { image, pinnedNode }), registry.auth);
  try {
    const task = await endOf(docker, id, name, spec.timeoutMs);
    // Read while its container is there: removing the service removes the container, and its output with it.
    const output = await serviceLogs(docker, id, 10_000);
    const durationMs = Math.round(performance.now() - started);
    if (!task) return { exitCode: KILLED, output, timedOut: true, durationMs };
    return { exitCode: task.Status?.ContainerStatus?.ExitCode ?? 0, output, timedOut: false, durationMs };
  } finally {
    await removeService(docker, id);
  }
}

/** The one-off's task once it has ended (having run), or null when it still runs `timeoutMs` after it started. */
async function endOf(docker: DockerClient, id: string, name: string, timeoutMs: number): Promise<ServiceTask | null> {
  let deadline = Date.now() + START_TIMEOUT_MS;
  let running = false;
  for (;;) {
    const task = (await tasksOf(docker, { service: id })).get(id)?.[0];
    if (hasEnded(task) && task?.Status?.ContainerStatus?.ContainerID) return task;
    if (hasEnded(task)) throw new RuntimeRequestError(`one-off ${name} did not start: ${taskProblem(task)}`, undefined);
    if (!running && stateOf(task) === "running") {
      running = true;
      deadline = Date.now() + timeoutMs;
    }
    if (Date.now() > deadline) {
      if (running) return null;
      throw new RuntimeRequestError(
        `one-off ${name} did not start within ${START_TIMEOUT_MS} ms: ${taskProblem(task)}`,
        undefined,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
