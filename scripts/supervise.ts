/**
 * `npm start`'s supervisor (scripts/start.sh prepares the machine, then becomes this process).
 *
 * Runs each Pier process as `node <its build>`, with nothing in between, so signals reach node: start.sh builds
 * (scripts/build.ts) and then runs this supervisor's own build. Run from source (`node --import tsx
 * scripts/supervise.ts`, as the tests do), it runs the processes' sources the same way, and needs no build.
 * A process that exits on its own is restarted with back-off (1 s, doubling to 30 s; back to 1 s once it
 * stayed up a minute) and the others are left alone: a crashed worker never stops the router, whose
 * HAProxy keeps serving. SIGINT (Ctrl-C), SIGTERM or SIGHUP stops them all (SIGTERM to each, SIGKILL
 * after 30 s) and then the supervisor. If the supervisor is killed outright, each process notices its IPC
 * channel close and stops itself (packages/shared/src/supervised-process.ts).
 *
 * Log lines are JSON like the processes' own pino lines, with `service: "pier-supervisor"`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ConfigError, loadConfig, supervisedProcess } from "@pier/shared";

/**
 * V8 flags of each process run from its build, measured with bench/footprint.ts:
 * - --liftoff-only: Prisma's query compiler is WebAssembly, and V8's optimizing tier for it kept ~45 MB in
 *   every process that queries; with Liftoff's code alone, 300 queries of new shapes were no slower (Prisma
 *   caches each shape's plan, so the compiler runs only for a new one).
 * - --optimize-for-size: a smaller young generation, and a heap that gives memory back: 12 to 33 MB less each.
 *   Not for the router, which reads HAProxy's stats four times a second (metrics/load-reporter.ts): the flag
 *   took its idle CPU from ~5 % to ~8 % of a core. Its young generation is only halved
 *   (--max-semi-space-size=8 MB; Node's default is 16).
 * Old space keeps Node's default limit: none of this makes a busy process run out of heap.
 */
const LEAN = ["--liftoff-only", "--optimize-for-size"];
const PROCESSES = [
  {
    title: "pier-router",
    source: "apps/router/src/main.ts",
    built: "apps/router/dist/main.js",
    flags: ["--liftoff-only", "--max-semi-space-size=8"],
  },
  { title: "pier-worker", source: "apps/worker/src/main.ts", built: "apps/worker/dist/main.js", flags: LEAN },
  {
    title: "pier-controller",
    source: "apps/controller/src/main.ts",
    built: "apps/controller/dist/main.js",
    flags: LEAN,
  },
  { title: "pier-api", source: "apps/api/src/server.ts", built: "apps/api/dist/main.js", flags: LEAN },
];
/** Whether this supervisor runs from its build (scripts/dist/supervise.js, `npm start`) or from source (tests). */
const BUILT = process.argv[1]?.endsWith(".js") ?? false;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** A process up this long has recovered: its next crash is restarted after FIRST_DELAY_MS again. */
const STABLE_AFTER_MS = 60_000;
/** How long a process may take to stop after SIGTERM (the worker finishes running builds) before SIGKILL. */
const STOP_TIMEOUT_MS = 30_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

function log(level: "info" | "warn" | "error", fields: object, msg: string): void {
  const levels = { info: 30, warn: 40, error: 50 };
  const line = { level: levels[level], time: Date.now(), pid: process.pid, service: "pier-supervisor", ...fields, msg };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

const describeExit = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `signal ${signal}` : `code ${code}`;

/** One Pier process: started, restarted after an unexpected exit, stopped on request. */
class Supervised {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private startedAt = 0;
  private delayMs = FIRST_DELAY_MS;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopping = false;

  constructor(
    readonly title: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  start(): void {
    // Its own session (detached): Ctrl-C reaches the supervisor only, which sends each process one
    // SIGTERM; the 'ipc' channel is how the process learns that the supervisor is gone.
    const child = spawn(process.execPath, this.args, {
      cwd: ROOT,
      env: this.env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      detached: true,
    });
    this.child = child;
    this.startedAt = Date.now();
    this.exited = new Promise((resolve) => {
      let done = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        if (done) return;
        done = true;
        this.child = null;
        resolve();
        this.exitedOnItsOwn(child.pid, code, signal);
      };
      child.once("exit", finish);
      child.on("error", (error) => {
        log(
          "error",
          { child: this.title, childPid: child.pid, err: { message: error.message } },
          `${this.title}: ${error.message}`,
        );
        if (child.pid === undefined) finish(null, null); // never started: no 'exit' follows
      });
    });
    log("info", { child: this.title, childPid: child.pid }, `started ${this.title}`);
  }

  private exitedOnItsOwn(pid: number | undefined, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const upMs = Date.now() - this.startedAt;
    if (upMs >= STABLE_AFTER_MS) this.delayMs = FIRST_DELAY_MS;
    const delayMs = this.delayMs;
    this.delayMs = Math.min(delayMs * 2, MAX_DELAY_MS);
    log(
      "error",
      { child: this.title, childPid: pid, code, signal, upMs, restartInMs: delayMs },
      `${this.title} exited (${describeExit(code, signal)}); restarting it in ${delayMs / 1000} s`,
    );
    this.restartTimer = setTimeout(() => this.start(), delayMs);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child) return;
    child.kill("SIGTERM");
    const kill = setTimeout(() => {
      log(
        "warn",
        { child: this.title, childPid: child.pid },
        `${this.title} did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`,
      );
      child.kill("SIGKILL");
    }, STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(kill);
    log(
      "info",
      { child: this.title, childPid: child.pid, code: child.exitCode, signal: child.signalCode },
      `${this.title} stopped`,
    );
  }
}

supervisedProcess("pier-supervisor");
// A bad setting would only make every process crash and restart forever: say so once, and stop.
try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}

// glibc gives each thread that allocates an arena of its own, up to 8 per core, and keeps what V8's background
// threads freed in them: with two arenas, each process holds 3 to 8 MB less (bench/footprint.ts).
const builtEnv = { ...process.env, MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };
const supervised = PROCESSES.map((p) =>
  BUILT
    ? new Supervised(p.title, [...p.flags, p.built], builtEnv)
    : new Supervised(p.title, ["--import", "tsx", p.source], process.env),
);
let stopping = false;
async function stopAll(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return; // Ctrl-C reaches us twice under npm (from the terminal, and forwarded by npm)
  stopping = true;
  log("info", { signal }, "stopping Pier (apps keep running)");
  await Promise.all(supervised.map((s) => s.stop()));
  log("info", {}, "Pier stopped");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopAll(signal));
for (const s of supervised) s.start();
