import { LATENCY_BUCKET_COUNT, latencyBucket } from "@pier/shared";
import net from "node:net";
import { LATENCY_RING } from "../haproxy/config.ts";
import type { RouterLogger } from "../logger.ts";

/**
 * How often the lines are read. Each read wakes the router once for every line since the last: a wake-up per line
 * (a UDP datagram each) cost the router ~50 µs of CPU apiece on a 2-core VM (bench/router-throughput.ts).
 */
const READ_INTERVAL_MS = 1_000;
const RECONNECT_MS = 1_000;

export interface LatencyLog {
  /** Latency buckets per backend slot since the last call, and reset. */
  take(): Map<number, number[]>;
  close(): Promise<void>;
}

/** No latency metrics (PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND=0): nothing is logged, nothing is read. */
export const NO_LATENCY_LOG: LatencyLog = { take: () => new Map(), close: async () => {} };

/**
 * Reads HAProxy's sampled request lines — `d<slot> <status> <Ta ms>` — from its latency ring, through the runtime
 * API (`show events … -w`: the lines as they come), and counts them into latency buckets per backend
 * slot. HAProxy writes a line into memory (no syscall per request); the router reads what gathered once a second.
 * A connection HAProxy closes (it stopped, or restarted) is opened again until close().
 */
export function startLatencyLog(adminSocket: string, logger: RouterLogger): LatencyLog {
  let buckets = new Map<number, number[]>();
  let closed = false;
  let socket: net.Socket | undefined;
  let partial = "";
  let reconnect: NodeJS.Timeout | undefined;
  let warned = false;
  const readBuffer = Buffer.alloc(64 * 1024);

  const count = (line: string) => {
    const match = /^d(\d+) (\d{3}) (-?\d+)$/.exec(line.trim());
    if (!match) return; // 404/503 answered by the router itself, or a line of another kind
    const ms = Number(match[3]);
    if (ms < 0) return; // aborted before an answer: no latency to speak of
    const slot = Number(match[1]);
    const counts = buckets.get(slot) ?? new Array<number>(LATENCY_BUCKET_COUNT).fill(0);
    counts[latencyBucket(ms)]!++;
    buckets.set(slot, counts);
  };
  // The first connection reads the ring from HAProxy's start (no request is missed while it connects); a later one
  // from then on (what it read before is counted already).
  let from: "start" | "now" = "start";
  const connect = () => {
    reconnect = undefined;
    partial = "";
    // Read into one buffer (onread), so that pausing stops reading from the socket itself: the lines wait in the
    // kernel until the next read, which takes them all at once (a paused stream would go on reading into memory).
    const connection = net.connect({
      path: adminSocket,
      onread: {
        buffer: readBuffer,
        callback: (size) => {
          const lines = (partial + readBuffer.toString("utf8", 0, size)).split("\n");
          partial = lines.pop() ?? "";
          for (const line of lines) count(line);
          return false; // paused until the next read
        },
      },
    });
    socket = connection;
    connection.on("connect", () => {
      warned = false;
      connection.write(`show events ${LATENCY_RING} -w${from === "now" ? " -n" : ""}\n`);
      from = "now";
    });
    connection.on("error", (error) => {
      if (!warned && !closed) logger.warn({ err: error }, "reading HAProxy's latency lines failed; retrying");
      warned = true;
    });
    connection.on("close", () => {
      if (closed || socket !== connection) return;
      reconnect = setTimeout(connect, RECONNECT_MS);
    });
  };
  connect();
  const reader = setInterval(() => socket?.resume(), READ_INTERVAL_MS);
  return {
    take() {
      const taken = buckets;
      buckets = new Map();
      return taken;
    },
    async close() {
      closed = true;
      clearInterval(reader);
      clearTimeout(reconnect);
      socket?.destroy();
    },
  };
}
