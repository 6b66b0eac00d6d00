// Reading output from the engine: a container's (GET /containers/{id}/logs) or a Swarm service's through a
// manager (GET /services/{id}/logs, whichever node its tasks ran on): one multiplexed stream format for both.
import { PassThrough, Readable } from "node:stream";
import { demuxDockerLogs } from "../demux.ts";
import type { LogStreamOptions } from "../runtime.ts";
import { engineCall, type DockerClient } from "./engine.ts";

/** What has logs: dockerode's container or service. */
export interface LogSource {
  logs(options: Record<string, unknown>): Promise<unknown>;
}

/** Last lines of stdout+stderr, demultiplexed ("" when there is no such container or service). */
export function readLogs(source: LogSource, what: string, tail: number, timestamps = false): Promise<string> {
  return engineCall(
    `read logs of ${what}`,
    async () => {
      const buffer = (await source.logs({ stdout: true, stderr: true, tail, follow: false, timestamps })) as Buffer;
      return demuxDockerLogs(buffer);
    },
    { notFound: () => "" },
  );
}

/** stdout+stderr as one text stream: the last `tail` lines, then (with follow) new output as it comes. */
export function streamLogs(
  docker: DockerClient,
  source: LogSource,
  what: string,
  options: LogStreamOptions,
): Promise<Readable> {
  const timestamps = options.timestamps ?? false;
  return engineCall(`read logs of ${what}`, async () => {
    if (!options.follow) return Readable.from([await readLogs(source, what, options.tail, timestamps)]);
    // The engine reads `since` as seconds since the epoch, a fraction allowed.
    const since = options.since ? { since: options.since.getTime() / 1000 } : {};
    const raw = (await source.logs({
      stdout: true,
      stderr: true,
      tail: options.tail,
      follow: true,
      timestamps,
      ...since,
    })) as Readable;
    const out = new PassThrough();
    docker.modem.demuxStream(raw, out, out);
    raw.on("end", () => out.end());
    raw.on("error", (error: Error) => out.destroy(error));
    out.on("close", () => raw.destroy());
    return out;
  });
}
