import { describe, expect, it } from "vitest";
import { diagnoseListeners as diagnose } from "../src/listen-diagnosis.ts";
import type { ListeningSocket } from "@pier/runtime";

/** The diagnosis with its message (every kind but "reachable" has one). */
const diagnoseListeners = (sockets: ListeningSocket[], port: number) =>
  diagnose(sockets, port) as { kind: string; message: string; port?: number };

describe("why an app can't be reached, from its listening sockets", () => {
  it("all interfaces on $PORT is reachable (IPv4 or IPv6 wildcard, or the container's address)", () => {
    expect(diagnoseListeners([{ address: "0.0.0.0", port: 3000 }], 3000).kind).toBe("reachable");
    expect(diagnoseListeners([{ address: "::", port: 3000 }], 3000).kind).toBe("reachable");
    expect(diagnoseListeners([{ address: "172.17.0.5", port: 3000 }], 3000).kind).toBe("reachable");
  });
  it("loopback on $PORT: says so and what to do", () => {
    expect(diagnoseListeners([{ address: "127.0.0.1", port: 3000 }], 3000)).toEqual({
      kind: "loopback-only",
      message:
        "the app listens on 127.0.0.1:3000 inside its container, which nothing outside it can reach; " +
        "listen on 0.0.0.0 (or ::) on $PORT (3000)",
    });
    expect(diagnoseListeners([{ address: "::1", port: 3000 }], 3000).message).toMatch(/listens on \[::1\]:3000/);
  });
  it("exactly one other port on all interfaces can be adopted", () => {
    expect(
      diagnoseListeners(
        [
          { address: "0.0.0.0", port: 8080 },
          { address: "::", port: 8080 },
        ],
        3000,
      ),
    ).toEqual({ kind: "other-port", port: 8080, message: "the app listens on 0.0.0.0:8080 but PORT is 3000" });
  });
  it("several other ports, or loopback elsewhere, or nothing: named, not adopted", () => {
    expect(
      diagnoseListeners(
        [
          { address: "0.0.0.0", port: 8080 },
          { address: "0.0.0.0", port: 9229 },
        ],
        3000,
      ).kind,
    ).toBe("elsewhere");
    expect(diagnoseListeners([{ address: "127.0.0.1", port: 8080 }], 3000).message).toMatch(
      /127.0.0.1:8080 inside its container/,
    );
    expect(diagnoseListeners([], 3000).kind).toBe("nothing");
  });
});
