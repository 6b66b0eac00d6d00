import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { startHaproxy, type Haproxy } from "../src/haproxy/haproxy.ts";
import type { RouteEntries } from "../src/route-entries.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { freePort } from "../../../tests/support/free-port.ts";

/** Upstreams on 127.0.0.1 at these ports, as the route table gives endpoints. */
const local = (...ports: number[]) => ports.map((port) => `127.0.0.1:${port}`);

// The data plane on its own: a real HAProxy in front of real HTTP servers, routes set as the control plane sets them.

function listen(server: http.Server, address = "127.0.0.1"): Promise<number> {
  return new Promise((resolve) => server.listen(0, address, () => resolve((server.address() as AddressInfo).port)));
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** `count` clients calling `send` back to back until the function returned is called (resolves once they stop). */
function keepAsking(count: number, send: () => Promise<void>): () => Promise<void> {
  let running = true;
  const loops = Array.from({ length: count }, async () => {
    while (running) await send();
  });
  return async () => {
    running = false;
    await Promise.all(loops);
  };
}

function request(port: number, host: string, options: { method?: string; body?: string; path?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, agent, path: options.path ?? "/", method: options.method ?? "GET", headers: { host } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** An upstream that names itself and echoes what it received. */
function upstream(name: string) {
  return http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.setHeader("x-upstream", name);
      res.end(
        JSON.stringify({
          name,
          method: req.method,
          url: req.url,
          body,
          forwardedHost: req.headers["x-forwarded-host"],
          forwardedFor: req.headers["x-forwarded-for"],
          forwardedProto: req.headers["x-forwarded-proto"],
        }),
      );
    });
  });
}

describe("router data plane (HAProxy)", () => {
  const servers = { a: upstream("a"), b: upstream("b"), c: upstream("c") };
  const ports: Record<string, number> = {};
  let deadPort = 0;
  let proxyPort = 0;
  let haproxy: Haproxy;
  const setRoutes = (entries: RouteEntries) => haproxy.applyRoutes(entries);

  beforeAll(async () => {
    for (const [name, server] of Object.entries(servers)) ports[name] = await listen(server);
    deadPort = await freePort(); // nothing listens there
    proxyPort = await freePort();
    haproxy = await startHaproxy(
      "haproxy",
      {
        host: "127.0.0.1",
        port: proxyPort,
        threads: 2,
        slots: 8,
        serversPerSlot: 4,
        activator: { port: 9, timeoutMs: 1_000 },
      },
      pino({ level: "silent" }),
    );
    await setRoutes(
      new Map<string, string[] | null>([
        ["web.localhost", local(ports.a!)],
        ["down.localhost", null],
        ["gone.localhost", local(deadPort)],
        ["api.localhost", local(ports.a!, ports.b!, ports.c!)],
      ]),
    );
  });
  afterAll(async () => {
    agent.destroy();
    await haproxy?.stop();
    for (const server of Object.values(servers)) await new Promise((r) => server.close(r));
  });

  it("forwards method, path, body and forwarding headers, and passes the answer back", async () => {
    const res = await request(proxyPort, "Web.localhost.:8080", { method: "POST", path: "/submit?x=1", body: "hello" });
    expect(res.status).toBe(200);
    expect(res.headers["x-upstream"]).toBe("a");
    expect(JSON.parse(res.body)).toEqual({
      name: "a",
      method: "POST",
      url: "/submit?x=1",
      body: "hello",
      forwardedHost: "Web.localhost.:8080",
      forwardedFor: "127.0.0.1",
      forwardedProto: "http",
    });
  });

  it("answers 404 for unknown hosts, 503 for apps with nothing running, 502 when the app doesn't answer", async () => {
    const unknown = await request(proxyPort, "nope.localhost");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("No app here");
    expect((await request(proxyPort, "a.web.localhost")).status).toBe(404);
    expect((await request(proxyPort, "web.example.com")).status).toBe(404);
    const down = await request(proxyPort, "down.localhost");
    expect(down.status).toBe(503);
    expect(down.body).toContain("App not running");
    const gone = await request(proxyPort, "gone.localhost");
    expect(gone.status).toBe(502);
    expect(gone.body).toContain("App not answering");
  });

  it("reaches each replica at its own address (a container's, on the app network), not only on 127.0.0.1", async () => {
    const elsewhere = upstream("elsewhere");
    // Another loopback address stands in for a container's: only that address listens on the port.
    const port = await listen(elsewhere, "127.0.0.2");
    try {
      await setRoutes(new Map([["other.localhost", [`127.0.0.2:${port}`]]]));
      const res = await request(proxyPort, "other.localhost");
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).name).toBe("elsewhere");
    } finally {
      elsewhere.closeAllConnections();
      await new Promise((r) => elsewhere.close(r));
    }
    await setRoutes(
      new Map<string, string[] | null>([
        ["web.localhost", local(ports.a!)],
        ["down.localhost", null],
        ["gone.localhost", local(deadPort)],
        ["api.localhost", local(ports.a!, ports.b!, ports.c!)],
      ]),
    );
  });

  it("spreads requests across replicas in turn", async () => {
    const names: string[] = [];
    for (let i = 0; i < 6; i++) names.push(JSON.parse((await request(proxyPort, "api.localhost")).body).name);
    expect(new Set(names.slice(0, 3))).toEqual(new Set(["a", "b", "c"]));
    expect(names.slice(3)).toEqual(names.slice(0, 3));
  });

  /** A server's line in `show servers state`, found by its port: operational state (0: stopped), check health. */
  const serverState = async (port: number) => {
    const lines = (await haproxy.query("show servers state")).split("\n").map((l) => l.split(" "));
    const fields = lines.find((f) => f[18] === String(port));
    return fields && { operational: fields[5], health: Number(fields[12]) };
  };

  it("a dead replica fails no request: refused connections go to the other, a health check takes it out", async () => {
    const doomed = upstream("doomed");
    const doomedPort = await listen(doomed);
    await setRoutes(new Map([["pair.localhost", local(ports.a!, doomedPort)]]));
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) seen.add(JSON.parse((await request(proxyPort, "pair.localhost")).body).name);
    expect(seen).toEqual(new Set(["a", "doomed"]));
    const failures: string[] = [];
    let ok = 0;
    const stop = keepAsking(3, async () => {
      const res = await request(proxyPort, "pair.localhost").catch((e: Error) => ({ status: 0, body: e.message }));
      if (res.status === 200) ok++;
      else failures.push(`${res.status} ${res.body.slice(0, 60)}`);
    });
    try {
      await eventually(async () => ok >= 30, "requests answered by both replicas");
      doomed.closeAllConnections();
      await new Promise((r) => doomed.close(r));
      const okAtKill = ok;
      // Requests go on until the health check (every 1 s, three failures) takes it out: HAProxy reports it
      // stopped (operational state 0); meanwhile every other request meets the refused port and is retried.
      await eventually(async () => (await serverState(doomedPort))?.operational === "0", "the dead replica taken out");
      await eventually(async () => ok >= okAtKill + 50, "requests answered since the replica went");
    } finally {
      await stop();
    }
    expect(failures).toEqual([]);
    await setRoutes(
      new Map<string, string[] | null>([
        ["web.localhost", local(ports.a!)],
        ["down.localhost", null],
        ["gone.localhost", local(deadPort)],
        ["api.localhost", local(ports.a!, ports.b!, ports.c!)],
      ]),
    );
  });

  it("a reused backend slot serves its new replica at once, whatever its old servers' health was", async () => {
    const base: Array<[string, string[] | null]> = [
      ["web.localhost", local(ports.a!)],
      ["down.localhost", null],
      ["gone.localhost", local(deadPort)],
      ["api.localhost", local(ports.a!, ports.b!, ports.c!)],
    ];
    const problems: string[] = [];
    for (let i = 0; i < 16; i++) {
      // Alternate a dead upstream and a live one, so slots are reused in every state: the dead one's
      // health check has failed once (some rounds: three times, so it is marked down) before its slot goes.
      const live = i % 2 === 1;
      const extraDead = await freePort();
      await setRoutes(new Map([...base, ["churn.localhost", live ? local(ports.b!) : local(extraDead)]]));
      if (!live) {
        const markedDown = i % 8 === 0;
        await eventually(
          async () => {
            const state = await serverState(extraDead);
            return state && (markedDown ? state.operational === "0" : state.health < 3);
          },
          `round ${i}: a health check of the dead upstream ${markedDown ? "marking it down" : "failing"}`,
        );
        continue;
      }
      const res = await request(proxyPort, "churn.localhost");
      if (res.status !== 200) problems.push(`round ${i}: HTTP ${res.status}`);
    }
    expect(problems).toEqual([]);
    await setRoutes(new Map(base));
  });

  it("follows a route change on the next request, on the same keep-alive connection, without a reload", async () => {
    const pid = (await request(proxyPort, "web.localhost")).headers; // warm a kept-alive connection
    expect(pid["x-upstream"]).toBe("a");
    await setRoutes(new Map([["web.localhost", local(ports.b!)]]));
    const res = await request(proxyPort, "web.localhost");
    expect(res.headers["x-upstream"]).toBe("b");
    expect((await request(proxyPort, "api.localhost")).status).toBe(404); // the whole map was replaced
    await setRoutes(new Map([["web.localhost", null]]));
    expect((await request(proxyPort, "web.localhost")).status).toBe(503);
  });

  it("switches back and forth under continuous requests, none failing, none answered by the old route", async () => {
    // routes[k] is the route after k completed switches. A request during which no switch even started
    // must get the route that was current when it was sent; one overlapping a switch may get either.
    const routes = ["a"];
    let started = 0;
    let completed = 0;
    let checked = 0;
    const problems: string[] = [];
    await setRoutes(new Map([["web.localhost", local(ports.a!)]]));
    const stop = keepAsking(4, async () => {
      const atSend = completed;
      const startedAtSend = started;
      try {
        const res = await request(proxyPort, "web.localhost");
        const overlapped = started !== startedAtSend || startedAtSend !== atSend;
        if (res.status !== 200) problems.push(`HTTP ${res.status}`);
        else if (!overlapped && res.headers["x-upstream"] !== routes[atSend])
          problems.push(`old route answered: ${res.headers["x-upstream"]}`);
        if (!overlapped) checked++;
      } catch (error) {
        problems.push((error as Error).message);
      }
    });
    try {
      for (let i = 0; i < 20; i++) {
        // Each route answers a few requests sent wholly after its switch before the next switch starts.
        const checkedBefore = checked;
        await eventually(async () => checked >= checkedBefore + 5, `requests checked after switch ${i}`);
        const next = routes.at(-1) === "a" ? "b" : "a";
        started++;
        routes.push(next);
        await setRoutes(new Map([["web.localhost", local(ports[next]!)]]));
        completed++;
      }
    } finally {
      await stop();
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20 * 5);
  });
});
