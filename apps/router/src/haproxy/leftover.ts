import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * HAProxy runs as the router's child. If the router is killed outright (SIGKILL, OOM), HAProxy
 * outlives it and keeps the port, so the next router could not bind. The router records HAProxy's
 * pid per port, and at start ends one it left behind (only if that pid still is a HAProxy process).
 */
const pidFile = (port: number) => path.join(tmpdir(), `pier-router-haproxy-${port}.pid`);

export async function endLeftoverHaproxy(port: number): Promise<number | null> {
  const pid = Number((await readFile(pidFile(port), "utf8").catch(() => "")).trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const command = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "");
  if (command.trim() !== "haproxy") {
    await rm(pidFile(port), { force: true });
    return null;
  }
  process.kill(pid, "SIGTERM");
  for (let i = 0; i < 100 && (await readFile(`/proc/${pid}/comm`, "utf8").catch(() => "")); i++) await new Promise((r) => setTimeout(r, 50));
  await rm(pidFile(port), { force: true });
  return pid;
}

export async function recordHaproxy(port: number, pid: number): Promise<void> {
  await writeFile(pidFile(port), String(pid));
}

export async function forgetHaproxy(port: number): Promise<void> {
  await rm(pidFile(port), { force: true });
}
