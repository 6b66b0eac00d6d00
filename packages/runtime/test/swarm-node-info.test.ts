import { describe, expect, it } from "vitest";
import { addressOf, hostOf, nodeInfoOf, runningTasksByNode, type SwarmNode } from "../src/swarm/nodes.ts";

// The shapes are the engine's (GET /nodes, GET /tasks of Docker 29), cut to the fields Pier reads.
const manager: SwarmNode = {
  ID: "n1",
  Version: { Index: 12 },
  Spec: { Role: "manager", Availability: "active", Labels: { "pier.build": "true" } },
  Description: { Hostname: "pier-node-0", Resources: { NanoCPUs: 2_000_000_000, MemoryBytes: 4_104_839_168 } },
  Status: { State: "ready", Addr: "0.0.0.0" },
  ManagerStatus: { Leader: true, Reachability: "reachable", Addr: "10.216.7.2:2377" },
};
const worker: SwarmNode = {
  ID: "n2",
  Spec: { Role: "worker", Availability: "drain", Labels: {} },
  Description: { Hostname: "pier-node-1", Resources: { NanoCPUs: 500_000_000, MemoryBytes: 1024 } },
  Status: { State: "down", Addr: "10.216.7.3" },
};

describe("swarm nodes as Pier shows them", () => {
  it("reads name, role, state, availability, CPUs, memory, labels; a manager on 0.0.0.0 by its advertised one", () => {
    expect(nodeInfoOf(manager, 3)).toEqual({
      id: "n1",
      name: "pier-node-0",
      role: "manager",
      state: "ready",
      availability: "active",
      address: "10.216.7.2",
      cpus: 2,
      memoryBytes: 4_104_839_168,
      runningTasks: 3,
      labels: { "pier.build": "true" },
    });
    expect(nodeInfoOf(worker, 0)).toMatchObject({ role: "worker", state: "down", availability: "drain", cpus: 0.5 });
    expect(addressOf(worker)).toBe("10.216.7.3");
  });

  it("takes the host of an address with a port, IPv6 in brackets included", () => {
    expect(hostOf("10.0.0.1:2377")).toBe("10.0.0.1");
    expect(hostOf("[fd00::2]:2377")).toBe("fd00::2");
    expect(hostOf("fd00::2")).toBe("fd00::2");
    expect(hostOf("10.0.0.1")).toBe("10.0.0.1");
  });

  it("counts only running tasks, per node", () => {
    const counts = runningTasksByNode([
      { NodeID: "n1", Status: { State: "running" } },
      { NodeID: "n1", Status: { State: "running" } },
      { NodeID: "n2", Status: { State: "preparing" } },
      { NodeID: "n2", Status: { State: "running" } },
      { Status: { State: "pending" } },
    ]);
    expect(Object.fromEntries(counts)).toEqual({ n1: 2, n2: 1 });
  });
});
