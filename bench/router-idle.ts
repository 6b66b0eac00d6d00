// The router's CPU at idle with many deployments routed: a real router process (as `npm start` runs it, but
// compiled by tsx, as tests/support/router-process.ts starts it) and its HAProxy, on a database of their own
// (pier_router_idle) holding N apps, each with a production deployment of one replica, and a private Redis.
// The replicas are N small HTTP servers in this process; a stand-in for the Docker engine (a unix socket
// answering `GET /containers/json`) tells the router they run, so no container is started.
//
// Once every app answers through the router, it settles (the first metrics sample and load records of those
// requests are written), then reads utime+stime of the router and of its HAProxy from /proc for --seconds,
// in --windows windows, and prints the CPU of each (% of one core) and their mean.
//
//   npx tsx bench/router-idle.ts [--apps=50] [--seconds=30] [--windows=3] [--settle=15] [--profile=<dir>]
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPrismaClient, ensureDatabase, migrateDeploy } from "@pier/db";
import { LABELS } from "@pier/shared";
import { freePorts } from "../tests/support/free-port.ts";
import { PrivateRedis } from "../tests/support/private-redis.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const STARTUP_MS = 60_000;
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

const { values: args } = parseArgs({
  options: {
    apps: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    windows: { type: "string", default: "3" },
    settle: { type: "string", default: "15" },
    /** A directory: the router writes a CPU profile there (node --cpu-prof) when it stops. */
    profile: { type: "string" },
  },
});
const APPS = Number(args.apps);
const SECONDS = Number(args.seconds);
const WINDOWS = Number(args.windows);
const SETTLE_SECONDS = Number(args.settle);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** utime+stime (clock ticks), name and parent of a process, or null once it is gone. */
async function procStat(pid: number): Promise<{ name: string; ppid: number; ticks: number } | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!stat) return null;
  // The name may hold spaces and parentheses: the fields after it start at its last ')'.
  const close = stat.lastIndexOf(")");
  const fields = stat.slice(close + 2).split(" ");
  if (fields[0] === "Z") return null;
  return {
    name: stat.slice(stat.indexOf("(") + 1, close),
    ppid: Number(fields[1]),
    ticks: Number(fields[11]) + Number(fields[12]),
  };
}

async function haproxyOf(routerPid: number): Promise<number | null> {
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await procStat(Number(entry));
    if (stat?.ppid === routerPid && stat.name === "haproxy") return Number(entry);
  }
  return null;
}

function get(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/", headers: { host }, agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.setTimeout(2_000, () => req.destroy(new Error("no answer within 2 s")));
    req.on("error", reject);
    req.end();
  });
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${STARTUP_MS / 1000} s`);
    await sleep(200);
  }
}

const listen = (server: http.Server, where: number | string) =>
  new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (typeof where === "number") server.listen(where, "127.0.0.1", () => resolve());
    else server.listen(where, () => resolve());
  });
const closeServer = (server: http.Server) =>
  new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });

const databaseUrl =
  process.env.PIER_ROUTER_IDLE_DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier_router_idle";
await ensureDatabase(databaseUrl);
await migrateDeploy(databaseUrl);
const prisma = createPrismaClient(databaseUrl);
await prisma.app.deleteMany();

const [routerPort, ...replicaPorts] = (await freePorts(APPS + 1)) as [number, ...number[]];
const apps = replicaPorts.map((port, i) => ({ id: randomUUID(), deploymentId: randomUUID(), name: `idle-${i}`, port }));
for (const app of apps) {
  await prisma.app.create({ data: { id: app.id, name: app.name, repoUrl: "file:///nowhere", webhookSecret: "x" } });
  await prisma.deployment.create({
    data: { id: app.deploymentId, shortId: "d0", appId: app.id, status: "READY", trigger: "API", branch: "main" },
  });
  await prisma.app.update({ where: { id: app.id }, data: { productionDeploymentId: app.deploymentId } });
}

const replicas = replicaPorts.map(() => http.createServer((_req, res) => res.end("idle")));
await Promise.all(replicas.map((server, i) => listen(server, replicaPorts[i]!)));

// What the router asks the engine: the running containers Pier manages, one per app here.
const containers = apps.map((app) => ({
  Id: app.deploymentId.replaceAll("-", ""),
  Names: [`/${app.name}`],
  Image: "idle",
  State: "running",
  Labels: { [LABELS.managed]: "true", [LABELS.appId]: app.id, [LABELS.deployment]: app.deploymentId },
  Ports: [{ IP: "127.0.0.1", PrivatePort: 3000, PublicPort: app.port, Type: "tcp" }],
}));
const workDir = await mkdtemp(path.join(tmpdir(), "pier-router-idle-"));
const engine = http.createServer((req, res) => {
  const known = req.method === "GET" && /\/containers\/json(\?|$)/.test(req.url ?? "");
  res.writeHead(known ? 200 : 404, { "content-type": "application/json" });
  res.end(JSON.stringify(known ? containers : { message: `not in this stand-in: ${req.method} ${req.url}` }));
});
const engineSocket = path.join(workDir, "docker.sock");
await listen(engine, engineSocket);
const redis = await PrivateRedis.create();

const profile = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
const router = spawn(process.execPath, [...profile, "--import", "tsx", "apps/router/src/main.ts"], {
  cwd: ROOT,
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    PIER_DOCKER_SOCKET: engineSocket,
    PIER_ROUTER_HOST: "127.0.0.1",
    PIER_ROUTER_PORT: String(routerPort),
    PIER_ROUTER_TLS_PORT: "off",
    PIER_WORK_DIR: workDir,
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const exited = new Promise<void>((resolve) => router.once("exit", () => resolve()));

try {
  await until(
    "the router answering 404 for a host of no app",
    async () => (await get(routerPort, "none.invalid")) === 404,
  );
  await until(`all ${APPS} apps answering through the router`, async () => {
    const statuses = await Promise.all(apps.map((app) => get(routerPort, `${app.name}.localhost`)));
    return statuses.every((status) => status === 200);
  });
  const haproxyPid = await haproxyOf(router.pid!);
  if (haproxyPid === null) throw new Error("the router's HAProxy was not found");
  await sleep(SETTLE_SECONDS * 1000);

  const cpu = { router: [] as number[], haproxy: [] as number[] };
  for (let w = 0; w < WINDOWS; w++) {
    const [router0, haproxy0] = [await procStat(router.pid!), await procStat(haproxyPid)];
    const started = performance.now();
    await sleep(SECONDS * 1000);
    const [router1, haproxy1] = [await procStat(router.pid!), await procStat(haproxyPid)];
    const seconds = (performance.now() - started) / 1000;
    if (!router0 || !router1 || !haproxy0 || !haproxy1) throw new Error("the router or its HAProxy exited");
    const percent = (ticks: number) => (ticks / TICKS_PER_SECOND / seconds) * 100;
    cpu.router.push(percent(router1.ticks - router0.ticks));
    cpu.haproxy.push(percent(haproxy1.ticks - haproxy0.ticks));
    const load = loadavg()[0]!.toFixed(2);
    console.log(
      `window ${w + 1}/${WINDOWS} (${seconds.toFixed(1)} s, load ${load}): ` +
        `router ${cpu.router.at(-1)!.toFixed(2)} %, HAProxy ${cpu.haproxy.at(-1)!.toFixed(2)} % of one core`,
    );
  }
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / list.length;
  console.log(
    `\nidle with ${APPS} apps routed, ${WINDOWS} × ${SECONDS} s: router ${mean(cpu.router).toFixed(2)} % ` +
      `(min ${Math.min(...cpu.router).toFixed(2)}), HAProxy ${mean(cpu.haproxy).toFixed(2)} % of one core`,
  );
} finally {
  router.kill("SIGTERM");
  await exited;
  await Promise.all([...replicas, engine].map(closeServer));
  await redis.remove();
  await prisma.app.deleteMany();
  await prisma.$disconnect();
  await rm(workDir, { recursive: true, force: true });
}
