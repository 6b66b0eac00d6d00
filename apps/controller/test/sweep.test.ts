import type { ReplicaPhase } from "@pier/db";
import type { ContainerInfo } from "@pier/runtime";
import { describe, expect, it } from "vitest";
import { asRecorded, type SweptApp } from "../src/sweep.ts";

const container = (id: string, replica: number, running = true): ContainerInfo => ({
  id,
  name: `pier-app-${id}`,
  image: "img",
  running,
  exitCode: running ? null : 1,
  labels: { "pier.deployment": "d1", "pier.replica": String(replica) },
  hostPort: running ? 40000 + replica : null,
  endpoint: running ? `10.213.0.${replica}:3000` : null,
  node: null,
  restarting: null,
});
type StateRow = [index: number, containerId: string | null, failures?: number, phase?: ReplicaPhase];
const app = (replicas: number, states: StateRow[]) =>
  ({
    id: "a1",
    replicas,
    productionDeploymentId: "d1",
    replicaStates: [
      ...states.map(([index, containerId, failures = 0, phase = "RUNNING"]) => ({
        deploymentId: "d1",
        index,
        containerId,
        failures,
        phase,
      })),
      // A warm deployment's records are not production's business.
      { deploymentId: "d0", index: 1, containerId: "old", failures: 3, phase: "CRASH_LOOP" as const },
    ],
  }) satisfies SweptApp;

// Every case but the first is one a reconcile pass would change something in (or must look at).
describe("the sweep: is an app's production as recorded?", () => {
  it("yes: each replica runs the container on record, nothing else", () => {
    expect(
      asRecorded(
        app(2, [
          [1, "c1"],
          [2, "c2"],
        ]),
        [container("c1", 1), container("c2", 2)],
      ),
    ).toBe(true);
  });

  it.each([
    ["a recorded container died", app(1, [[1, "c1"]]), [container("c1", 1, false)]],
    ["a recorded container is gone", app(1, [[1, "c1"]]), []],
    ["a replica has no container on record (waiting for its back-off)", app(1, [[1, null]]), [container("c1", 1)]],
    ["a replica has no record (the deploy started it)", app(2, [[1, "c1"]]), [container("c1", 1), container("c2", 2)]],
    ["scaled up: a replica is missing", app(2, [[1, "c1"]]), [container("c1", 1)]],
    [
      "scaled down: a replica above the count still runs",
      app(1, [
        [1, "c1"],
        [2, "c2"],
      ]),
      [container("c1", 1), container("c2", 2)],
    ],
    [
      "a dead container lies beside the serving one",
      app(1, [[1, "c1"]]),
      [container("c1", 1), container("x", 1, false)],
    ],
    ["a replacement not yet recorded runs beside it", app(1, [[1, "c1"]]), [container("c1", 1), container("c9", 1)]],
    [
      "the runtime restarted the container on record (Swarm) and it runs again: a pass records it back",
      app(1, [[1, "c1", 0, "STARTING"]]),
      [container("c1", 1)],
    ],
    [
      "a loss is still counted against a replica (reset after 10 minutes of health)",
      app(1, [[1, "c1", 1]]),
      [container("c1", 1)],
    ],
    ["the record and the container disagree on the replica", app(1, [[1, "c1"]]), [container("c1", 2)]],
  ])("no: %s", (_case, swept, containers) => {
    expect(asRecorded(swept, containers)).toBe(false);
  });
});
