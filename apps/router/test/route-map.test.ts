import { describe, expect, it } from "vitest";
import { BackendSlots } from "../src/haproxy/backend-slots.ts";
import { routeMapEntries } from "../src/haproxy/route-map.ts";

/** Upstreams on 127.0.0.1 at these ports, as the route table gives endpoints. */
const local = (...ports: number[]) => ports.map((port) => `127.0.0.1:${port}`);

describe("backend slots and the host map", () => {
  it("gives each replica set a slot shared by every label that routes to it; nothing running maps to 0", () => {
    const slots = new BackendSlots(4, 3);
    const plan = slots.plan(
      new Map<string, string[] | null>([
        ["web", local(41000)],
        ["web-abc", local(41000)],
        ["api", local(41002, 41001)],
        ["down", null],
        ["empty", []],
      ]),
    );
    expect([...plan.routes]).toEqual([
      ["down", "0"],
      ["empty", "0"],
      ["web", "d0"],
      ["web-abc", "d0"],
      ["api", "d1"],
    ]);
    expect(plan.fill).toEqual([
      "set server d0/s0 addr 127.0.0.1 port 41000",
      "set server d0/s0 state ready",
      "set server d0/s0 health up",
      "set server d0/s1 state maint",
      "set server d0/s2 state maint",
      "set server d1/s0 addr 127.0.0.1 port 41001",
      "set server d1/s0 state ready",
      "set server d1/s0 health up",
      "set server d1/s1 addr 127.0.0.1 port 41002",
      "set server d1/s1 state ready",
      "set server d1/s1 health up",
      "set server d1/s2 state maint",
    ]);
    expect(routeMapEntries(plan.routes, "Example.com")).toContainEqual(["web.example.com", "d0"]);
  });

  it("a set keeps its slot while routed; a changed set takes a fresh slot; a freed slot is reused last", () => {
    const slots = new BackendSlots(3, 2);
    slots.plan(new Map([["web", local(41000)]]));
    const same = slots.plan(new Map([["web", local(41000)]]));
    expect(same.fill).toEqual([]);
    expect(same.routes.get("web")).toBe("d0");
    const scaled = slots.plan(new Map([["web", local(41000, 41005)]]));
    expect(scaled.routes.get("web")).toBe("d1");
    const recycled = slots.recycle();
    expect(recycled.commands).toEqual(["set server d0/s0 state maint", "set server d0/s1 state maint"]);
    recycled.done();
    expect(
      slots
        .plan(
          new Map([
            ["web", local(41000, 41005)],
            ["api", local(42000)],
          ]),
        )
        .routes.get("api"),
    ).toBe("d2");
    const reused = slots.plan(
      new Map([
        ["web", local(41000, 41005)],
        ["api", local(42000)],
        ["new", local(43000)],
      ]),
    );
    expect(reused.routes.get("new")).toBe("d0");
    expect(reused.fill).toEqual([
      "set server d0/s0 addr 127.0.0.1 port 43000",
      "set server d0/s0 state ready",
      "set server d0/s0 health up",
      "set server d0/s1 state maint",
    ]);
  });

  it("every slot taken: the hosts left over answer 503 and are named; the router serves the rest", () => {
    const slots = new BackendSlots(1, 1);
    const plan = slots.plan(
      new Map([
        ["a", local(1)],
        ["b", local(2)],
      ]),
    );
    expect(plan.routes).toEqual(
      new Map([
        ["a", "d0"],
        ["b", "0"],
      ]),
    );
    expect(plan.unrouted).toEqual(["b"]);
  });
});
