import http from "node:http";
import { engineCall, type DockerClient } from "./engine.ts";

export async function ping(docker: DockerClient): Promise<void> {
  await engineCall("ping", () => docker.ping());
}

/** Memory of the machine the engine runs containers on (MB). */
export function hostMemoryMb(docker: DockerClient): Promise<number> {
  return engineCall("info", async () => {
    const info = (await docker.info()) as { MemTotal?: number };
    return Math.floor((info.MemTotal ?? 0) / (1024 * 1024));
  });
}

/**
 * GET /_ping on a connection of its own: an engine shutting down closes its socket to new connections
 * at once, but answers for a while on the ones already open (dockerode's, kept alive). True, or the error.
 */
export function takesNewConnections(socketPath: string): Promise<true | Error> {
  return new Promise((resolve) => {
    const request = http.get({ socketPath, path: "/_ping", agent: false, timeout: 5_000 }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve(response.statusCode === 200 ? true : new Error(`GET /_ping answered ${response.statusCode}`)),
      );
    });
    request.on("timeout", () => request.destroy(new Error("GET /_ping timed out")));
    request.on("error", (error) => resolve(error));
  });
}
