import { describe, expect, it } from "vitest";
import { BackendSlots } from "../src/haproxy/backend-slots.ts";
import type { RouteTable } from "@pier/routing";
import { mapEntries, withHttpsFlags } from "../src/haproxy/route-map.ts";
import { ACTIVATOR, API_BACKEND, originOf, type RouteEntry, routerView } from "../src/route-entries.ts";

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
    expect(mapEntries(new Map([["Web.Example.com", "d0"]]))).toEqual([["web.example.com", "d0"]]);
  });

  it("a set keeps its slot while routed; a changed set takes a fresh slot; a freed slot is reused last", () => {
    const slots = new BackendSlots(3, 2);
    slots.plan(new Map([["web", local(41000)]]));
    const same = slots.plan(new Map([["web", local(41000)]]));
    expect(same.fill).toEqual([]);
    expect(same.routes.get("web")).toBe("d0");
    const scaled = slots.plan(new Map([["web", local(41000, 41005)]]));
    expect(scaled.routes.get("web")).toBe("d1");
    // A request still on the old slot (its retry needs the slot's other servers): it stays as it is.
    const whileBusy = slots.recycle(new Set([0]));
    expect(whileBusy.commands).toEqual([]);
    whileBusy.done();
    expect(slots.coolingSlots()).toEqual([0]);
    const recycled = slots.recycle(new Set());
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

  it("maps the activator, the API, redirects and hosts with nothing running to fixed values, without slots", () => {
    const slots = new BackendSlots(2, 1);
    const plan = slots.plan(
      new Map<string, RouteEntry>([
        ["sleepy.localhost", ACTIVATOR],
        ["pier.example.com", API_BACKEND],
        ["www.shop.example", { redirect: "https://shop.example", status: 308 }],
        ["old.shop.example", { redirect: "http://shop.example:8080", status: 301 }],
        ["down.localhost", null],
      ]),
    );
    expect(plan.routes).toEqual(
      new Map([
        ["sleepy.localhost", "activator"],
        ["pier.example.com", "api"],
        ["www.shop.example", "r308:https://shop.example"],
        ["old.shop.example", "r301:http://shop.example:8080"],
        ["down.localhost", "0"],
      ]),
    );
    expect(plan.fill).toEqual([]);
  });

  it("puts each host's HTTPS flags in its map value: on both slots of a split, never on a redirect", () => {
    const routes = new Map([
      ["plain.localhost", "d0"],
      ["shop.example", "d1"],
      ["www.shop.example", "r308:https://shop.example"],
      ["canary.example", "w:25:dep-b:d2:dep-a:d3"],
      ["sleepy.example", "activator"],
      ["down.example", "0"],
    ]);
    const flagged = withHttpsFlags(
      routes,
      new Map([
        ["shop.example", "redirect+hsts"],
        ["www.shop.example", "redirect"],
        ["canary.example", "hsts"],
        ["sleepy.example", "redirect"],
        ["down.example", "redirect"],
      ]),
    );
    expect(flagged).toEqual(
      new Map([
        ["plain.localhost", "d0"],
        ["shop.example", "d1|rh"],
        ["www.shop.example", "r308:https://shop.example"],
        ["canary.example", "w:25:dep-b:d2|h:dep-a:d3|h"],
        ["sleepy.example", "activator|r"],
        ["down.example", "0|r"],
      ]),
    );
  });

  it("lays the table out for HAProxy: a redirect's URL names the router's port unless it is the standard one", () => {
    const https = { redirect: true, hsts: false };
    const table: RouteTable = new Map([
      ["www.shop.example", { kind: "redirect", appId: "a", to: "shop.example", status: 308, toHttps: true, https }],
      ["shop.example", { kind: "backends", appId: "a", backends: [], https: { redirect: true, hsts: true } }],
      ["web.localhost", { kind: "backends", appId: "a", backends: [], https: { redirect: false, hsts: false } }],
    ]);
    const view = routerView(table, { http: 8080, https: 8443 });
    expect(view.entries.get("www.shop.example")).toEqual({ redirect: "https://shop.example:8443", status: 308 });
    expect(view.https).toEqual(
      new Map([
        ["www.shop.example", "redirect"],
        ["shop.example", "redirect+hsts"],
      ]),
    );
    const standard = routerView(table, { http: 80, https: 443 });
    expect(standard.entries.get("www.shop.example")).toEqual({ redirect: "https://shop.example", status: 308 });
    expect(originOf("shop.example", false, { http: 80, https: null })).toBe("http://shop.example");
  });
  it("lays out a host whose backends are two deployments as a split: each version its slot, its share", () => {
    const backend = (port: number, deploymentId: string, weight: number) => ({
      endpoint: `127.0.0.1:${port}`,
      appId: "a1",
      deploymentId,
      weight,
    });
    const https = { redirect: false, hsts: false };
    const table: RouteTable = new Map([
      [
        "web.localhost",
        {
          kind: "backends",
          appId: "a1",
          backends: [backend(41003, "cand", 25), backend(41001, "prod", 37.5), backend(41002, "prod", 37.5)],
          https,
        },
      ],
      ["web-cand.localhost", { kind: "backends", appId: "a1", backends: [backend(41003, "cand", 1)], https }],
    ]);
    const view = routerView(table, { http: 80, https: null });
    expect(view.entries.get("web.localhost")).toEqual({
      share: 25,
      versions: [
        { id: "cand", endpoints: local(41003) },
        { id: "prod", endpoints: local(41001, 41002) },
      ],
    });
    expect(view.owners.get("127.0.0.1:41001")).toEqual({ appId: "a1", deploymentId: "prod" });
    const plan = new BackendSlots(4, 3).plan(view.entries);
    expect(plan.routes.get("web-cand.localhost")).toBe("d0");
    expect(plan.routes.get("web.localhost")).toBe("w:25:cand:d0:prod:d1");
    // A version left without a slot (all taken): the other one serves the host alone.
    expect(
      new BackendSlots(1, 3).plan(new Map([["web.localhost", view.entries.get("web.localhost")!]])).routes,
    ).toEqual(new Map([["web.localhost", "d0"]]));
  });
});
