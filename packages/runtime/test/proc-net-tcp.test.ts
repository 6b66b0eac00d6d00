import { describe, expect, it } from "vitest";
import { decodeAddress, parseListeningSockets } from "../src/proc-net-tcp.ts";

// Lines as the kernel prints them (captured from containers on this machine's kernel); the long ones are
// split in two here only to fit the page.
const TCP = [
  "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
  "   0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1234 1 " +
    "0000000000000000 100 0 0 10 0",
  "   1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1235 1 " +
    "0000000000000000 100 0 0 10 0",
  "   2: 0200A8C0:0BB8 0100A8C0:D431 01 00000000:00000000 00:00000000 00000000  1000        0 1236 1 " +
    "0000000000000000 100 0 0 10 0",
  "",
].join("\n");
const TCP6 = [
  "  sl  local_address                         remote_address                        st tx_queue " +
    "rx_queue tr tm->when retrnsmt   uid  timeout inode",
  "   0: 00000000000000000000000000000000:0BB8 00000000000000000000000000000000:0000 0A " +
    "00000000:00000000 00:00000000 00000000  1000        0 2234 1 0000000000000000 100 0 0 10 0",
  "   1: 00000000000000000000000001000000:1388 00000000000000000000000000000000:0000 0A " +
    "00000000:00000000 00:00000000 00000000  1000        0 2235 1 0000000000000000 100 0 0 10 0",
  "   2: 0000000000000000FFFF00000100007F:0050 00000000000000000000000000000000:0000 0A " +
    "00000000:00000000 00:00000000 00000000  1000        0 2236 1 0000000000000000 100 0 0 10 0",
  "",
].join("\n");

describe("listening sockets from /proc/net/tcp{,6}", () => {
  it("decodes addresses in the kernel's byte order", () => {
    expect(decodeAddress("0100007F")).toBe("127.0.0.1");
    expect(decodeAddress("00000000")).toBe("0.0.0.0");
    expect(decodeAddress("00000000000000000000000000000000")).toBe("::");
    expect(decodeAddress("00000000000000000000000001000000")).toBe("::1");
    expect(decodeAddress("0000000000000000FFFF00000100007F")).toBe("127.0.0.1");
  });
  it("keeps only listeners (state 0A), from both files", () => {
    expect(parseListeningSockets(`${TCP}\n${TCP6}`)).toEqual([
      { address: "127.0.0.1", port: 3000 },
      { address: "0.0.0.0", port: 8080 },
      { address: "::", port: 3000 },
      { address: "::1", port: 5000 },
      { address: "127.0.0.1", port: 80 },
    ]);
  });
});
