// Idle cost of the controller as apps grow: N live apps of one sleeping container each (labelled and
// recorded as Pier runs them, started straight from a tiny image, no build), a controller process of its
// own looking after them, and nothing happening. Over `seconds`, the CPU time the controller, dockerd and
// containerd spent (from /proc/<pid>/stat), as % of one core, and the requests the controller sent the
// engine (it talks to it through a counting proxy socket): dockerd's share of the machine is busy with
// everything else running on it, the requests are the controller's alone.
//
//   npx tsx bench/idle-controller.ts [counts=0,50] [seconds=30]
//
// measureIdleController() is what bench/footprint.ts calls for the same figures.
import { createPrismaClient } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { loadConfig, type PierConfig } from "@pier/shared";
import { buildIdleImage, removeIdleApps, SLEEPING_IMAGE, startIdleApps } from "./idle-apps.ts";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import net from "node:net";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The longest a controller may take to start and run retention once (its compile, on a busy machine). */
const WARM_UP_MAX_MS = 120_000;
/** After that: its first resource sample and stuck-deployments check are over too. */
const SETTLE_MS = 12_000;

export interface IdleFigure {
  apps: number;
  seconds: number;
  /** CPU time over the window, % of one core. */
  controller: number;
  dockerd: number | null;
  containerd: number | null;
  /** Requests the controller sent the Docker engine, per minute. */
  engineRequestsPerMinute: number;
  /** The machine's 1-minute load average at the end (other work running beside the bench). */
  load: number;
}

/** Ticks of CPU (user + system) a process used so far; null when it is gone or not visible. */
async function cpuTicks(pid: number): Promise<number | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (stat === null) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of the line)
}

const pidOf = (name: string): number | null => {
  try {
    return Number(execFileSync("pgrep", ["-x", "-o", name], { encoding: "utf8" }).trim()) || null;
  } catch {
    return null;
  }
};

/** % of one core each process spent over `ms` (100 ticks per second, Linux's USER_HZ). */
async function cpuPercent(pids: Array<number | null>, ms: number): Promise<Array<number | null>> {
  const before = await Promise.all(pids.map((pid) => (pid ? cpuTicks(pid) : null)));
  await new Promise((r) => setTimeout(r, ms));
  const after = await Promise.all(pids.map((pid) => (pid ? cpuTicks(pid) : null)));
  return before.map((b, i) => {
    const a = after[i];
    return b === null || a === null || a === undefined ? null : Math.round(((a - b) / 100 / (ms / 1000)) * 1000) / 10;
  });
}

/** A request line of HTTP/1.1 at the start of a chunk or after the previous message's CRLF. */
const REQUEST_LINE = /(?:^|\r\n)(?:GET|POST|PUT|DELETE|HEAD) \/\S* HTTP\/1\.[01]\r\n/g;

/** A unix socket in front of the engine's that counts the requests going through it. */
async function countingProxy(engineSocket: string): Promise<{ path: string; requests(): number; close(): void }> {
  const socketPath = path.join(tmpdir(), `pier-idle-${randomBytes(4).toString("hex")}.sock`);
  let requests = 0;
  const server = net.createServer((client) => {
    const engine = net.connect(engineSocket);
    client.on("data", (chunk: Buffer) => (requests += chunk.toString("latin1").match(REQUEST_LINE)?.length ?? 0));
    client.pipe(engine).pipe(client);
    const end = () => {
      client.destroy();
      engine.destroy();
    };
    for (const side of [client, engine]) side.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    path: socketPath,
    requests: () => requests,
    close: () => {
      server.close();
      void rm(socketPath, { force: true });
    },
  };
}

/**
 * A controller process of its own, looking after the apps of `prefix`. Resolves once it has started and its
 * first retention run (the job scheduler runs one at once) is done, and `settleMs` more have passed.
 */
async function startControllerProcess(
  config: PierConfig,
  prefix: string,
  dockerSocket: string,
  settleMs: number,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "apps/controller/src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: config.DATABASE_URL,
      REDIS_URL: config.REDIS_URL,
      PIER_QUEUE_NAME: `bench-${randomUUID()}`,
      PIER_CONTROLLER_APP_PREFIX: prefix,
      PIER_DOCKER_SOCKET: dockerSocket,
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const seen = new Set<string>();
  let pending = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    pending += chunk.toString("utf8");
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      const { level, msg } = JSON.parse(line) as { level: number; msg: string };
      seen.add(msg.endsWith("started") ? "started" : msg);
      if (level >= 40) process.stderr.write(`${line}\n`);
    }
  });
  const deadline = Date.now() + WARM_UP_MAX_MS;
  while (!(seen.has("started") && seen.has("retention done"))) {
    if (child.exitCode !== null) throw new Error(`the controller exited (${child.exitCode})`);
    if (Date.now() > deadline)
      throw new Error(`the controller did not start and run retention in ${WARM_UP_MAX_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, settleMs));
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * For each count (ascending), that many idle apps, a fresh controller once started and settled, then `seconds`
 * measured.
 * Uses the test database (PIER_TEST_DATABASE_URL) and removes its apps and containers when done.
 */
export async function measureIdleController(counts: number[], seconds: number): Promise<IdleFigure[]> {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: process.env.PIER_TEST_DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier_test",
  });
  const prisma = createPrismaClient(config.DATABASE_URL);
  const runtime = createRuntime("docker", { socketPath: config.PIER_DOCKER_SOCKET });
  buildIdleImage(SLEEPING_IMAGE);
  const prefix = `idle-${randomBytes(3).toString("hex")}-`;
  const figures: IdleFigure[] = [];
  let running = 0;
  try {
    for (const count of [...counts].sort((a, b) => a - b)) {
      await startIdleApps(prisma, runtime, { prefix, count: count - running, from: running, image: SLEEPING_IMAGE });
      running = count;
      const proxy = await countingProxy(config.PIER_DOCKER_SOCKET);
      const controller = await startControllerProcess(config, prefix, proxy.path, SETTLE_MS);
      try {
        const requestsBefore = proxy.requests();
        const [ctl, dockerd, containerd] = await cpuPercent(
          [controller.pid ?? null, pidOf("dockerd"), pidOf("containerd")],
          seconds * 1000,
        );
        figures.push({
          apps: count,
          seconds,
          controller: ctl ?? NaN,
          dockerd: dockerd!,
          containerd: containerd!,
          engineRequestsPerMinute: Math.round(((proxy.requests() - requestsBefore) * 60) / seconds),
          load: loadavg()[0]!,
        });
      } finally {
        await stopProcess(controller);
        proxy.close();
      }
    }
  } finally {
    await removeIdleApps(prisma, runtime, prefix);
    await prisma.$disconnect();
  }
  return figures;
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? "")) {
  const counts = (process.argv[2] ?? "0,50").split(",").map(Number);
  const seconds = Number(process.argv[3] ?? 30);
  for (const f of await measureIdleController(counts, seconds))
    console.log(
      `${String(f.apps).padStart(3)} idle apps, ${f.seconds} s: controller ${f.controller} % of a core, ` +
        `${f.engineRequestsPerMinute} engine requests/min; ` +
        `dockerd ${f.dockerd ?? "?"} %, containerd ${f.containerd ?? "?"} % ` +
        `(with the machine's other work; load ${f.load})`,
    );
}
