import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "@pier/shared";
import { existsSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { testApps } from "../../../tests/support/apps.ts";
import { eventually } from "../../../tests/support/eventually.ts";
import { freePort } from "../../../tests/support/free-port.ts";
import { getViaRouter } from "../../../tests/support/http.ts";
import { haproxyPidsListeningOn } from "../../../tests/support/listening.ts";
import { httpsGet } from "../../../tests/support/certificates.ts";
import { keepRequesting } from "../../../tests/support/load.ts";
import { startPlatform, testEnv, type Platform } from "../../../tests/support/platform.ts";
import { PrivateRedis } from "../../../tests/support/private-redis.ts";
import { RouterProcess } from "../../../tests/support/router-process.ts";

// A router process killed outright (kill -9) leaves its HAProxy serving; the next router must take the
// port over from it without failing a request, and leave exactly one HAProxy on the port.

const server =
  `require("http").createServer((q, s) => s.end("takeover")).listen(Number(process.env.PORT));\n` +
  `process.on("SIGTERM", () => process.exit(0));\n`;

/** The one process holding the router's port, once there is exactly one and it is not `previous`. */
async function soleListener(port: number, previous: number | null): Promise<number | null> {
  const pids = await haproxyPidsListeningOn(port);
  return pids.length === 1 && pids[0] !== previous ? pids[0]! : null;
}

/** Whether the process runs (a zombie, never reaped once its parent router was killed, counts as gone). */
const isRunning = async (pid: number) => {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  return stat !== null && !/^\d+ \(.*\) Z/.test(stat);
};

describe("router takeover after kill -9", () => {
  const env = testEnv();
  let platform: Platform;
  const apps = testApps(() => platform, "takeover");
  let host = "";
  let port = 0;
  let tlsPort = 0;
  const routers: RouterProcess[] = [];
  let privateRedis: PrivateRedis | undefined;

  beforeAll(async () => {
    // A Redis of its own: every router on a Redis acknowledges each production switch, and a router killed
    // here leaves its acknowledgement key for 30 s, holding up other files' switches on the shared one.
    privateRedis = await PrivateRedis.create();
    env.REDIS_URL = privateRedis.url;
    platform = await startPlatform(loadConfig(env));
    const { name } = await apps.create({
      "package.json": JSON.stringify({ name: "takeover", scripts: { start: "node server.js" } }),
      "server.js": server,
    });
    expect((await apps.deploy(name)).status).toBe("READY");
    host = `${name}.localhost`;
    port = await freePort();
    // HTTPS too: the new HAProxy takes both listening sockets over.
    tlsPort = await freePort();
    env.PIER_ROUTER_TLS_PORT = String(tlsPort);
  });
  afterAll(async () => {
    for (const router of routers) await router.kill("SIGTERM");
    // A test that failed midway may have left a killed router's HAProxy serving: end it too.
    for (const pid of port ? await haproxyPidsListeningOn(port) : []) process.kill(pid, "SIGTERM");
    await apps.cleanup();
    await platform?.close();
    await privateRedis?.remove();
  });

  const startRouter = async (previousHaproxy: number | null) => {
    const router = new RouterProcess(env, port);
    routers.push(router);
    const haproxy = await eventually(
      () => soleListener(port, previousHaproxy),
      `one HAProxy, not ${previousHaproxy}, listening on ${port}`,
      30_000,
    );
    await eventually(
      async () => (await getViaRouter(port, host, "/", 1_000)).status === 200,
      `the router on ${port} serving ${host}`,
    );
    return { router, haproxy };
  };

  it("a new router takes over from the killed one's HAProxy: no request fails, one HAProxy remains", async () => {
    const first = await startRouter(null);
    const load = keepRequesting(port, host, { concurrency: 4, pauseMs: 2, maxRequests: 200_000, maxMs: 90_000 });
    try {
      await eventually(async () => load.result.ok >= 100, "requests answered before the kill");
      await first.router.kill("SIGKILL");
      expect(await isRunning(first.haproxy)).toBe(true); // left serving
      const okAtKill = load.result.ok;
      await eventually(async () => load.result.ok >= okAtKill + 100, "requests answered by the orphaned HAProxy");

      const second = await startRouter(first.haproxy);
      const okAtTakeover = load.result.ok;
      await eventually(async () => load.result.ok >= okAtTakeover + 300, "requests answered after the takeover");
      // Requests were answered at each stage (the waits above); none failed.
      const result = await load.stop();
      expect(result.failures).toEqual({});
      // It answered its last kept-alive requests with Connection: close, so it ends well before hard-stop-after.
      await eventually(
        async () => !(await isRunning(first.haproxy)),
        `the HAProxy taken over (${first.haproxy}) gone`,
        15_000,
      );
      expect(await haproxyPidsListeningOn(port)).toEqual([second.haproxy]);
      expect((await httpsGet(tlsPort, host)).status).toBe(200);
    } finally {
      await load.stop();
    }
  });

  it("falls back to ending the leftover HAProxy when its admin socket is gone, still leaving one HAProxy", async () => {
    const current = routers.at(-1)!;
    const leftover = (await haproxyPidsListeningOn(port))[0]!;
    await current.kill("SIGKILL");
    // The record the killed router left: `<haproxyPid> <routerPid> <runDir>`.
    const runDir = (await readFile(path.join(tmpdir(), `pier-router-haproxy-${port}.pid`), "utf8")).split(" ")[2]!;
    await rm(path.join(runDir, "admin.sock"));
    const next = await startRouter(leftover);
    expect(await isRunning(leftover)).toBe(false);
    expect(await haproxyPidsListeningOn(port)).toEqual([next.haproxy]);
    expect((await httpsGet(tlsPort, host)).status).toBe(200);
    await eventually(async () => !existsSync(runDir), `the leftover's run directory ${runDir} removed`);
  });
});
