import { readdir, readFile, readlink } from "node:fs/promises";

/**
 * The HAProxy processes holding the listening TCP socket on 127.0.0.1:`port` — one normally, two while
 * one hands the socket over to another — read from /proc (Linux). Zombies hold nothing.
 */
export async function haproxyPidsListeningOn(port: number): Promise<number[]> {
  const inodes = new Set<string>();
  for (const line of (await readFile("/proc/net/tcp", "utf8")).split("\n").slice(1)) {
    const fields = line.trim().split(/\s+/);
    // local address 0100007F:<port hex>, state 0A = LISTEN, field 9 = the socket's inode
    if (fields[1] === `0100007F:${port.toString(16).toUpperCase().padStart(4, "0")}` && fields[3] === "0A")
      inodes.add(`socket:[${fields[9]}]`);
  }
  if (inodes.size === 0) return [];
  const holders: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    // A process that ended while we read (ENOENT) holds nothing.
    if ((await readFile(`/proc/${entry}/comm`, "utf8").catch(ignoreGone(""))).trim() !== "haproxy") continue;
    const fds = await readdir(`/proc/${entry}/fd`).catch(ignoreGone([] as string[]));
    for (const fd of fds) {
      if (inodes.has(await readlink(`/proc/${entry}/fd/${fd}`).catch(ignoreGone("")))) {
        holders.push(Number(entry));
        break;
      }
    }
  }
  return holders;
}

const ignoreGone =
  <T>(fallback: T) =>
  (error: NodeJS.ErrnoException): T => {
    if (error.code === "ENOENT") return fallback;
    throw error;
  };
