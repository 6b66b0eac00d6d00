import path from "node:path";

export interface HaproxyPaths {
  config: string;
  adminSocket: string;
  routeMap: string;
  notFoundPage: string;
  downPage: string;
  badGatewayResponse: string;
}

export function haproxyPaths(runDir: string): HaproxyPaths {
  return {
    config: path.join(runDir, "haproxy.cfg"),
    adminSocket: path.join(runDir, "admin.sock"),
    routeMap: path.join(runDir, "routes.map"),
    notFoundPage: path.join(runDir, "404.html"),
    downPage: path.join(runDir, "503.html"),
    badGatewayResponse: path.join(runDir, "502.http"),
  };
}

export interface HaproxyListen {
  host: string;
  port: number;
  /** Worker threads (`nbthread`). */
  threads: number;
}

const quote = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * HAProxy as Pier's data plane. Routing lives in one map that the control plane replaces atomically
 * through the runtime API (prepare → add → commit), so a production switch needs no reload: client
 * keep-alive connections are never closed by a switch, and the next request follows the new map.
 * Every app listens on 127.0.0.1; the backend sends each request to the port chosen for its host.
 */
export function renderHaproxyConfig(listen: HaproxyListen, paths: HaproxyPaths): string {
  const map = quote(paths.routeMap);
  const html = `content-type "text/html; charset=utf-8"`;
  return `# Written by Pier's router at start; routes change at run time through the admin socket.
global
  nbthread ${listen.threads}
  # A second router on the same port must fail to bind, not share the port unnoticed.
  noreuseport
  stats socket ${quote(paths.adminSocket)} mode 600 level admin
  # A router stop lets requests in flight finish, within bounds.
  hard-stop-after 10s

defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 300s
  timeout http-request 30s
  timeout http-keep-alive 65s
  timeout tunnel 1h
  # An app that can't be reached is a bad gateway to the user; HAProxy itself would call it 503.
  errorfile 502 ${quote(paths.badGatewayResponse)}
  errorfile 503 ${quote(paths.badGatewayResponse)}

# One request counter per host: replica = counter mod replicas, i.e. round-robin.
backend pier_turns
  stick-table type string len 253 size 100k expire 1h store gpc0

frontend pier
  bind ${listen.host}:${listen.port}
  option forwardfor
  http-request set-var(txn.host) req.hdr(host),field(1,:),lower
  http-request set-var(txn.host) var(txn.host),regsub(\\.$,) if { var(txn.host) -m end . }
  http-request set-var(txn.route) var(txn.host),map(${map})
  http-request return status 404 ${html} file ${quote(paths.notFoundPage)} if !{ var(txn.route) -m found }
  http-request return status 503 ${html} file ${quote(paths.downPage)} if { var(txn.route) -m str 0 }
  # One replica (the common case): the port is in the same entry, and no counter is needed.
  http-request set-var(txn.port) var(txn.route),field(2,:) if { var(txn.route) -m beg 1: }
  http-request track-sc0 var(txn.host) table pier_turns if !{ var(txn.port) -m found }
  http-request sc-inc-gpc0(0) if !{ var(txn.port) -m found }
  http-request set-var(txn.replica) sc0_get_gpc0,mod(txn.route) if !{ var(txn.port) -m found }
  http-request set-var(txn.port) var(txn.host),concat(/,txn.replica),map(${map}) if !{ var(txn.port) -m found }
  http-request set-header X-Forwarded-Host %[req.hdr(host)]
  http-request set-header X-Forwarded-Proto http
  default_backend pier_apps

backend pier_apps
  # An upstream keep-alive connection the app closed just as it was reused is retried once, on a new
  # connection. A refused connection is not: the port would be the same, so it answers 502 at once.
  retries 1
  retry-on empty-response
  http-request set-dst-port var(txn.port)
  server app 127.0.0.1
`;
}
