import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { connect, createServer, type Server, type Socket } from "node:net";
import { buildApp } from "../src/build-app.ts";
import { limitRequests, RequestCounters } from "../src/plugins/app/rate-limit.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { testConfig } from "../../../tests/support/platform.ts";

/** A local port nothing listens on: Redis there is "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

interface RedisProxy {
  url: string;
  /** Stops answering: open connections are cut, new ones refused. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

/** A TCP hop in front of the test Redis that can be taken down and brought back on the same port. */
async function redisProxy(target: URL): Promise<RedisProxy> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const up = async () => {
    if (server) return;
    const listening = createServer((client) => {
      const upstream = connect(Number(target.port || 6379), target.hostname);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => listening.listen(port, "127.0.0.1", resolve));
    port = (listening.address() as { port: number }).port;
    server = listening;
  };
  const down = async () => {
    const stopping = server;
    server = null;
    for (const s of sockets) s.destroy();
    if (stopping) await new Promise((resolve) => stopping.close(resolve));
  };
  await up();
  return { url: `redis://127.0.0.1:${port}${target.pathname}`, up, down, close: down };
}

/** A logger that keeps what was logged at error level. */
function recordingLogger(errors: string[]): FastifyBaseLogger {
  const logger = {
    level: "info",
    fatal() {},
    warn() {},
    info() {},
    debug() {},
    trace() {},
    silent() {},
    error: (_obj: unknown, msg?: string) => void errors.push(msg ?? ""),
    child: () => logger,
  };
  return logger as unknown as FastifyBaseLogger;
}

describe("rate limits while Redis is down: requests go through, the error is logged", () => {
  let port: number;
  let down: Redis;

  beforeAll(async () => {
    port = await closedPort();
    down = new Redis(`redis://127.0.0.1:${port}`, { maxRetriesPerRequest: 1 });
    down.on("error", () => {});
  });
  afterAll(() => down.disconnect());

  it("counters answer null at once and log", async () => {
    const errors: string[] = [];
    const counters = new RequestCounters(down, recordingLogger(errors));
    const started = Date.now();
    expect(await counters.count(`pier:test:${port}`, 60_000)).toBeNull();
    // At once: no waiting for Redis to come back (its retries would take minutes); the deadline is one a
    // loaded machine meets, and bench/api-answers.ts prints how soon it answers.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(errors).toEqual([expect.stringContaining("Redis")]);
  });

  it("a limited scope keeps answering 200", async () => {
    const app = Fastify({ logger: false });
    try {
      const errors: string[] = [];
      await app.register(async (scope) => {
        await limitRequests(scope, {
          counters: new RequestCounters(down, recordingLogger(errors)),
          perMinute: 1,
          name: "down",
          keyOf: () => "everyone",
        });
        scope.get("/ping", async () => ({ ok: true }));
      });
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: "GET", url: "/ping" })).statusCode).toBe(200);
      expect(errors.length).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });

  describe("the whole API while its Redis goes down", () => {
    let api: FastifyInstance;
    let proxy: RedisProxy;
    const config = testConfig();

    beforeAll(async () => {
      proxy = await redisProxy(new URL(config.REDIS_URL));
      api = await buildApp({ ...config, REDIS_URL: proxy.url }, { logger: false });
    });
    afterAll(async () => {
      await proxy.up();
      await api.close();
      await proxy.close();
    }, 60_000);

    it("the API and webhooks answer as usual, not 500", async () => {
      const auth = { authorization: `Bearer ${config.PIER_ADMIN_TOKEN}` };
      expect((await api.inject({ method: "GET", url: "/api/apps", headers: auth })).statusCode).toBe(200);
      await proxy.down();
      await eventually(async () => api.pier.redis.status !== "ready", "the API's Redis connection lost", 20_000, 20);
      for (let i = 0; i < 3; i++)
        expect((await api.inject({ method: "GET", url: "/api/apps", headers: auth })).statusCode).toBe(200);
      const hook = await api.inject({ method: "POST", url: "/webhooks/github/nobody-here", payload: {} });
      expect(hook.statusCode).toBe(404);
    });
  });
});
