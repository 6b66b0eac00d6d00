import { describe, expect, it } from "vitest";
import { routeMapEntries } from "../src/haproxy/route-map.ts";

describe("routeMapEntries", () => {
  it("keys by full host name, one entry for one replica, a count and one port each for several", () => {
    const entries = new Map<string, number[] | null>([["web", [41000]], ["api", [41001, 41002]], ["down", null], ["empty", []]]);
    expect(routeMapEntries(entries, "Example.com")).toEqual([
      ["web.example.com", "1:41000"],
      ["api.example.com", "2"],
      ["api.example.com/0", "41001"],
      ["api.example.com/1", "41002"],
      ["down.example.com", "0"],
      ["empty.example.com", "0"],
    ]);
  });
});
