import { describe, expect, it } from "vitest";
import { containerInfo } from "../src/swarm/replicas.ts";
import type { SwarmService } from "../src/swarm/services.ts";
import type { ServiceTask } from "../src/swarm/tasks.ts";

const task = (id: string, state: string, more: Partial<ServiceTask> = {}, exitCode?: number): ServiceTask => ({
  ID: id,
  ServiceID: "svc",
  NodeID: "n1",
  DesiredState: "running",
  Status: {
    State: state,
    ...(exitCode === undefined ? {} : { ContainerStatus: { ContainerID: `c-${id}`, ExitCode: exitCode } }),
    PortStatus: { Ports: [{ TargetPort: 3000, PublishedPort: 30000 }] },
  },
  ...more,
});
const service = (replicas: number): SwarmService => ({
  ID: "svc",
  Spec: { Name: "web-1", Labels: {}, Mode: { Replicated: { Replicas: replicas } } },
});
/** Newest first, as tasksOf gives them. */
const info = (tasks: ServiceTask[], replicas = 1) =>
  containerInfo(service(replicas), tasks, new Map([["n1", "10.0.0.2"]]));

describe("a Swarm replica's container: is Swarm bringing it back?", () => {
  it("no: its task runs, or its first task is still starting", () => {
    expect(info([task("1", "running")])).toMatchObject({ running: true, restarting: null, endpoint: "10.0.0.2:30000" });
    expect(info([task("1", "preparing")])).toMatchObject({ running: false, restarting: null });
  });

  it("yes: its task exited and the next one is on its way, or not made yet (restart delay)", () => {
    const failed = task("1", "failed", { DesiredState: "shutdown" }, 137);
    expect(info([task("2", "ready"), failed])).toMatchObject({
      running: false,
      exitCode: 137,
      restarting: "its task exited with code 137",
    });
    expect(info([failed])).toMatchObject({ running: false, restarting: "its task exited with code 137" });
  });

  it("yes: its node was lost (the old task reads running, the new one starts elsewhere); no exit code", () => {
    const crashedLongAgo = task("0", "failed", { DesiredState: "shutdown" }, 1);
    const lost = task("1", "running", { DesiredState: "shutdown" }, 0);
    expect(info([task("2", "starting"), lost, crashedLongAgo])).toMatchObject({
      running: false,
      exitCode: null,
      endpoint: null,
      restarting: "its node was lost",
    });
  });

  it("no: stopped (scaled to 0), even while its task still stops", () => {
    expect(info([task("1", "running", { DesiredState: "shutdown" })], 0)).toMatchObject({ running: true });
    expect(info([task("1", "shutdown", { DesiredState: "shutdown" }, 0)], 0)).toMatchObject({ restarting: null });
  });
});
