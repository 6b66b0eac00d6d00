import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * HAProxy runs as the router's child. If the router is killed outright (SIGKILL, OOM), HAProxy
 * outlives it and keeps the port and keeps serving. Each HAProxy is recorded per port with the router
 * that runs it and its run directory (admin socket, config), so the next router can take its listening
 * socket over (takeover.ts) or, failing that, end it. One whose router still runs is left alone (a second
 * router on the same port then fails to bind, and says so).
 *
 * The record is one line, `<haproxyPid> <routerPid> <runDir>`: routers from before takeovers wrote the
 * first two fields only (and read only those), so either reads the other's record.
 */
const recordFile = (port: number) => path.join(tmpdir(), `pier-router-haproxy-${port}.pid`);

const END_WAIT_MS = 5_000;

export interface LeftoverHaproxy {
  pid: number;
  /** Its run directory; null in a record written by a router from before takeovers. */
  runDir: string | null;
}

/** The name of a running process, or null when it is gone (a zombie counts as gone: PID 1 may never reap it). */
export async function processName(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  const match = stat && /^\d+ \((.*)\) (\S)/.exec(stat);
  return match && match[2] !== "Z" ? match[1]! : null;
}

/** Waits until the process is gone, at most `timeoutMs`; says whether it is. */
export async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while ((await processName(pid)) !== null) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/**
 * The HAProxy recorded for this port whose router is gone, if it still runs. A record whose router is
 * gone and whose HAProxy is gone too is deleted; one whose router still runs is kept and null returned.
 */
export async function findLeftoverHaproxy(port: number): Promise<LeftoverHaproxy | null> {
  const record = (await readFile(recordFile(port), "utf8").catch(() => "")).trim();
  const [, haproxyField, routerField, runDirField] = /^(\d+) (\d+)(?: (.+))?$/.exec(record) ?? [];
  const haproxyPid = Number(haproxyField);
  const routerPid = Number(routerField);
  if (!haproxyPid || !routerPid || (await processName(routerPid)) !== null) return null;
  if ((await processName(haproxyPid)) !== "haproxy") {
    await rm(recordFile(port), { force: true });
    return null;
  }
  return { pid: haproxyPid, runDir: runDirField && isRunDir(runDirField) ? runDirField : null };
}

/** A router's run directory (mkdtemp `pier-router-…` in the temp dir): the only kind a takeover removes. */
export const RUN_DIR_PREFIX = "pier-router-";
const isRunDir = (dir: string) => path.dirname(dir) === tmpdir() && path.basename(dir).startsWith(RUN_DIR_PREFIX);

/** Ends a leftover HAProxy at once (SIGTERM: a hard stop, so the port is free to bind) and waits for it to be gone. */
export async function endHaproxy(pid: number): Promise<void> {
  if ((await processName(pid)) !== "haproxy") return;
  process.kill(pid, "SIGTERM");
  if (!(await waitUntilGone(pid, END_WAIT_MS)))
    throw new Error(`the leftover HAProxy (pid ${pid}) did not exit within ${END_WAIT_MS} ms of SIGTERM`);
}

export async function recordHaproxy(port: number, haproxyPid: number, runDir: string): Promise<void> {
  await writeFile(recordFile(port), `${haproxyPid} ${process.pid} ${runDir}`);
}

export async function forgetHaproxy(port: number): Promise<void> {
  await rm(recordFile(port), { force: true });
}
