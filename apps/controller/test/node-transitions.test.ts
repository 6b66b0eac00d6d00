import { describe, expect, it } from "vitest";
import { nodeTransitions, type NodeRecord, type ObservedNode } from "../src/node-transitions.ts";

const web1 = { app: "web", replica: 1, container: "pier-web-k3v9x2m1q8" };
const web2 = { app: "web", replica: 2, container: "pier-web-k3v9x2m1q8-2" };
const node = (id: string, state: string, replicas = [web1]): ObservedNode => ({
  id,
  name: `node-${id}`,
  address: `10.0.0.${id}`,
  state,
  replicas,
});

/** Feeds looks at the swarm one after another, as the watch does; what each look reported. */
function watch(...looks: ObservedNode[][]) {
  let records = new Map<string, NodeRecord>();
  return looks.map((look) => {
    const changes = nodeTransitions(records, look);
    records = changes.records;
    return { lost: changes.lost.map((n) => [n.id, n.replicas]), back: changes.back.map((n) => n.id) };
  });
}

describe("node transitions: which nodes were lost, which came back", () => {
  it("says nothing at the first look, even of a node already down", () => {
    expect(watch([node("1", "ready"), node("2", "down")])).toEqual([{ lost: [], back: [] }]);
  });

  it("reports a ready node gone down once, with the replicas seen on it while ready, then its return once", () => {
    const looks = watch(
      [node("1", "ready", [web1]), node("2", "ready", [web2])],
      // Swarm may still list its tasks, or none: the replicas named are the ones seen while it was up.
      [node("1", "ready", [web1]), node("2", "down", [])],
      [node("1", "ready", [web1, web2]), node("2", "down", [])],
      [node("1", "ready", [web1, web2]), node("2", "ready", [])],
      [node("1", "ready", [web1, web2]), node("2", "ready", [])],
    );
    expect(looks).toEqual([
      { lost: [], back: [] },
      { lost: [["2", [web2]]], back: [] },
      { lost: [], back: [] },
      { lost: [], back: ["2"] },
      { lost: [], back: [] },
    ]);
  });

  it("counts a node gone from the list as lost, and its return as back", () => {
    const looks = watch(
      [node("1", "ready"), node("2", "ready")],
      [node("1", "ready")],
      [node("1", "ready")],
      [node("1", "ready"), node("2", "ready")],
    );
    expect(looks.map((l) => l.lost.map(([id]) => id))).toEqual([[], ["2"], [], []]);
    expect(looks.map((l) => l.back)).toEqual([[], [], [], ["2"]]);
  });

  it("takes disconnected as lost and leaves unknown alone (the last word stands)", () => {
    const looks = watch(
      [node("1", "ready")],
      [node("1", "unknown")],
      [node("1", "disconnected")],
      [node("1", "unknown")],
      [node("1", "ready")],
    );
    expect(looks).toEqual([
      { lost: [], back: [] },
      { lost: [], back: [] },
      { lost: [["1", [web1]]], back: [] },
      { lost: [], back: [] },
      { lost: [], back: ["1"] },
    ]);
  });

  it("a node first seen unknown, then ready, is only remembered; one first seen down is told when back", () => {
    expect(watch([node("1", "unknown")], [node("1", "ready")])).toEqual([
      { lost: [], back: [] },
      { lost: [], back: [] },
    ]);
    expect(watch([node("1", "down")], [node("1", "ready")])[1]).toEqual({ lost: [], back: ["1"] });
  });
});
