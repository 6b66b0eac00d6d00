import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { startHaproxy, type Haproxy } from "../src/haproxy/haproxy.ts";
import { startLatencyLog, type LatencyLog } from "../src/metrics/latency-log.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { freePort } from "../../../tests/support/free-port.ts";

// HAProxy logs a request's latency with probability samplesPerSecond / its frontend's request rate: every request
// under that rate, and about samplesPerSecond a second above it, from a burst's first second on.
const SAMPLES_PER_SECOND = 20;
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

function get(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, agent, headers: { host: "web.localhost" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Lines received so far (all of one slot), without resetting what was counted. */
function linesIn(taken: Map<number, number[]>): number {
  let total = 0;
  for (const counts of taken.values()) total += counts.reduce((a, b) => a + b, 0);
  return total;
}

describe("latency sampling", () => {
  const upstream = http.createServer((_req, res) => res.end("ok"));
  let haproxy: Haproxy;
  let log: LatencyLog;
  let port = 0;
  let logged = 0;
  const receivedNow = () => (logged += linesIn(log.take()));

  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    port = await freePort();
    haproxy = await startHaproxy(
      "haproxy",
      {
        host: "127.0.0.1",
        port,
        threads: 1,
        slots: 2,
        serversPerSlot: 1,
        activator: { port: 9, timeoutMs: 1_000 },
        latencyLog: { samplesPerSecond: SAMPLES_PER_SECOND },
      },
      pino({ level: "silent" }),
    );
    log = startLatencyLog(haproxy.adminSocket, pino({ level: "silent" }));
    const endpoint = `127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    await haproxy.applyRoutes(new Map([["web.localhost", [endpoint]]]));
  });
  afterAll(async () => {
    agent.destroy();
    await log?.close();
    await haproxy?.stop();
    await new Promise((r) => upstream.close(r));
  });

  it("logs every request under the rate, and a small share of a burst above it", async () => {
    // Ten requests, fewer than SAMPLES_PER_SECOND in any second: each one is logged.
    for (let i = 0; i < 10; i++) expect(await get(port)).toBe(200);
    await eventually(async () => receivedNow() === 10, "ten latency lines for ten requests", 10_000);

    // A burst of 3,000 requests, eight at a time (hundreds to thousands a second on any machine).
    logged = 0;
    const startedAt = Date.now();
    let sent = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (sent < 3_000) {
          sent++;
          expect(await get(port)).toBe(200);
        }
      }),
    );
    const seconds = (Date.now() - startedAt) / 1000;
    // Lines still in flight are counted once the collector has had them; the bound below has room for them all.
    await eventually(async () => receivedNow() > 0, "some of the burst logged", 10_000);
    const perSecond = sent / seconds;
    console.log(`burst: ${sent} requests at ${Math.round(perSecond)}/s, ${logged} latency lines`);
    // About SAMPLES_PER_SECOND a second, plus the first second's ramp (all requests logged while the measured rate
    // is below it): a small share at any rate over ~100/s, which the slowest machine beats by far.
    expect(logged).toBeLessThan(sent / 4);
  });
});
