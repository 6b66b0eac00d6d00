import { LATENCY_BUCKET_COUNT, latencyBucket } from "@pier/shared";
import dgram from "node:dgram";

export interface LatencyLog {
  /** The UDP port HAProxy sends its log lines to. */
  port: number;
  /** Latency buckets per backend slot since the last call, and reset. */
  take(): Map<number, number[]>;
  close(): Promise<void>;
}

/**
 * Receives HAProxy's per-request log lines (syslog over UDP on 127.0.0.1) — `d<slot> <status> <Ta ms>`
 * after the syslog header — and counts them into latency buckets per backend slot.
 */
export async function startLatencyLog(): Promise<LatencyLog> {
  const socket = dgram.createSocket("udp4");
  let buckets = new Map<number, number[]>();
  socket.on("message", (message) => {
    const text = message.toString("utf8");
    const body = text.slice(text.lastIndexOf(": ") + 2).trim();
    const match = /^d(\d+) (\d{3}) (-?\d+)$/.exec(body);
    if (!match) return; // 404/503 answered by the router itself, or a line of another kind
    const slot = Number(match[1]);
    const ms = Number(match[3]);
    if (ms < 0) return; // aborted before an answer: no latency to speak of
    const counts = buckets.get(slot) ?? new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
    counts[latencyBucket(ms)]!++;
    buckets.set(slot, counts);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("error", reject);
    socket.bind(0, "127.0.0.1", () => resolve());
  });
  // A big receive buffer: bursts of lines arrive faster than one turn of the event loop.
  socket.setRecvBufferSize(4 * 1024 * 1024);
  return {
    port: socket.address().port,
    take() {
      const taken = buckets;
      buckets = new Map();
      return taken;
    },
    close: () => new Promise((resolve) => socket.close(() => resolve())),
  };
}
