import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { startHaproxy, type Haproxy } from "../src/haproxy/haproxy.ts";
import { parseBackendStats } from "../src/metrics/backend-stats.ts";
import type { RouteEntries, RouteEntry, SplitEntry } from "../src/route-entries.ts";
import { freePort } from "../../../tests/support/free-port.ts";

// A rollout's split in the data plane alone: a real HAProxy in front of real HTTP servers, one "candidate" replica
// and two "production" replicas, routes set as the control plane sets them (apps/router/src/route-entries.ts).

const HOST = "shop.localhost";
const CANDIDATE = "cand0000deploy01";
const PRODUCTION = "prod0000deploy01";

interface Answer {
  status: number;
  version: string;
  replica: string;
  setCookie: string | undefined;
}

function replica(version: string, name: string): http.Server {
  return http.createServer((_req, res) => {
    res.setHeader("x-version", version);
    res.setHeader("x-replica", name);
    res.end(version);
  });
}

function listen(server: http.Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function get(port: number, host: string, cookie?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { host };
    if (cookie) headers.cookie = cookie;
    const req = http.request({ host: "127.0.0.1", port, agent, path: "/", headers }, (res) => {
      res.resume();
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          version: String(res.headers["x-version"] ?? ""),
          replica: String(res.headers["x-replica"] ?? ""),
          setCookie: res.headers["set-cookie"]?.[0],
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

/** `total` requests, `concurrency` at a time (a bounded loop on 127.0.0.1). */
async function many<T>(total: number, concurrency: number, send: () => Promise<T>): Promise<T[]> {
  const answers: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) answers.push(await send());
    }),
  );
  return answers;
}

describe("a host split between two versions (rollouts)", () => {
  const servers = [replica(CANDIDATE, "c1"), replica(PRODUCTION, "p1"), replica(PRODUCTION, "p2")];
  let candidate: string[];
  let production: string[];
  let port = 0;
  let haproxy: Haproxy;
  const split = (share: number): SplitEntry => ({
    share,
    versions: [
      { id: CANDIDATE, endpoints: candidate },
      { id: PRODUCTION, endpoints: production },
    ],
  });
  const routes = (entry: SplitEntry | string[]): RouteEntries =>
    new Map<string, RouteEntry>([
      [HOST, entry],
      ["plain.localhost", production],
    ]);
  const pid = async () => /^Pid: (\d+)$/m.exec(await haproxy.query("show info"))?.[1];
  const slotRequests = async () => parseBackendStats(await haproxy.query("show stat -1 2 -1"));

  beforeAll(async () => {
    const endpoints = await Promise.all(servers.map(listen));
    candidate = endpoints.slice(0, 1);
    production = endpoints.slice(1);
    port = await freePort();
    haproxy = await startHaproxy(
      "haproxy",
      { host: "127.0.0.1", port, threads: 1, slots: 8, serversPerSlot: 4, activator: { port: 9, timeoutMs: 1_000 } },
      pino({ level: "silent" }),
    );
    await haproxy.applyRoutes(routes(split(25)));
  });
  afterAll(async () => {
    agent.destroy();
    await haproxy?.stop();
    for (const server of servers) await new Promise((r) => server.close(r));
  });

  it("gives the candidate 25 % ± 3 % of 2,000 new clients, each told its version in a cookie", async () => {
    const before = await slotRequests();
    const answers = await many(2_000, 8, () => get(port, HOST));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const toCandidate = answers.filter((a) => a.version === CANDIDATE).length;
    const share = toCandidate / answers.length;
    console.log(`split at 25 %: the candidate got ${(share * 100).toFixed(1)} % of 2,000 new clients`);
    expect(share).toBeGreaterThanOrEqual(0.22);
    expect(share).toBeLessThanOrEqual(0.28);
    for (const a of answers) expect(a.setCookie).toBe(`pier_v=${a.version}; Path=/; HttpOnly; SameSite=Lax`);
    // Each version's requests are counted on its own backend slot: the gate reads the candidate's alone.
    const after = await slotRequests();
    const slots = haproxy.slots.endpointsBySlot();
    const slotOf = (endpoints: string[]) => [...slots].find(([, e]) => e.join() === [...endpoints].sort().join())![0];
    const counted = (endpoints: string[]) =>
      after.get(slotOf(endpoints))!.requests - (before.get(slotOf(endpoints))?.requests ?? 0);
    expect(counted(candidate)).toBe(toCandidate);
    expect(counted(production)).toBe(answers.length - toCandidate);
  });

  it("keeps a client holding the cookie on its version for 50 requests, on any replica of it", async () => {
    const onCandidate = await many(50, 2, () => get(port, HOST, `a=1; pier_v=${CANDIDATE}`));
    expect(new Set(onCandidate.map((a) => a.version))).toEqual(new Set([CANDIDATE]));
    expect(onCandidate.every((a) => a.setCookie === undefined)).toBe(true);
    const onProduction = await many(50, 2, () => get(port, HOST, `pier_v=${PRODUCTION}`));
    expect(new Set(onProduction.map((a) => a.version))).toEqual(new Set([PRODUCTION]));
    // Sticky to the version, not to a server: production's two replicas share the client's requests.
    expect(new Set(onProduction.map((a) => a.replica))).toEqual(new Set(["p1", "p2"]));
    // A cookie naming neither version (an older rollout's) counts as a new client, and gets a new cookie.
    const stale = await get(port, HOST, "pier_v=someolddeploy");
    expect(stale.setCookie).toBe(`pier_v=${stale.version}; Path=/; HttpOnly; SameSite=Lax`);
    // Hosts without a split never set it.
    expect((await get(port, "plain.localhost")).setCookie).toBeUndefined();
  });

  it("moves every client to production at weight 0, cookie holders too, no request failed, no reload", async () => {
    const pidBefore = await pid();
    const timings: number[] = [];
    for (const share of [50, 10, 90, 25]) {
      const begun = performance.now();
      await haproxy.applyRoutes(routes(split(share)));
      timings.push(performance.now() - begun);
    }
    let running = true;
    const during: Answer[] = [];
    const holders = Array.from({ length: 4 }, async () => {
      while (running) during.push(await get(port, HOST, `pier_v=${CANDIDATE}`));
    });
    while (during.length < 100) await new Promise((r) => setTimeout(r, 5));
    const begun = performance.now();
    await haproxy.applyRoutes(routes(production)); // the route table's entry at weight 0: production alone
    timings.push(performance.now() - begun);
    const switchedAt = during.length;
    const after = await many(200, 4, () => get(port, HOST, `pier_v=${CANDIDATE}`));
    running = false;
    await Promise.all(holders);
    console.log(
      `weight changes applied by HAProxy in ${timings.map((t) => t.toFixed(1)).join(", ")} ms ` +
        `(map swap through the runtime API); ${during.length} cookie holders' requests during the change`,
    );
    expect([...during, ...after].filter((a) => a.status !== 200)).toEqual([]);
    expect(during.slice(0, switchedAt).some((a) => a.version === CANDIDATE)).toBe(true);
    expect(new Set(after.map((a) => a.version))).toEqual(new Set([PRODUCTION]));
    expect(await pid()).toBe(pidBefore);
  });
});
