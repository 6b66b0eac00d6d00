import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * HAProxy runs as the router's child. If the router is killed outright (SIGKILL, OOM), HAProxy
 * outlives it and keeps the port, so the next router could not bind. Each HAProxy is recorded per
 * port with the router that runs it; at start, one whose router is gone is ended. One whose router
 * still runs is left alone (a second router on the same port then fails to bind, and says so).
 */
const recordFile = (port: number) => path.join(tmpdir(), `pier-router-haproxy-${port}.pid`);

/** The name of a running process, or null when it is gone (a zombie counts as gone: PID 1 may never reap it). */
async function processName(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  const match = stat && /^\d+ \((.*)\) (\S)/.exec(stat);
  return match && match[2] !== "Z" ? match[1]! : null;
}

export async function endLeftoverHaproxy(port: number): Promise<number | null> {
  const [haproxyPid, routerPid] = (await readFile(recordFile(port), "utf8").catch(() => "")).trim().split(" ").map(Number);
  if (!haproxyPid || !routerPid || (await processName(routerPid)) !== null) return null;
  if ((await processName(haproxyPid)) === "haproxy") {
    process.kill(haproxyPid, "SIGTERM");
    for (let waited = 0; waited < 5_000 && (await processName(haproxyPid)) !== null; waited += 50) await new Promise((r) => setTimeout(r, 50));
  }
  await rm(recordFile(port), { force: true });
  return haproxyPid;
}

export async function recordHaproxy(port: number, haproxyPid: number): Promise<void> {
  await writeFile(recordFile(port), `${haproxyPid} ${process.pid}`);
}

export async function forgetHaproxy(port: number): Promise<void> {
  await rm(recordFile(port), { force: true });
}
