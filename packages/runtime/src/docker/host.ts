import { readFile } from "node:fs/promises";
import http from "node:http";
import type { HostMemory, NodeInfo } from "../runtime.ts";
import { engineCall, type DockerClient } from "./engine.ts";

export async function ping(docker: DockerClient): Promise<void> {
  await engineCall("ping", () => docker.ping());
}

/**
 * Memory of the machine the engine runs containers on (MB): the total as the engine reports it, and
 * what is available now as the kernel counts it (MemAvailable in /proc/meminfo). The engine this runtime
 * drives is on this machine (a local socket), so its kernel is this one.
 */
export async function hostMemory(docker: DockerClient): Promise<HostMemory> {
  const totalMb = await engineCall("info", async () => {
    const info = (await docker.info()) as { MemTotal?: number };
    return Math.floor((info.MemTotal ?? 0) / (1024 * 1024));
  });
  return { totalMb, availableMb: Math.min(totalMb, memAvailableMb(await readFile("/proc/meminfo", "utf8"))) };
}

/** MemAvailable of a /proc/meminfo text, in MB. */
export function memAvailableMb(meminfo: string): number {
  const kb = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo)?.[1];
  if (kb === undefined) throw new Error("/proc/meminfo has no MemAvailable line (Linux 3.14 or later has one)");
  return Math.floor(Number(kb) / 1024);
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

/** This machine as the one node of single Docker: its engine's id and name, and Pier's containers running now. */
export async function thisMachine(docker: DockerClient, pierContainers: number): Promise<NodeInfo> {
  const info = (await engineCall("info", () => docker.info())) as {
    ID: string;
    Name: string;
    NCPU: number;
    MemTotal: number;
  };
  return {
    id: info.ID,
    name: info.Name,
    role: "manager",
    state: "ready",
    availability: "active",
    address: "127.0.0.1",
    cpus: info.NCPU,
    memoryBytes: info.MemTotal,
    runningTasks: pierContainers,
    labels: {},
  };
}
