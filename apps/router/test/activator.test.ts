import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startActivator, type Activator, type ActivatorView } from "../src/activator/activator.ts";
import { routeKeyOf } from "../src/activator/route-key.ts";
import { ACTIVATOR } from "../src/route-entries.ts";
import { eventually } from "../../../tests/support/eventually.ts";

const silent = { info() {}, warn() {}, error() {} };
const asleep = (): ActivatorView => ({
  entries: new Map([["web.localhost", ACTIVATOR]]),
  wakeable: new Map([["web.localhost", "app-1"]]),
});
const awake = (port: number): ActivatorView => ({
  entries: new Map([["web.localhost", [`127.0.0.1:${port}`]]]),
  wakeable: new Map(),
});

function get(
  port: number,
  host: string,
  path = "/",
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("activator", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function setup(options: { maxHeldPerApp?: number; timeoutMs?: number } = {}) {
    const wakes: string[] = [];
    const activator: Activator = await startActivator({
      timeoutMs: options.timeoutMs ?? 10_000,
      maxHeldPerApp: options.maxHeldPerApp ?? 100,
      wake: async (id) => void wakes.push(id),
      logger: silent,
    });
    cleanups.push(() => activator.close());
    activator.update(asleep());
    return { activator, wakes };
  }

  async function app(): Promise<number> {
    const server = http.createServer((req, res) => res.end(`app saw ${req.url}`));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    return (server.address() as AddressInfo).port;
  }

  it("holds requests for a sleeping app, asks once to wake it, and forwards them all when it serves", async () => {
    const { activator, wakes } = await setup();
    const answers = Promise.all([
      get(activator.port, "web.localhost", "/a"),
      get(activator.port, "web.localhost", "/b"),
      get(activator.port, "WEB.localhost:8080", "/c"),
    ]);
    await eventually(async () => activator.heldByApp().get("app-1") === 3, "3 requests held", 5_000, 10);
    expect(wakes).toEqual(["app-1"]);
    expect(activator.takeArrivals().get("app-1")).toBe(3);
    activator.update(awake(await app()));
    expect((await answers).map((a) => `${a.status} ${a.body}`)).toEqual([
      "200 app saw /a",
      "200 app saw /b",
      "200 app saw /c",
    ]);
    expect(activator.heldByApp().size).toBe(0);
  });

  it("answers 503 with Retry-After past the bound, 504 after the timeout, dropping none inside the bound", async () => {
    const { activator } = await setup({ maxHeldPerApp: 2, timeoutMs: 300 });
    const inside = [get(activator.port, "web.localhost"), get(activator.port, "web.localhost")];
    await eventually(async () => activator.heldByApp().get("app-1") === 2, "2 requests held", 5_000, 10);
    const over = await get(activator.port, "web.localhost");
    expect(over.status).toBe(503);
    expect(over.headers["retry-after"]).toBe("1");
    expect((await Promise.all(inside)).map((a) => a.status)).toEqual([504, 504]);
  });

  it("says 503 for a host it has no sleeping app for", async () => {
    const { activator } = await setup();
    expect((await get(activator.port, "other.localhost")).status).toBe(503);
    expect((await get(activator.port, "web.example.com")).status).toBe(503);
  });

  it("finds the route of a host the way HAProxy's map is keyed: the host, else its wildcard domain", () => {
    const routed = new Set(["web.localhost", "*.shop.example"]);
    const has = (key: string) => routed.has(key);
    expect(routeKeyOf("Web.Localhost:8080", has)).toBe("web.localhost");
    expect(routeKeyOf("web.localhost.", has)).toBe("web.localhost");
    expect(routeKeyOf("eu.shop.example", has)).toBe("*.shop.example");
    expect(routeKeyOf("a.eu.shop.example", has)).toBeNull();
    expect(routeKeyOf("localhost", has)).toBeNull();
    expect(routeKeyOf("web.evil.example", has)).toBeNull();
  });
});
