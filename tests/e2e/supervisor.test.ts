import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import http from "node:http";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually.ts";
import { freePorts } from "../support/free-port.ts";

/**
 * `npm start`'s supervisor (scripts/supervise.ts) on real processes: its own ports and queue, and a
 * controller prefix no app has, so it touches nothing of the other test files sharing the database.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STARTUP_MS = 45_000;
const RESTART_MS = 20_000;
const STOP_MS = 40_000;

interface SupervisorLine {
  msg: string;
  child?: string;
  childPid?: number;
  signal?: string | null;
  restartInMs?: number;
}

/** One GET on a fresh connection (no keep-alive), so each one shows the port still accepts. */
function get(port: number, path: string, host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, headers: { host }, agent: false, timeout: 10_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("no answer within 10 s")));
    req.on("error", reject);
    req.end();
  });
}

/** The process's name as `pgrep -x` sees it, or null when it is gone (a zombie counts as gone). */
async function processName(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  const match = stat && /^\d+ \((.*)\) (\S)/.exec(stat);
  return match && match[2] !== "Z" ? match[1]! : null;
}

async function haproxyChildOf(parent: number): Promise<number | undefined> {
  for (const entry of await readdir("/proc")) {
    const stat = await readFile(`/proc/${entry}/stat`, "utf8").catch(() => "");
    const match = /^(\d+) \((.*)\) \S (\d+)/.exec(stat);
    if (match && match[2] === "haproxy" && Number(match[3]) === parent) return Number(match[1]);
  }
  return undefined;
}

class Supervisor {
  readonly lines: SupervisorLine[] = [];
  private output: string[] = [];
  readonly exited: Promise<number | null>;
  readonly process: ChildProcess;

  constructor(env: Record<string, string>) {
    // With an IPC channel, like the processes it runs: if this test dies, the supervisor stops everything.
    this.process = spawn(process.execPath, ["--import", "tsx", "scripts/supervise.ts"], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    });
    this.exited = new Promise((resolve) => this.process.once("exit", (code) => resolve(code)));
    for (const stream of [this.process.stdout!, this.process.stderr!]) {
      let partial = "";
      stream.on("data", (chunk: Buffer) => {
        const complete = (partial + chunk.toString()).split("\n");
        partial = complete.pop()!;
        for (const line of complete) this.collect(line);
      });
    }
  }

  private collect(line: string): void {
    this.output = [...this.output, line].slice(-40);
    try {
      const parsed = JSON.parse(line) as SupervisorLine & { service?: string };
      if (parsed.service === "pier-supervisor") this.lines.push(parsed);
    } catch {
      // a process's own output
    }
  }

  /** eventually(), every 50 ms, until `check` returns a value; its failure ends with the last output. */
  async until<T>(what: string, timeoutMs: number, check: () => T | undefined | Promise<T | undefined>): Promise<T> {
    return (eventually(async () => (await check()) ?? false, what, timeoutMs, 50) as Promise<T>).catch(
      (error: Error) => {
        throw new Error(`${error.message}. Last output:\n${this.output.join("\n")}`);
      },
    );
  }

  started(title: string): number[] {
    return this.lines.filter((l) => l.msg === `started ${title}` && l.childPid).map((l) => l.childPid!);
  }
}

const TITLES = ["pier-router", "pier-worker", "pier-controller", "pier-api"];

describe("npm start's supervisor", () => {
  const supervisors: Supervisor[] = [];
  /** Every process a test saw started (HAProxy included): none may be left when it ends. */
  const pids = new Set<number>();

  afterAll(async () => {
    // Only after a failure is anything left: end it all.
    for (const s of supervisors)
      if (s.process.exitCode === null && s.process.signalCode === null) s.process.kill("SIGKILL");
    for (const pid of pids) if ((await processName(pid)) !== null) process.kill(pid, "SIGKILL");
  });

  /** A supervisor on its own ports and queue, once the API and the router answer. */
  async function startPier() {
    const [apiPort, routerPort, routerTlsPort] = (await freePorts(3)) as [number, number, number];
    const s = new Supervisor({
      PIER_API_HOST: "127.0.0.1",
      PIER_API_PORT: String(apiPort),
      PIER_ROUTER_HOST: "127.0.0.1",
      PIER_ROUTER_PORT: String(routerPort),
      PIER_ROUTER_TLS_PORT: String(routerTlsPort),
      PIER_QUEUE_NAME: `test-${randomUUID()}`,
      PIER_CONTROLLER_APP_PREFIX: `supervise-${randomUUID()}-`,
      PIER_ROUTER_THREADS: "1",
      // Other test files route their apps through the same database at the same time.
      PIER_ROUTER_SLOTS: "64",
      LOG_LEVEL: "warn",
    });
    supervisors.push(s);
    const first = await s.until("all four processes started", STARTUP_MS, () => {
      const found = TITLES.map((title) => [title, s.started(title)[0]] as const);
      return found.every(([, pid]) => pid) ? new Map(found.map(([title, pid]) => [title, pid!])) : undefined;
    });
    for (const pid of first.values()) pids.add(pid);
    await s.until(
      "the API's /healthz answers",
      STARTUP_MS,
      async () => (await get(apiPort, "/healthz")) === 200 || undefined,
    );
    await s.until(
      "the router answers 404 for an unknown host",
      STARTUP_MS,
      async () => (await get(routerPort, "/", "nothing-here.invalid")) === 404 || undefined,
    );
    await s.until("every process carries its title", STARTUP_MS, async () => {
      for (const [title, pid] of first) if ((await processName(pid)) !== title) return undefined;
      return true;
    });
    const haproxyPid = await s.until("the router's HAProxy", 15_000, () => haproxyChildOf(first.get("pier-router")!));
    pids.add(haproxyPid);
    return { s, first, routerPort, haproxyPid };
  }

  async function waitAllGone(s: Supervisor): Promise<void> {
    await s.until(`every process it started gone (${[...pids].join(", ")})`, 15_000, async () => {
      for (const pid of pids) if ((await processName(pid)) !== null) return undefined;
      return true;
    });
  }

  it("restarts a killed worker with back-off while the router serves; SIGTERM leaves no process behind", async () => {
    const { s, first, routerPort, haproxyPid } = await startPier();
    // Each is named: ps shows it, pgrep -x finds it.
    expect(await processName(s.process.pid!)).toBe("pier-supervisor");
    expect(execFileSync("pgrep", ["-x", "pier-worker"], { encoding: "utf8" }).split("\n")).toContain(
      String(first.get("pier-worker")),
    );

    // Through the router every ~50 ms, from before the first kill until the last new worker runs.
    const probes = { ok: 0, failures: [] as string[] };
    let probing = true;
    const prober = (async () => {
      while (probing) {
        const sent = Date.now();
        await get(routerPort, "/", "nothing-here.invalid").then(
          (status) => (status === 404 ? probes.ok++ : probes.failures.push(`status ${status}`)),
          (error: Error) => probes.failures.push(error.message),
        );
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (Date.now() - sent))));
      }
    })();

    await s.until("the router answering the probes", RESTART_MS, () => probes.ok > 0 || undefined);
    const workerPid = first.get("pier-worker")!;
    process.kill(workerPid, "SIGKILL");
    const restarting = await s.until("a log line saying the worker is restarted", RESTART_MS, () =>
      s.lines.find((l) => l.child === "pier-worker" && l.childPid === workerPid && l.restartInMs !== undefined),
    );
    expect(restarting).toMatchObject({ signal: "SIGKILL", restartInMs: 1_000 });
    expect(restarting.msg).toBe("pier-worker exited (signal SIGKILL); restarting it in 1 s");
    const newWorkerPid = await s.until("a new worker", RESTART_MS, () =>
      s.started("pier-worker").find((pid) => pid !== workerPid),
    );
    pids.add(newWorkerPid);
    await s.until(
      "the new worker runs its main",
      RESTART_MS,
      async () => (await processName(newWorkerPid)) === "pier-worker" || undefined,
    );
    // Crashing again soon after: the delay doubles.
    process.kill(newWorkerPid, "SIGKILL");
    const again = await s.until("a second restart line", RESTART_MS, () =>
      s.lines.find((l) => l.childPid === newWorkerPid && l.restartInMs !== undefined),
    );
    expect(again.restartInMs).toBe(2_000);
    const thirdWorkerPid = await s.until("a third worker", RESTART_MS, () =>
      s.started("pier-worker").find((pid) => pid !== workerPid && pid !== newWorkerPid),
    );
    pids.add(thirdWorkerPid);
    await s.until(
      "the third worker runs its main",
      RESTART_MS,
      async () => (await processName(thirdWorkerPid)) === "pier-worker" || undefined,
    );
    const okBefore = probes.ok;
    await s.until("a probe answered once the third worker runs", RESTART_MS, () => probes.ok > okBefore || undefined);
    probing = false;
    await prober;

    expect(probes.failures).toEqual([]);
    console.log(`supervisor: ${probes.ok} probes answered by the router across two worker restarts, none failed`);
    // The others were not touched: same processes, same HAProxy, no other exit.
    for (const title of ["pier-router", "pier-controller", "pier-api"]) {
      expect(await processName(first.get(title)!)).toBe(title);
      expect(s.started(title)).toEqual([first.get(title)]);
    }
    expect(await processName(haproxyPid)).toBe("haproxy");
    expect(s.lines.filter((l) => l.restartInMs !== undefined).map((l) => l.child)).toEqual([
      "pier-worker",
      "pier-worker",
    ]);

    s.process.kill("SIGTERM");
    const code = await Promise.race([
      s.exited,
      new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_MS)),
    ]);
    expect(code).toBe(0);
    await waitAllGone(s);
    expect(
      s.lines
        .filter((l) => l.child && l.msg === `${l.child} stopped`)
        .map((l) => l.child)
        .sort(),
    ).toEqual([...TITLES].sort());
  });

  it("a supervisor killed outright leaves no process behind: each one stops itself", async () => {
    const { s } = await startPier();
    s.process.kill("SIGKILL");
    await waitAllGone(s);
  });
});
