// The router's data plane on its own, as apps/router/test/haproxy.test.ts drives it: a real HAProxy in front
// of Node HTTP servers, routes set through its runtime API, all on 127.0.0.1. The test checks that no request
// fails; these are its figures, each round bounded in time:
//   1. one of two replicas stops answering under 3 closed-loop keep-alive clients: requests answered per
//      second until its health check takes it out, that time, and failed requests;
//   2. the route switches between two replicas 20 times, every 80 ms, under 4 clients: requests answered per
//      second, failed ones, and answers from a route switched away from before the request was sent.
//   npx tsx bench/data-plane.ts [rounds=3]
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startHaproxy } from "../apps/router/src/haproxy/haproxy.ts";
import { freePort } from "../tests/support/free-port.ts";
import { ms, percentile } from "./stats.ts";

const ROUNDS = Number(process.argv[2] ?? 3);
const SWITCHES = 20;
const SWITCH_EVERY_MS = 80;
const TAKEN_OUT_WITHIN_MS = 30_000;

const upstream = (name: string) => http.createServer((_req, res) => res.setHeader("x-upstream", name).end(name));
const listen = (server: http.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
const close = (server: http.Server) => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
const silent = { info() {}, warn() {}, error() {} };

function request(port: number, host: string): Promise<{ status: number; upstream: string }> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, agent, path: "/", headers: { host } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, upstream: String(res.headers["x-upstream"]) }));
    });
    req.on("error", (error) => resolve({ status: 0, upstream: error.message }));
    req.end();
  });
}

/** `count` clients calling `send` back to back until the function returned is called. */
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

const a = upstream("a");
const b = upstream("b");
const ports = { a: await listen(a), b: await listen(b) } as Record<string, number>;
const proxyPort = await freePort();
const haproxy = await startHaproxy(
  "haproxy",
  {
    host: "127.0.0.1",
    port: proxyPort,
    threads: 2,
    slots: 8,
    serversPerSlot: 4,
    activator: { port: 9, timeoutMs: 1_000 },
  },
  silent,
);
const operationalState = async (port: number) =>
  (await haproxy.query("show servers state"))
    .split("\n")
    .map((line) => line.split(" "))
    .find((fields) => fields[18] === String(port))?.[5];

const kills: Array<{ rps: number; takenOutMs: number; failed: number }> = [];
const switches: Array<{ rps: number; failed: number; oldRoute: number }> = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    // 1. A replica stops answering.
    const doomed = upstream("doomed");
    const doomedPort = await listen(doomed);
    await haproxy.applyRoutes(new Map([["pair.localhost", [`127.0.0.1:${ports.a!}`, `127.0.0.1:${doomedPort}`]]]));
    let ok = 0;
    let failed = 0;
    const stopKill = keepAsking(3, async () => {
      if ((await request(proxyPort, "pair.localhost")).status === 200) ok++;
      else failed++;
    });
    await new Promise((r) => setTimeout(r, 300)); // traffic on both replicas first
    await close(doomed);
    const killedAt = performance.now();
    const okAtKill = ok;
    while ((await operationalState(doomedPort)) !== "0") {
      if (performance.now() - killedAt > TAKEN_OUT_WITHIN_MS) throw new Error("the dead replica was never taken out");
      await new Promise((r) => setTimeout(r, 20));
    }
    const takenOutMs = performance.now() - killedAt;
    await stopKill();
    kills.push({ rps: ((ok - okAtKill) / takenOutMs) * 1000, takenOutMs, failed });

    // 2. Route switches under requests: an answer from a route switched away from before it was sent is counted.
    const routes = ["a"];
    let started = 0;
    let completed = 0;
    let answered = 0;
    let switchFailed = 0;
    let oldRoute = 0;
    await haproxy.applyRoutes(new Map([["web.localhost", [`127.0.0.1:${ports.a!}`]]]));
    const stopSwitch = keepAsking(4, async () => {
      const atSend = completed;
      const startedAtSend = started;
      const res = await request(proxyPort, "web.localhost");
      const overlapped = started !== startedAtSend || startedAtSend !== atSend;
      if (res.status !== 200) switchFailed++;
      else if (!overlapped && res.upstream !== routes[atSend]) oldRoute++;
      else answered++;
    });
    const switchStart = performance.now();
    for (let i = 0; i < SWITCHES; i++) {
      await new Promise((r) => setTimeout(r, SWITCH_EVERY_MS));
      const next = routes.at(-1) === "a" ? "b" : "a";
      started++;
      routes.push(next);
      await haproxy.applyRoutes(new Map([["web.localhost", [`127.0.0.1:${ports[next]!}`]]]));
      completed++;
    }
    await stopSwitch();
    const seconds = (performance.now() - switchStart) / 1000;
    switches.push({ rps: answered / seconds, failed: switchFailed, oldRoute });
  }
  const median = (xs: number[]) => percentile(xs, 50);
  console.log(`\nRouter data plane alone (HAProxy, 2 threads), ${ROUNDS} rounds (medians; sums of failures)`);
  console.log("| scenario | answered req/s | failed | other |");
  console.log("|---|---|---|---|");
  console.log(
    `| a replica stops answering (3 clients), until its health check takes it out | ` +
      `${median(kills.map((k) => k.rps)).toFixed(0)} | ${kills.reduce((n, k) => n + k.failed, 0)} | ` +
      `taken out after ${ms(median(kills.map((k) => k.takenOutMs)))} |`,
  );
  console.log(
    `| ${SWITCHES} route switches every ${SWITCH_EVERY_MS} ms (4 clients) | ` +
      `${median(switches.map((s) => s.rps)).toFixed(0)} | ${switches.reduce((n, s) => n + s.failed, 0)} | ` +
      `answered by an old route: ${switches.reduce((n, s) => n + s.oldRoute, 0)} |`,
  );
  console.log(`raw: ${JSON.stringify({ kills, switches })}`);
} finally {
  agent.destroy();
  await haproxy.stop();
  await close(a);
  await close(b);
}
process.exit(0);
