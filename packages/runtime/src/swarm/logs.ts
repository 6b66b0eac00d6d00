// A service's output, read through the manager (GET /services/{id}/logs), whichever node its tasks ran on.
import { PassThrough, Readable } from "node:stream";
import { demuxDockerLogs } from "../demux.ts";
import { engineCall, type DockerClient } from "../docker/engine.ts";
import type { LogStreamOptions } from "../runtime.ts";

/** The last lines of stdout+stderr of the service's tasks (every task it had, in order), demultiplexed. */
export function serviceLogs(docker: DockerClient, id: string, tail: number, timestamps = false): Promise<string> {
  return engineCall(
    `read logs of service ${id}`,
    async () => {
      const buffer = (await docker
        .getService(id)
        .logs({ stdout: true, stderr: true, tail, follow: false, timestamps })) as unknown as Buffer;
      return demuxDockerLogs(buffer);
    },
    { notFound: () => "" },
  );
}

/** stdout+stderr as one text stream: the last `tail` lines, then (with follow) new output as it comes. */
export function streamServiceLogs(docker: DockerClient, id: string, options: LogStreamOptions): Promise<Readable> {
  const timestamps = options.timestamps ?? false;
  return engineCall(`read logs of service ${id}`, async () => {
    if (!options.follow) return Readable.from([await serviceLogs(docker, id, options.tail, timestamps)]);
    // The engine reads `since` as seconds since the epoch, a fraction allowed.
    const since = options.since ? { since: options.since.getTime() / 1000 } : {};
    const raw = (await docker.getService(id).logs({
      stdout: true,
      stderr: true,
      tail: options.tail,
      follow: true,
      timestamps,
      ...since,
    })) as unknown as Readable;
    const out = new PassThrough();
    docker.modem.demuxStream(raw, out, out);
    raw.on("end", () => out.end());
    raw.on("error", (error: Error) => out.destroy(error));
    out.on("close", () => raw.destroy());
    return out;
  });
}
