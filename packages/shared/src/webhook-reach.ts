import { BlockList, isIP } from "node:net";
import type { PierConfig } from "./config.ts";

/**
 * Addresses GitHub can't send to: loopback, private, link-local, carrier-grade NAT, unspecified (IPv4-mapped IPv6
 * addresses are judged by their IPv4 rules).
 */
const unreachable = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const)
  unreachable.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
] as const)
  unreachable.addSubnet(net, prefix, "ipv6");

/** Names only a local network resolves: localhost, single labels, mDNS and home-network suffixes. */
const LOCAL_NAMES = /(^|\.)(localhost|local|internal|lan|home\.arpa)$/;

/** Why GitHub can't reach `host`, or null when it may (a public address or name). */
function whyUnreachable(host: string): string | null {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  const family = isIP(h);
  if (family) return unreachable.check(h, family === 4 ? "ipv4" : "ipv6") ? "a loopback or private address" : null;
  if (!h.includes(".") || LOCAL_NAMES.test(h)) return "a name only this machine or network resolves";
  return null;
}

/**
 * Whether GitHub can deliver to the webhook URLs Pier hands out (built from PIER_PUBLIC_URL, else the API's own
 * address): null when it may, else what is wrong and what to do.
 */
export function webhookReachWarning(config: PierConfig): string | null {
  const base = config.PIER_PUBLIC_URL ?? `http://${config.PIER_API_HOST}:${config.PIER_API_PORT}`;
  const host = new URL(base).hostname;
  const why = whyUnreachable(host);
  if (!why) return null;
  const unset = config.PIER_PUBLIC_URL ? "" : " (PIER_PUBLIC_URL is not set)";
  const check =
    config.PIER_HEAD_CHECK === "off"
      ? "turn the head check on (PIER_HEAD_CHECK=all)"
      : config.PIER_HEAD_CHECK === "all"
        ? "rely on the head check (on for every app)"
        : "rely on the head check (apps with git credentials; PIER_HEAD_CHECK=all for every app)";
  return (
    `GitHub can't reach this webhook URL: ${host} is ${why}${unset}. Set PIER_PUBLIC_URL to a public URL of ` +
    `this API, or to a tunnel's (cloudflared, ngrok) that forwards to it, or ${check}: ` +
    `it deploys pushes every ${Math.round(config.PIER_HEAD_CHECK_INTERVAL_MS / 1000)} s without webhooks.`
  );
}
