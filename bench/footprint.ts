// Pier's own footprint at idle: resident memory and CPU of the supervisor and the processes it runs (API,
// worker, controller, router; HAProxy, below the router, listed apart), started as `npm start` starts them:
// the build, then `node scripts/dist/supervise.js`. With --tsx, as before the build: every process compiled by
// tsx at run time (`node --import tsx scripts/supervise.ts`), for the before/after.
//
// The platform runs on free ports, its own queue and work directory, and a database of its own with no apps
// (pier_footprint, created and migrated here), so it touches no other Pier. Once the API and the router
// answer, it settles, then reads /proc every second: VmRSS, the file-backed part of it (Node's own code,
// mapped by every process: RSS counts it in each), PSS (shared pages split between the processes sharing
// them), and utime+stime over the whole window for CPU (% of one core).
//
// With --apps=N, N idle apps run first (bench/idle-apps.ts: each a Node server in a container of its own, recorded
// as a deploy leaves it), the router routes every one and the controller looks after them; the engine's share is
// measured too: dockerd, containerd, and the shim and port proxy of each app container (dockerd and containerd
// also serve whatever else runs on the machine, so run it on a quiet one).
//
//   npx tsx bench/footprint.ts [--tsx | --skip-build] [--apps=N] [--seconds=30] [--settle=15]
import { execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import http from "node:http";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createPrismaClient, ensureDatabase, migrateDeploy } from "@pier/db";
import { createRuntime } from "@pier/runtime";
import { LABELS, loadConfig } from "@pier/shared";
import { freePorts } from "../tests/support/free-port.ts";
import { HTTP_IMAGE, buildIdleImage, removeIdleApps, startIdleApps } from "./idle-apps.ts";

const GOAL_MB = 300;
/** Pier plus the engine's share at idle, with 100 apps (% of one core). */
const CPU_GOAL = 5;
const STARTUP_MS = 60_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PIER_TITLES = ["pier-supervisor", "pier-api", "pier-worker", "pier-controller", "pier-router"];

const { values: args } = parseArgs({
  options: {
    tsx: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    apps: { type: "string", default: "0" },
    seconds: { type: "string", default: "30" },
    settle: { type: "string", default: "15" },
  },
});
const SECONDS = Number(args.seconds);
const APPS = Number(args.apps);
const SETTLE_SECONDS = Number(args.settle);
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

interface ProcSample {
  pid: number;
  name: string;
  ppid: number;
  rssKb: number;
  fileKb: number;
  pssKb: number;
  cpuTicks: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (kb: number) => kb / 1024;

async function readProc(pid: number): Promise<ProcSample | null> {
  const [stat, status, rollup] = await Promise.all([
    readFile(`/proc/${pid}/stat`, "utf8"),
    readFile(`/proc/${pid}/status`, "utf8"),
    readFile(`/proc/${pid}/smaps_rollup`, "utf8").catch(() => ""),
  ]).catch(() => [null, null, null] as const);
  if (!stat || !status) return null;
  // The name may hold spaces and parentheses: the fields after it start at its last ')'.
  const close = stat.lastIndexOf(")");
  const fields = stat.slice(close + 2).split(" ");
  if (fields[0] === "Z") return null;
  const kb = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? 0);
  return {
    pid,
    name: stat.slice(stat.indexOf("(") + 1, close),
    ppid: Number(fields[1]),
    rssKb: kb(status, "VmRSS"),
    fileKb: kb(status, "RssFile") + kb(status, "RssShmem"),
    pssKb: kb(rollup, "Pss"),
    // utime and stime: fields 14 and 15 of stat, 12 and 13 after the state.
    cpuTicks: Number(fields[11]) + Number(fields[12]),
  };
}

/** Every process the bench saw below the supervisor, so that none can outlive it. */
const seen = new Map<number, string>();

/** The process and every live descendant, found by parent pid in /proc. */
async function tree(root: number): Promise<ProcSample[]> {
  const all = (
    await Promise.all((await readdir("/proc")).filter((e) => /^\d+$/.test(e)).map((e) => readProc(Number(e))))
  ).filter((p): p is ProcSample => p !== null);
  const found = all.filter((p) => p.pid === root);
  for (let i = 0; i < found.length; i++) found.push(...all.filter((p) => p.ppid === found[i]!.pid));
  for (const p of found) seen.set(p.pid, p.name);
  return found;
}

function get(port: number, urlPath: string, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: urlPath, headers: { host }, agent: false, timeout: 2_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 2 s")));
    req.on("error", reject);
    req.end();
  });
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${STARTUP_MS / 1000} s`);
    await sleep(100);
  }
}

const databaseUrl = process.env.PIER_FOOTPRINT_DATABASE_URL ?? "postgresql://pier:pier@127.0.0.1:5432/pier_footprint";
await ensureDatabase(databaseUrl);
await migrateDeploy(databaseUrl);

const appPrefix = `fp-${randomUUID().slice(0, 8)}-`;
const prisma = createPrismaClient(databaseUrl);
const runtime = createRuntime("docker", {
  socketPath: loadConfig({ ...process.env, DATABASE_URL: databaseUrl }).PIER_DOCKER_SOCKET,
});
// What a run that died left: its apps (the database is the bench's own) and their containers.
await removeIdleApps(prisma, runtime, "fp-");
if (APPS > 0) {
  buildIdleImage(HTTP_IMAGE);
  const startedApps = performance.now();
  await startIdleApps(prisma, runtime, { prefix: appPrefix, count: APPS, image: HTTP_IMAGE, memoryMb: 64 });
  console.log(`${APPS} idle apps started in ${((performance.now() - startedApps) / 1000).toFixed(0)} s`);
}

/**
 * The engine's processes that serve these apps: dockerd and containerd (which also serve the rest of the
 * machine), and each app container's shim and port proxy (docker-proxy, one per published port).
 */
async function enginePids(): Promise<number[]> {
  const ours = (await runtime.listContainers({ [LABELS.managed]: "true" })).filter((c) =>
    c.labels[LABELS.app]?.startsWith(appPrefix),
  );
  const ids = new Set(ours.map((c) => c.id));
  const ports = new Set(ours.map((c) => String(c.hostPort)));
  const pids: number[] = [];
  for (const entry of (await readdir("/proc")).filter((e) => /^\d+$/.test(e))) {
    const argv = (await readFile(`/proc/${entry}/cmdline`, "utf8").catch(() => "")).split("\0");
    const program = path.basename(argv[0] ?? "");
    const after = (flag: string) => argv[argv.indexOf(flag) + 1] ?? "";
    if (
      program === "dockerd" ||
      program === "containerd" ||
      (program.startsWith("containerd-shim") && ids.has(after("-id"))) ||
      (program === "docker-proxy" && ports.has(after("-host-port")))
    )
      pids.push(Number(entry));
  }
  return pids;
}

let buildMs = 0;
if (!args.tsx && !args["skip-build"]) {
  const started = performance.now();
  execFileSync(process.execPath, ["--import", "tsx", "scripts/build.ts"], { cwd: ROOT, stdio: "inherit" });
  buildMs = performance.now() - started;
}

const [apiPort, routerPort] = (await freePorts(2)) as [number, number];
const workDir = await mkdtemp(path.join(tmpdir(), "pier-footprint-"));
const env: Record<string, string | undefined> = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  PIER_API_HOST: "127.0.0.1",
  PIER_API_PORT: String(apiPort),
  PIER_ROUTER_HOST: "127.0.0.1",
  PIER_ROUTER_PORT: String(routerPort),
  PIER_ROUTER_TLS_PORT: "off",
  PIER_QUEUE_NAME: `bench-${randomUUID()}`,
  PIER_CONTROLLER_APP_PREFIX: `footprint-${randomUUID()}-`,
  PIER_WORK_DIR: workDir,
  LOG_LEVEL: "warn",
};
// With an IPC channel, as the supervisor runs its own processes: if this bench dies, Pier stops with it.
const command = args.tsx ? ["--import", "tsx", "scripts/supervise.ts"] : ["scripts/dist/supervise.js"];
const started = performance.now();
const supervisor = spawn(process.execPath, command, {
  cwd: ROOT,
  env,
  stdio: ["ignore", "inherit", "inherit", "ipc"],
});
const supervisorPid = supervisor.pid!;
const exited = new Promise<void>((resolve) => supervisor.once("exit", () => resolve()));

try {
  await until("the API's /healthz answers", async () => (await get(apiPort, "/healthz")) === 200);
  await until("the router answers 404", async () => (await get(routerPort, "/", "nothing.invalid")) === 404);
  await until("every process carries its title", async () => {
    const names = new Set((await tree(supervisorPid)).map((p) => p.name));
    return PIER_TITLES.every((title) => names.has(title));
  });
  const readyMs = performance.now() - started;
  await sleep(SETTLE_SECONDS * 1000);

  if (APPS > 0) {
    const deadline = Date.now() + STARTUP_MS;
    for (let i = 0; i < APPS; i++)
      while ((await get(routerPort, "/", `${appPrefix}${i}.localhost`).catch(() => 0)) !== 200) {
        if (Date.now() > deadline) throw new Error(`${appPrefix}${i} not served within ${STARTUP_MS / 1000} s`);
        await sleep(100);
      }
    console.log(
      `every app served through the router ${((performance.now() - started) / 1000).toFixed(0)} s after the start`,
    );
  }
  const engine = APPS > 0 ? await enginePids() : [];
  const sample = async () => [
    ...(await tree(supervisorPid)),
    ...(await Promise.all(engine.map(readProc))).filter((p): p is ProcSample => p !== null),
  ];
  const first = new Map((await sample()).map((p) => [p.pid, p]));
  const firstAt = performance.now();
  const samples = new Map<number, ProcSample[]>();
  let count = 0;
  while (performance.now() - firstAt < SECONDS * 1000) {
    await sleep(1_000);
    for (const p of await sample()) samples.set(p.pid, [...(samples.get(p.pid) ?? []), p]);
    count++;
  }
  const seconds = (performance.now() - firstAt) / 1000;

  const order = (name: string) => (PIER_TITLES.includes(name) ? PIER_TITLES.indexOf(name) : PIER_TITLES.length);
  const rows = [...samples.values()]
    .filter((s) => first.has(s[0]!.pid))
    .map((s) => {
      const last = s.at(-1)!;
      const mean = (f: (p: ProcSample) => number) => s.reduce((sum, p) => sum + f(p), 0) / s.length;
      return {
        name: last.name,
        rssKb: mean((p) => p.rssKb),
        maxRssKb: Math.max(...s.map((p) => p.rssKb)),
        fileKb: mean((p) => p.fileKb),
        pssKb: mean((p) => p.pssKb),
        cpu: ((last.cpuTicks - first.get(last.pid)!.cpuTicks) / TICKS_PER_SECOND / seconds) * 100,
      };
    })
    .sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name));
  type Row = Omit<(typeof rows)[number], "name">;
  const total = (list: Row[]): Row => {
    const sum = (f: (r: Row) => number) => list.reduce((t, r) => t + f(r), 0);
    return {
      rssKb: sum((r) => r.rssKb),
      maxRssKb: sum((r) => r.maxRssKb),
      fileKb: sum((r) => r.fileKb),
      pssKb: sum((r) => r.pssKb),
      cpu: sum((r) => r.cpu),
    };
  };
  const pier = rows.filter((r) => PIER_TITLES.includes(r.name));
  if (pier.length !== PIER_TITLES.length)
    throw new Error(`a process restarted during the window: only ${pier.map((r) => r.name).join(", ")} stayed up`);

  const mode = args.tsx ? "tsx at run time" : "built JavaScript";
  console.log(`\nPier at idle (${mode}), mean of ${count} samples over ${seconds.toFixed(0)} s`);
  const build = args.tsx || args["skip-build"] ? "" : `build ${(buildMs / 1000).toFixed(1)} s, `;
  console.log(
    `${build}ready ${(readyMs / 1000).toFixed(1)} s after the start, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log("| process | RSS (MB) | max RSS (MB) | of which file-backed (MB) | PSS (MB) | CPU (% of one core) |");
  console.log("|---|---|---|---|---|---|");
  const line = (name: string, r: Row) =>
    console.log(
      `| ${name} | ${[r.rssKb, r.maxRssKb, r.fileKb, r.pssKb].map((kb) => mb(kb).toFixed(0)).join(" | ")} | ` +
        `${r.cpu.toFixed(1)} |`,
    );
  for (const r of pier) line(r.name, r);
  const pierTotal = total(pier);
  line(`**Pier's ${pier.length} processes**`, pierTotal);
  const others = new Map<string, Row[]>();
  for (const r of rows.filter((r) => !pier.includes(r))) others.set(r.name, [...(others.get(r.name) ?? []), r]);
  for (const [name, list] of others)
    line(`${name}${list.length > 1 ? ` ×${list.length}` : ""} (not counted)`, total(list));
  line("all of them", total(rows));
  const verdict = (kb: number) => `${mb(kb).toFixed(0)} MB (${mb(kb) <= GOAL_MB ? "met" : "missed"})`;
  console.log(
    `\nGoal: Pier's processes ≤ ${GOAL_MB} MB together. RSS ${verdict(pierTotal.rssKb)}; ` +
      `PSS, shared pages counted once, ${verdict(pierTotal.pssKb)}.`,
  );
  if (APPS > 0) {
    const cpu = total(rows).cpu;
    console.log(
      `With ${APPS} idle apps: Pier's processes, HAProxy and the engine's share ${cpu.toFixed(1)} % of one core ` +
        `(goal ≤ ${CPU_GOAL} % with 100: ${cpu <= CPU_GOAL ? "met" : "missed"}).`,
    );
  }
} finally {
  supervisor.kill("SIGTERM");
  await Promise.race([exited, sleep(40_000)]);
  // Only after a failure is anything left (the supervisor stops its processes): end it.
  for (const [pid, name] of seen) if ((await readProc(pid))?.name === name) process.kill(pid, "SIGKILL");
  await rm(workDir, { recursive: true, force: true });
  await removeIdleApps(prisma, runtime, appPrefix);
  await prisma.$disconnect();
}
process.exit(0);
