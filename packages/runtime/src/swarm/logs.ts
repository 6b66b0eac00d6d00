// A service's output, read through the manager (GET /services/{id}/logs), whichever node its tasks ran on.
import type { Readable } from "node:stream";
import type { DockerClient } from "../docker/engine.ts";
import { type LogSource, readLogs, streamLogs } from "../docker/logs.ts";
import type { LogStreamOptions } from "../runtime.ts";

/** The last lines of stdout+stderr of the service's tasks (every task it had, in order), demultiplexed. */
export function serviceLogs(docker: DockerClient, id: string, tail: number, timestamps = false): Promise<string> {
  return readLogs(docker.getService(id) as unknown as LogSource, `service ${id}`, tail, timestamps);
}

/** stdout+stderr as one text stream: the last `tail` lines, then (with follow) new output as it comes. */
export function streamServiceLogs(docker: DockerClient, id: string, options: LogStreamOptions): Promise<Readable> {
  return streamLogs(docker, docker.getService(id) as unknown as LogSource, `service ${id}`, options);
}
