import http from "node:http";
import type { AddressInfo } from "node:net";
import type { RouterLogger } from "../logger.ts";
import { ACTIVATOR, type RouterView, splitEndpoint } from "../route-entries.ts";
import { routeKeyOf } from "./route-key.ts";

export interface Activator {
  /** Where HAProxy's `activator` backend sends requests (127.0.0.1). */
  port: number;
  /** A new route table is in service: requests held for apps that serve again go to their replicas. */
  update(table: ActivatorView): void;
  /** Requests held right now, per app id (they are that app's load too). */
  heldByApp(): Map<string, number>;
  /** Requests that arrived per app id since the last call. */
  takeArrivals(): Map<string, number>;
  close(): Promise<void>;
}

/** What the activator reads of the route table: where each host goes, and which app a sleeping host wakes. */
export type ActivatorView = Pick<RouterView, "entries" | "wakeable">;

export interface ActivatorOptions {
  timeoutMs: number;
  maxHeldPerApp: number;
  /** Asks for the app to be started (the controller listens); called again every second while requests wait. */
  wake(appId: string): Promise<void>;
  logger: RouterLogger;
}

interface Held {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  /** The route table key its host is served by. */
  key: string;
  timer: NodeJS.Timeout;
}

const WAKE_AGAIN_MS = 1_000;
const FORWARD_ATTEMPTS = 3;

/**
 * The activator (Knative's name): HAProxy sends it the requests for an app that scaled to zero. It holds
 * each one (up to a bound per app, and a timeout) instead of answering 503, asks the controller to start
 * the app, and once the router's table has a replica for it, forwards the held requests there. Bodies
 * stay unread until then (TCP backpressure), so nothing is buffered here.
 */
export async function startActivator(options: ActivatorOptions): Promise<Activator> {
  let table: ActivatorView = { entries: new Map(), wakeable: new Map() };
  const held = new Map<string, Held[]>();
  const lastWake = new Map<string, number>();
  let arrivals = new Map<string, number>();
  const agent = new http.Agent({ keepAlive: true });
  let roundRobin = 0;

  const wake = (appId: string) => {
    lastWake.set(appId, Date.now());
    options
      .wake(appId)
      .catch((error) => options.logger.error({ err: error, appId }, "could not ask for the app to be started"));
  };

  const answer = (res: http.ServerResponse, status: number, message: string, headers: Record<string, string> = {}) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
    res.end(`${message}\n`);
  };

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, endpoints: string[], attempt = 1) => {
    const endpoint = endpoints[roundRobin++ % endpoints.length]!;
    const { address, port } = splitEndpoint(endpoint);
    const upstream = http.request(
      { host: address, port, method: req.method, path: req.url, headers: req.headers, agent },
      (response) => {
        res.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(res);
      },
    );
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      // A replica that has only just come up may still refuse; a body-less request can simply go again.
      const replayable = req.method === "GET" || req.method === "HEAD";
      if (replayable && !res.headersSent && attempt < FORWARD_ATTEMPTS) {
        setTimeout(() => forward(req, res, endpoints, attempt + 1), 50 * attempt).unref();
        return;
      }
      options.logger.warn({ err: error, endpoint }, "activator could not forward a held request");
      answer(res, 502, "The app started but did not answer.");
    });
    res.on("close", () => upstream.destroy());
    req.pipe(upstream);
  };

  const release = (appId: string) => {
    const waiting = held.get(appId) ?? [];
    held.delete(appId);
    for (const entry of waiting) {
      clearTimeout(entry.timer);
      const route = table.entries.get(entry.key);
      if (Array.isArray(route) && route.length) forward(entry.req, entry.res, route);
      else answer(entry.res, 503, "This app is not running.");
    }
  };

  const server = http.createServer((req, res) => {
    const key = routeKeyOf(req.headers.host ?? "", (k) => table.entries.has(k));
    const route = key === null ? undefined : table.entries.get(key);
    if (Array.isArray(route) && route.length) return forward(req, res, route); // woke between HAProxy's lookup and now
    const appId = key === null ? undefined : table.wakeable.get(key);
    if (route !== ACTIVATOR || !appId || key === null) return answer(res, 503, "This app is not running.");
    arrivals.set(appId, (arrivals.get(appId) ?? 0) + 1);
    const queue = held.get(appId) ?? [];
    if (queue.length >= options.maxHeldPerApp)
      return answer(res, 503, "The app is starting and too many requests are waiting; try again.", {
        "retry-after": "1",
      });
    const entry: Held = {
      req,
      res,
      key,
      timer: setTimeout(() => {
        const list = held.get(appId) ?? [];
        const at = list.indexOf(entry);
        if (at >= 0) list.splice(at, 1);
        answer(res, 504, `The app did not start within ${options.timeoutMs} ms.`);
      }, options.timeoutMs),
    };
    queue.push(entry);
    held.set(appId, queue);
    // A client that gives up leaves the queue.
    res.on("close", () => {
      const list = held.get(appId);
      const at = list?.indexOf(entry) ?? -1;
      if (list && at >= 0) {
        clearTimeout(entry.timer);
        list.splice(at, 1);
      }
    });
    if (queue.length === 1 || Date.now() - (lastWake.get(appId) ?? 0) >= WAKE_AGAIN_MS) wake(appId);
  });
  server.keepAliveTimeout = 65_000;
  // Held requests may wait as long as the timeout allows.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  // While requests wait, ask again every second: a controller that restarted missed the first call.
  const rewake = setInterval(() => {
    for (const [appId, queue] of held)
      if (queue.length && Date.now() - (lastWake.get(appId) ?? 0) >= WAKE_AGAIN_MS) wake(appId);
  }, 250);
  rewake.unref();

  return {
    port: (server.address() as AddressInfo).port,
    update(next) {
      table = next;
      for (const appId of [...held.keys()]) {
        const key = held.get(appId)?.[0]?.key;
        if (key !== undefined && table.entries.get(key) !== ACTIVATOR) release(appId);
      }
    },
    heldByApp: () => new Map([...held].map(([appId, queue]) => [appId, queue.length])),
    takeArrivals() {
      const taken = arrivals;
      arrivals = new Map();
      return taken;
    },
    async close() {
      clearInterval(rewake);
      for (const queue of held.values()) for (const entry of queue) answer(entry.res, 503, "The router is stopping.");
      held.clear();
      agent.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
