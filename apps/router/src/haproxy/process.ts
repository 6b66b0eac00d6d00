import { spawn, type ChildProcess } from "node:child_process";
import type { RouterLogger } from "../logger.ts";
import { adminCommand } from "./admin-socket.ts";
import type { HaproxyPaths } from "./config.ts";

const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 12_000;
/** As the config's hard-stop-after: how long requests in flight may take to finish when the router stops. */
const DRAIN_TIMEOUT_MS = 10_000;

export class HaproxyError extends Error {}

export interface HaproxyProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The last few kB it printed. */
  output(): string;
}

/**
 * Starts HAProxy in the foreground (`-db`) with the config in `paths`, plus `extraArgs` (a takeover's
 * `-x … -sf …`), and resolves once its admin socket answers. A HAProxy that exits or never answers
 * meanwhile is stopped and the start rejected with what it printed.
 */
export async function spawnHaproxy(
  binary: string,
  paths: HaproxyPaths,
  logger: RouterLogger,
  extraArgs: string[] = [],
): Promise<HaproxyProcess> {
  const child = spawn(binary, ["-db", "-f", paths.config, ...extraArgs], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    const text = chunk.toString();
    output = (output + text).slice(-4_000);
    for (const line of text.split("\n")) if (line.trim()) logger.info({ haproxy: line.trim() }, "haproxy");
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const failedToStart = new Promise<never>((_, reject) => {
    child.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        new HaproxyError(
          error.code === "ENOENT"
            ? `${binary} not found: install HAProxy 2.4 or newer (apt-get install haproxy) or set PIER_HAPROXY_BIN`
            : `${binary} did not start: ${error.message}`,
        ),
      ),
    );
    void exited.then((code) =>
      reject(new HaproxyError(`HAProxy exited (code ${code}) while starting:\n${output.trim()}`)),
    );
  });
  failedToStart.catch(() => undefined); // observed below; after start, exits are reported by the caller

  try {
    await Promise.race([waitForAdminSocket(paths.adminSocket), failedToStart]);
  } catch (error) {
    await stopHaproxy({ child, exited });
    throw error;
  }
  return { child, exited, output: () => output };
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
export async function stopHaproxy({ child, exited }: Pick<HaproxyProcess, "child" | "exited">): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGUSR1");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/**
 * The router's own stop: requests in flight finish (within DRAIN_TIMEOUT_MS), idle keep-alive connections
 * close at once. A plain soft stop would keep idle connections until their next request (the config's
 * idle-close-on-response, there for takeovers) and so hold a stop up for as long as a client keeps one
 * idle. So: stop accepting (`disable frontend`), wait until no request is in flight (`show sess` lists
 * requests, not idle connections), then end it.
 */
export async function drainAndStop(
  running: Pick<HaproxyProcess, "child" | "exited">,
  adminSocket: string,
  frontends: string[],
): Promise<void> {
  const { child, exited } = running;
  if (child.exitCode !== null || child.signalCode !== null) return;
  for (const frontend of frontends) {
    const disabled = await adminCommand(adminSocket, `disable frontend ${frontend}`);
    if (disabled.trim()) throw new HaproxyError(`disable frontend ${frontend}: ${disabled.trim()}`);
  }
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  const inFlight = (sessions: string) => frontends.some((frontend) => sessions.includes(` fe=${frontend} `));
  while (Date.now() < deadline && inFlight(await adminCommand(adminSocket, "show sess")))
    await new Promise((resolve) => setTimeout(resolve, 50));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
