/**
 * `npm start`'s supervisor (scripts/start.sh prepares the machine, then becomes this process).
 *
 * Runs each Pier process as `node --import tsx <main>`, with nothing in between, so signals reach node.
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

const PROCESSES = [
  { title: "pier-router", main: "apps/router/src/main.ts" },
  { title: "pier-worker", main: "apps/worker/src/main.ts" },
  { title: "pier-controller", main: "apps/controller/src/main.ts" },
  { title: "pier-api", main: "apps/api/src/server.ts" },
];
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
/** A process up this long has recovered: its next crash is restarted after FIRST_DELAY_MS again. */
const STABLE_AFTER_MS = 60_000;
/** How long a process may take to stop after SIGTERM (the worker finishes running builds) before SIGKILL. */
const STOP_TIMEOUT_MS = 30_000;
const ROOT = fileURLToPath(new URL("..", import.meta.url));

function log(level: "info" | "warn" | "error", fields: object, msg: string): void {
  const levels = { info: 30, warn: 40, error: 50 };
  process.stdout.write(
    `${JSON.stringify({ level: levels[level], time: Date.now(), pid: process.pid, service: "pier-supervisor", ...fields, msg })}\n`,
  );
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
    private readonly main: string,
  ) {}

  start(): void {
    // Its own session (detached): Ctrl-C reaches the supervisor only, which sends each process one
    // SIGTERM; the 'ipc' channel is how the process learns that the supervisor is gone.
    const child = spawn(process.execPath, ["--import", "tsx", this.main], {
      cwd: ROOT,
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

const supervised = PROCESSES.map((p) => new Supervised(p.title, p.main));
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
