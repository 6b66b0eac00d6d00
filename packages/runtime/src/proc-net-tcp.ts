import type { ListeningSocket } from "./runtime.ts";

const LISTEN_STATE = "0A";

/** A 32-bit word as the kernel prints it (host byte order, little-endian here) → 4 bytes in network order. */
function wordBytes(hex: string): number[] {
  const value = parseInt(hex, 16);
  return [value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff];
}

function ipv6Text(bytes: number[]): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  // IPv4-mapped (::ffff:a.b.c.d) reads as the IPv4 address people know.
  if (groups.slice(0, 5).every((g) => g === "0") && groups[5] === "ffff") return bytes.slice(12).join(".");
  const text = groups.join(":");
  const longestZeros = text.match(/(^|:)0(:0)+(:|$)/g)?.sort((a, b) => b.length - a.length)[0];
  return longestZeros ? text.replace(longestZeros, "::") : text;
}

/** The address of a `local_address` field (hex, 8 chars for tcp, 32 for tcp6). */
export function decodeAddress(hex: string): string {
  if (hex.length === 8) return wordBytes(hex).join(".");
  const bytes: number[] = [];
  for (let i = 0; i < 32; i += 8) bytes.push(...wordBytes(hex.slice(i, i + 8)));
  return ipv6Text(bytes);
}

/** Listening sockets from the text of /proc/net/tcp and /proc/net/tcp6 (any number of them, concatenated). */
export function parseListeningSockets(text: string): ListeningSocket[] {
  const sockets: ListeningSocket[] = [];
  const seen = new Set<string>();
  for (const line of text.split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (!/^\d+:$/.test(fields[0] ?? "") || fields[3] !== LISTEN_STATE) continue;
    const [addressHex, portHex] = (fields[1] ?? "").split(":");
    if (!addressHex || !portHex) continue;
    const socket = { address: decodeAddress(addressHex), port: parseInt(portHex, 16) };
    const key = `${socket.address} ${socket.port}`;
    if (!seen.has(key)) sockets.push(socket);
    seen.add(key);
  }
  return sockets;
}
