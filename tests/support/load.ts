import http from "node:http";

export interface LoadResult {
  ok: number;
  failed: number;
  /** Failures by kind ("HTTP 502", "ECONNRESET", …). */
  failures: Record<string, number>;
  bodies: Set<string>;
  /** Requests sent and not answered yet, right now. */
  inFlight: number;
}

/**
 * Keeps requesting `host` through the router with `concurrency` loops until stopped, or until
 * `maxRequests`/`maxMs` — whichever comes first: load here is always bounded.
 */
export function keepRequesting(
  routerPort: number,
  host: string,
  options: { concurrency?: number; maxRequests?: number; maxMs?: number; pauseMs?: number } = {},
) {
  const { concurrency = 4, maxRequests = 2_000, maxMs = 60_000, pauseMs = 5 } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const result: LoadResult = { ok: 0, failed: 0, failures: {}, bodies: new Set(), inFlight: 0 };
  const started = Date.now();
  let stopped = false;
  const fail = (kind: string) => {
    result.failed++;
    result.failures[kind] = (result.failures[kind] ?? 0) + 1;
  };
  const once = () =>
    new Promise<void>((settle) => {
      result.inFlight++;
      let done = false;
      const resolve = () => {
        if (done) return;
        done = true;
        result.inFlight--;
        settle();
      };
      const req = http.request(
        { host: "127.0.0.1", port: routerPort, path: "/", headers: { host }, agent, timeout: 5_000 },
        (res) => {
          let body = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (body += c));
          res.on("end", () => {
            if (res.statusCode === 200) {
              result.ok++;
              result.bodies.add(body);
            } else fail(`HTTP ${res.statusCode}`);
            resolve();
          });
          res.on("error", (e: NodeJS.ErrnoException) => {
            fail(e.code ?? e.message);
            resolve();
          });
        },
      );
      req.on("timeout", () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
      req.on("error", (e: NodeJS.ErrnoException) => {
        fail(e.code ?? e.message);
        resolve();
      });
      req.end();
    });
  const loop = async () => {
    while (!stopped && result.ok + result.failed < maxRequests && Date.now() - started < maxMs) {
      await once();
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    result,
    async stop(): Promise<LoadResult> {
      stopped = true;
      await Promise.all(loops);
      agent.destroy();
      return result;
    },
  };
}
