import { describe, expect, it } from "vitest";
import { RouteTable } from "../src/route-table.ts";

describe("RouteTable", () => {
  const table = new RouteTable("localhost", new Map<string, number[] | null>([["web", [41000]], ["web-abc12345", [41001]], ["down", null]]));

  it.each([
    ["web.localhost", { kind: "upstream", port: 41000, label: "web" }],
    ["WEB.localhost:8080", { kind: "upstream", port: 41000, label: "web" }],
    ["web-abc12345.localhost", { kind: "upstream", port: 41001, label: "web-abc12345" }],
    ["down.localhost", { kind: "down", label: "down" }],
    ["nope.localhost", { kind: "unknown", host: "nope.localhost" }],
    ["a.web.localhost", { kind: "unknown", host: "a.web.localhost" }],
    ["web.example.com", { kind: "unknown", host: "web.example.com" }],
    [undefined, { kind: "unknown", host: "" }],
  ])("%s resolves", (host, expected) => expect(table.resolve(host)).toEqual(expected));

  it("spreads requests across replicas in turn", () => {
    const replicated = new RouteTable("localhost", new Map([["api", [1, 2, 3]]]));
    const ports = Array.from({ length: 6 }, () => {
      const route = replicated.resolve("api.localhost");
      return route.kind === "upstream" ? route.port : 0;
    });
    expect(ports).toEqual([1, 2, 3, 1, 2, 3]);
  });
});
