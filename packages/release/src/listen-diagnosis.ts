import type { ListeningSocket } from "@pier/runtime";

/** What the sockets listening inside an app's container say about why it can't be reached. */
export type ListenDiagnosis =
  | { kind: "reachable" }
  | { kind: "nothing"; message: string }
  | { kind: "loopback-only"; message: string }
  | { kind: "other-port"; port: number; message: string }
  | { kind: "elsewhere"; message: string };

const ALL_INTERFACES = new Set(["0.0.0.0", "::"]);
const isLoopback = (address: string) => address.startsWith("127.") || address === "::1";
const show = (s: ListeningSocket) => (s.address.includes(":") ? `[${s.address}]:${s.port}` : `${s.address}:${s.port}`);

/**
 * Pier reaches an app through the container's network interface on `port` (its $PORT). Anything else
 * is named plainly: loopback-only listeners, another port, or nothing listening at all.
 */
export function diagnoseListeners(sockets: ListeningSocket[], port: number): ListenDiagnosis {
  const onPort = sockets.filter((s) => s.port === port);
  if (onPort.some((s) => !isLoopback(s.address))) return { kind: "reachable" };
  if (onPort.length) {
    return {
      kind: "loopback-only",
      message:
        `the app listens on ${show(onPort[0]!)} inside its container, which nothing outside it can reach; ` +
        `listen on 0.0.0.0 (or ::) on $PORT (${port})`,
    };
  }
  if (sockets.length === 0)
    return {
      kind: "nothing",
      message: `nothing listens on any TCP port inside the container; the app should listen on 0.0.0.0:$PORT (${port})`,
    };
  const open = sockets.filter(
    (s, i, all) =>
      ALL_INTERFACES.has(s.address) && all.findIndex((o) => o.port === s.port && ALL_INTERFACES.has(o.address)) === i,
  );
  if (open.length === 1) {
    return {
      kind: "other-port",
      port: open[0]!.port,
      message: `the app listens on ${show(open[0]!)} but PORT is ${port}`,
    };
  }
  const list = sockets.map(show).join(", ");
  const loopbackOnly = sockets.every((s) => isLoopback(s.address));
  return {
    kind: "elsewhere",
    message: loopbackOnly
      ? `the app listens on ${list} inside its container, which nothing outside it can reach; ` +
        `listen on 0.0.0.0 (or ::) on $PORT (${port})`
      : `the app listens on ${list} but PORT is ${port}`,
  };
}
