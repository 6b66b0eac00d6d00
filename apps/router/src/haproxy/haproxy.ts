import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RouterLogger } from "../logger.ts";
import { errorPage } from "../pages.ts";
import type { RouteEntries } from "../route-entries.ts";
import { adminCommand } from "./admin-socket.ts";
import { BackendSlots } from "./backend-slots.ts";
import { routeMapEntries } from "./route-map.ts";
import { haproxyPaths, renderHaproxyConfig, type HaproxyListen, type HaproxyPaths } from "./config.ts";
import { endLeftoverHaproxy, forgetHaproxy, recordHaproxy } from "./leftover.ts";

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 12_000;
/** `add map` commands per admin-socket line: well under HAProxy's 16 kB request buffer. */
const ADDS_PER_LINE = 80;
const COMMANDS_PER_LINE = 60;

export interface Haproxy {
  /**
   * Puts a route table in service: fills backend slots for new replica sets, then swaps the host map at
   * once. Resolves when the next request uses the new table.
   */
  applyRoutes(entries: RouteEntries): Promise<void>;
  /** Sends runtime API commands (`;`-joined in batches); any answer but an empty one is an error. */
  runCommands(commands: string[]): Promise<void>;
  /** The runtime API's answer to one command (e.g. `show stat`). */
  query(command: string): Promise<string>;
  /** Which backend slot serves which ports (metrics attribute a slot's counters with it). */
  readonly slots: BackendSlots;
  /** Puts released slots back in use, their servers out of service until refilled (after their counters were read). */
  recycleSlots(): Promise<void>;
  stop(): Promise<void>;
}

export class HaproxyError extends Error {}

async function writeRuntimeFiles(listen: HaproxyListen, paths: HaproxyPaths): Promise<void> {
  await writeFile(paths.config, renderHaproxyConfig(listen, paths));
  await writeFile(paths.routeMap, "");
  await writeFile(paths.notFoundPage, errorPage(404, "No app here", "Nothing is deployed at this address."));
  await writeFile(paths.downPage, errorPage(503, "App not running", "This app has no running deployment right now."));
  const badGateway = errorPage(502, "App not answering", "The app did not answer. If it was just deployed or restarted, try again in a moment.");
  await writeFile(
    paths.badGatewayResponse,
    `HTTP/1.1 502 Bad Gateway\r\ncontent-type: text/html; charset=utf-8\r\ncache-control: no-store\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(badGateway)}\r\n\r\n${badGateway}`,
  );
}

/** Runs HAProxy as a child process with Pier's configuration and an empty route map. */
export async function startHaproxy(binary: string, listen: HaproxyListen, logger: RouterLogger): Promise<Haproxy> {
  const leftover = await endLeftoverHaproxy(listen.port);
  if (leftover) logger.info({ pid: leftover, port: listen.port }, "ended the HAProxy a killed router left behind");
  const runDir = await mkdtemp(path.join(tmpdir(), "pier-router-"));
  const paths = haproxyPaths(runDir);
  await writeRuntimeFiles(listen, paths);

  const child = spawn(binary, ["-db", "-f", paths.config], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-4_000);
    for (const line of text.split("\n")) if (line.trim()) logger.info({ haproxy: line.trim() }, "haproxy");
  };
  child.stdout.on("data", collect);
  child.stderr.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const failedToStart = new Promise<never>((_, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(new HaproxyError(error.code === "ENOENT" ? `${binary} not found: install HAProxy 2.4 or newer (apt-get install haproxy) or set PIER_HAPROXY_BIN` : `${binary} did not start: ${error.message}`)),
    );
    void exited.then((code) => reject(new HaproxyError(`HAProxy exited (code ${code}) while starting:\n${output.trim()}`)));
  });
  failedToStart.catch(() => undefined); // observed below; after start, exits are reported by stop()

  try {
    await Promise.race([waitForAdminSocket(paths.adminSocket), failedToStart]);
  } catch (error) {
    await stopChild(child, exited);
    await rm(runDir, { recursive: true, force: true });
    throw error;
  }
  await recordHaproxy(listen.port, child.pid!);
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) logger.error({ code, signal, output: output.trim() }, "haproxy exited unexpectedly");
  });

  const slots = new BackendSlots(listen.slots, listen.serversPerSlot);
  const runCommands = async (commands: string[]) => {
    for (let i = 0; i < commands.length; i += COMMANDS_PER_LINE) {
      const answer = await adminCommand(paths.adminSocket, commands.slice(i, i + COMMANDS_PER_LINE).join(";"));
      // `set server … state/health` answer nothing; `addr` answers a line saying what changed.
      const problems = answer.split("\n").filter((line) => line.trim() && !/^IP changed from|^no need to change|^port changed from/.test(line.trim()));
      if (problems.length) throw new HaproxyError(`runtime API: ${problems.join("; ")}`);
    }
  };
  const recycleSlots = async () => {
    const recycled = slots.recycle();
    await runCommands(recycled.commands);
    recycled.done();
  };
  const replaceMap = async (pairs: ReadonlyArray<[string, string]>) => {
      const map = paths.routeMap;
      const prepared = await adminCommand(paths.adminSocket, `prepare map ${map}`);
      const version = Number(/New version created: (\d+)/.exec(prepared)?.[1] ?? NaN);
      if (!Number.isInteger(version)) throw new HaproxyError(`prepare map failed: ${prepared.trim()}`);
      for (let i = 0; i < pairs.length; i += ADDS_PER_LINE) {
        const line = pairs
          .slice(i, i + ADDS_PER_LINE)
          .map(([key, value]) => `add map @${version} ${map} ${key} ${value}`)
          .join(";");
        const answer = await adminCommand(paths.adminSocket, line);
        if (answer.trim()) throw new HaproxyError(`add map failed: ${answer.trim()}`);
      }
      const committed = await adminCommand(paths.adminSocket, `commit map @${version} ${map}`);
      if (committed.trim()) throw new HaproxyError(`commit map failed: ${committed.trim()}`);
  };

  return {
    async applyRoutes(entries) {
      const plan = slots.plan(entries);
      await runCommands(plan.fill);
      await replaceMap(routeMapEntries(plan.routes, listen.domain));
      // With a metrics collector, released slots wait until their counters were read.
      if (!listen.holdReleasedSlots) await recycleSlots();
    },
    recycleSlots,
    runCommands,
    slots,
    query: (command) => adminCommand(paths.adminSocket, command),
    async stop() {
      stopping = true;
      await stopChild(child, exited);
      await forgetHaproxy(listen.port);
      await rm(runDir, { recursive: true, force: true });
    },
  };
}

async function waitForAdminSocket(socketPath: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const info = await adminCommand(socketPath, "show info");
      if (info.includes("Pid:")) return;
      last = info.trim();
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new HaproxyError(`HAProxy's admin socket did not come up within ${READY_TIMEOUT_MS} ms: ${last}`);
}

/** Soft stop (requests in flight finish), then a hard one if it takes too long. */
async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGUSR1");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
