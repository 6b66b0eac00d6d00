import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createProxyServer } from "../src/proxy.ts";
import { RouteTable } from "../src/route-table.ts";

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function request(port: number, host: string, options: { method?: string; body?: string; path?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: options.path ?? "/", method: options.method ?? "GET", headers: { host } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("router proxy", () => {
  const upstream = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.setHeader("x-upstream", "yes");
      res.end(JSON.stringify({ method: req.method, url: req.url, body, forwardedHost: req.headers["x-forwarded-host"], forwardedFor: req.headers["x-forwarded-for"] }));
    });
  });
  let table: RouteTable;
  const proxy = createProxyServer(() => table);
  let proxyPort = 0;
  let deadPort = 0;

  beforeAll(async () => {
    const upstreamPort = await listen(upstream);
    const dead = http.createServer();
    deadPort = await listen(dead);
    await new Promise((r) => dead.close(r)); // a port nothing listens on any more
    table = new RouteTable("localhost", new Map<string, number[] | null>([["web", [upstreamPort]], ["down", null], ["gone", [deadPort]]]));
    proxyPort = await listen(proxy);
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
    await new Promise((r) => upstream.close(r));
  });

  it("forwards method, path, body and forwarding headers, and passes the answer back", async () => {
    const res = await request(proxyPort, "web.localhost:8080", { method: "POST", path: "/submit?x=1", body: "hello" });
    expect(res.status).toBe(200);
    expect(res.headers["x-upstream"]).toBe("yes");
    expect(JSON.parse(res.body)).toEqual({ method: "POST", url: "/submit?x=1", body: "hello", forwardedHost: "web.localhost:8080", forwardedFor: "127.0.0.1" });
  });

  it("answers 404 for unknown hosts, 503 for apps with nothing running, 502 when the app doesn't answer", async () => {
    const unknown = await request(proxyPort, "nope.localhost");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("No app here");
    expect((await request(proxyPort, "down.localhost")).status).toBe(503);
    const gone = await request(proxyPort, "gone.localhost");
    expect(gone.status).toBe(502);
    expect(gone.body).toContain("ECONNREFUSED");
  });

  it("follows a table swap on the very next request", async () => {
    table = new RouteTable("localhost", new Map<string, number[] | null>([["web", null]]));
    expect((await request(proxyPort, "web.localhost")).status).toBe(503);
  });
});
