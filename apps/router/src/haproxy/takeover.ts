import { rm } from "node:fs/promises";
import type { RouterLogger } from "../logger.ts";
import { adminCommand } from "./admin-socket.ts";
import { haproxyPaths, type HaproxyPaths } from "./config.ts";
import { endHaproxy, findLeftoverHaproxy, processName, waitUntilGone, type LeftoverHaproxy } from "./leftover.ts";
import { spawnHaproxy, type HaproxyProcess } from "./process.ts";

/** A little more than the old HAProxy's `hard-stop-after`: by then it has ended its soft stop itself. */
const RETIRE_TIMEOUT_MS = 12_000;

export interface StartedHaproxy extends HaproxyProcess {
  /** After a takeover: resolves once the old HAProxy is gone and its run directory removed. */
  retired: Promise<void>;
}

/**
 * Starts HAProxy on a port a killed router's HAProxy may still serve. That one is taken over: the new
 * HAProxy receives its listening socket through its admin socket (`-x`, `expose-fd listeners`), so no
 * connection is refused, then tells it to soft-stop (`-sf`), so it finishes the requests it holds.
 * When that can't be done (a HAProxy from before takeovers, its admin socket gone or not answering as
 * that process), the leftover is ended first and the new HAProxy binds the port itself.
 */
export async function startTakingOver(
  binary: string,
  port: number,
  paths: HaproxyPaths,
  logger: RouterLogger,
): Promise<StartedHaproxy> {
  const leftover = await findLeftoverHaproxy(port);
  if (!leftover) return { ...(await spawnHaproxy(binary, paths, logger)), retired: Promise.resolve() };
  const offer = await listenersOffered(leftover);
  if ("adminSocket" in offer) {
    try {
      const started = await spawnHaproxy(binary, paths, logger, ["-x", offer.adminSocket, "-sf", String(leftover.pid)]);
      logger.info(
        { pid: leftover.pid, port },
        "took the listening socket over from the HAProxy a killed router left behind",
      );
      return { ...started, retired: retire(leftover, logger) };
    } catch (error) {
      logger.warn(
        { err: error, pid: leftover.pid, port },
        "taking the listening socket over failed; ending the leftover HAProxy instead",
      );
    }
  } else {
    logger.info(
      { pid: leftover.pid, port, reason: offer.reason },
      "the leftover HAProxy can't hand its listening socket over; ending it instead",
    );
  }
  await endHaproxy(leftover.pid);
  logger.info({ pid: leftover.pid, port }, "ended the HAProxy a killed router left behind");
  const started = await spawnHaproxy(binary, paths, logger);
  return { ...started, retired: removeRunDir(leftover) };
}

/** The leftover's admin socket, if it answers as that very process (a reused pid or a stale socket does not). */
async function listenersOffered(leftover: LeftoverHaproxy): Promise<{ adminSocket: string } | { reason: string }> {
  if (!leftover.runDir) return { reason: "its record names no run directory (written before takeovers)" };
  const { adminSocket } = haproxyPaths(leftover.runDir);
  const info = await adminCommand(adminSocket, "show info").catch((error: Error) => `no answer: ${error.message}`);
  const pid = /^Pid: (\d+)$/m.exec(info)?.[1];
  if (pid !== String(leftover.pid))
    return {
      reason: `its admin socket ${adminSocket} does not answer as pid ${leftover.pid}: ${info.trim().slice(0, 200)}`,
    };
  return { adminSocket };
}

/**
 * Waits for the old HAProxy to finish its soft stop (its `hard-stop-after` bounds it), ends it outright
 * if it outlives that, and removes its run directory: after a takeover, one HAProxy remains per port.
 */
async function retire(leftover: LeftoverHaproxy, logger: RouterLogger): Promise<void> {
  if (!(await waitUntilGone(leftover.pid, RETIRE_TIMEOUT_MS)) && (await processName(leftover.pid)) === "haproxy") {
    logger.error(
      { pid: leftover.pid },
      `the HAProxy taken over did not finish its soft stop within ${RETIRE_TIMEOUT_MS} ms; killing it`,
    );
    process.kill(leftover.pid, "SIGKILL");
  }
  await removeRunDir(leftover);
}

async function removeRunDir(leftover: LeftoverHaproxy): Promise<void> {
  if (leftover.runDir) await rm(leftover.runDir, { recursive: true, force: true });
}
