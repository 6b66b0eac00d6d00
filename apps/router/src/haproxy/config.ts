import path from "node:path";
import { ACME_CHALLENGE_PATH } from "@pier/shared";
import { ACTIVATOR, API_BACKEND } from "../route-entries.ts";
import { serverName, slotName } from "./backend-slots.ts";

export interface HaproxyPaths {
  config: string;
  adminSocket: string;
  routeMap: string;
  /** The certificates served on the TLS port besides the default one (HAProxy's crt-list), and their files. */
  certList: string;
  certDir: string;
  /** A self-signed certificate answered for names Pier has no certificate for. */
  defaultCert: string;
  notFoundPage: string;
  downPage: string;
  badGatewayResponse: string;
}

export function haproxyPaths(runDir: string): HaproxyPaths {
  return {
    config: path.join(runDir, "haproxy.cfg"),
    adminSocket: path.join(runDir, "admin.sock"),
    routeMap: path.join(runDir, "routes.map"),
    certList: path.join(runDir, "certs.list"),
    certDir: path.join(runDir, "certs"),
    defaultCert: path.join(runDir, "default.pem"),
    notFoundPage: path.join(runDir, "404.html"),
    downPage: path.join(runDir, "503.html"),
    badGatewayResponse: path.join(runDir, "502.http"),
  };
}

export interface HaproxyListen {
  host: string;
  port: number;
  /** Where HTTPS is terminated (SNI picks the certificate); none: plain HTTP only. */
  tlsPort?: number;
  /** Worker threads (`nbthread`). */
  threads: number;
  /** Backends declared for deployments (see backend-slots.ts), and servers (replicas) in each. */
  slots: number;
  serversPerSlot: number;
  /** One log line (`<slot> <status> <ms>`) per sampled request into the latency ring, for latency metrics. */
  latencyLog?: { samplesPerSecond: number };
  /** Keep released slots out of use until the metrics collector read them (BackendSlots.recycle). */
  holdReleasedSlots?: boolean;
  /** The router's activator (apps scaled to zero), and how long it may hold a request. */
  activator: { port: number; timeoutMs: number };
  /** The router's ACME challenge responder: `/.well-known/acme-challenge/` on every host goes there first. */
  acmeChallenges?: { port: number };
  /** The API and dashboard ("address:port"), for PIER_API_DOMAIN. */
  api?: string;
}

/** TLS 1.2's forward-secret AEAD ciphers (Mozilla's intermediate list). */
const TLS12_CIPHERS = [
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
  "ECDHE-ECDSA-CHACHA20-POLY1305",
  "ECDHE-RSA-CHACHA20-POLY1305",
].join(":");

/** The HAProxy ring (an in-memory log buffer) sampled requests' latency lines go to (metrics/latency-log.ts). */
export const LATENCY_RING = "pier_latency";

/** The frontends every request comes in through: plain HTTP, and TLS when there is a TLS port. */
export const FRONTEND = "pier";
export const TLS_FRONTEND = "pier_tls";
export const frontendNames = (listen: HaproxyListen) =>
  listen.tlsPort === undefined ? [FRONTEND] : [FRONTEND, TLS_FRONTEND];

/** Pier's own answers, as backends: hosts nothing serves, with nothing running ("0" in the map), redirected. */
const NOT_FOUND_BACKEND = "not_found";
const DOWN_BACKEND = "0";

const quote = (value: string) => `"${value.replace(/["\\]/g, "\\$&")}"`;

/**
 * HAProxy as Pier's data plane. Routing lives in one map (host → backend slot) that the control plane
 * replaces atomically through the runtime API (prepare → add → commit), so a production switch needs no
 * reload: client keep-alive connections are never closed by a switch, and the next request follows the
 * new map. Each routed deployment's replicas are the servers of one pre-declared backend slot, filled
 * at run time (`set server … addr/state/health`): HAProxy balances across them, checks them every
 * second, and retries a refused connection on another replica, so a replica that dies fails no request.
 * `endpointsBySlot` are the slots the first route table uses (BackendSlots.plan): their servers are written
 * in service, with the map file to match, so HAProxy routes from its very first request.
 */
export function renderHaproxyConfig(
  listen: HaproxyListen,
  paths: HaproxyPaths,
  endpointsBySlot: ReadonlyMap<number, string[]> = new Map(),
): string {
  const backends = Array.from(
    { length: listen.slots },
    (_, slot) =>
      `backend ${slotName(slot)}\n${renderServers(listen.serversPerSlot, endpointsBySlot.get(slot) ?? [])}\n`,
  ).join("\n");
  return `# Written by Pier's router at start; routes change at run time through the admin socket.
global
  nbthread ${listen.threads}
  # A second router on the same port must fail to bind, not share the port unnoticed.
  noreuseport
  # Mozilla's "intermediate" TLS: 1.2 and 1.3, forward-secret AEAD ciphers only.
  ssl-default-bind-options ssl-min-ver TLSv1.2 no-tls-tickets
  ssl-default-bind-ciphers ${TLS12_CIPHERS}
  ssl-default-bind-ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
  # expose-fd listeners: the next router's HAProxy takes the listening socket over from this one (-x)
  # instead of binding anew, so a router killed outright is replaced without refusing a connection.
  stats socket ${quote(paths.adminSocket)} mode 600 level admin expose-fd listeners
  # A soft stop (a takeover's -sf) lets requests in flight finish, within bounds.
  hard-stop-after 10s
${latencyLogTarget(listen)}
defaults
  mode http
  # Replicas sit on a local network, where a connection takes well under a millisecond. A container that vanished
  # leaves an address that drops the handshake: give up on it after 2 s and retry elsewhere (retries below),
  # rather than hold the request past what clients wait.
  timeout connect 2s
  timeout client 60s
  timeout server 300s
  timeout http-request 30s
  timeout http-keep-alive 65s
  timeout tunnel 1h
  timeout check 2s
  # An app that can't be reached is a bad gateway to the user; HAProxy itself would call it 503.
  errorfile 502 ${quote(paths.badGatewayResponse)}
  errorfile 503 ${quote(paths.badGatewayResponse)}
  balance roundrobin
  # On a soft stop (a takeover's -sf), an idle keep-alive connection is kept
  # until its next request and closed after the answer (Connection: close), not closed at once: a client
  # sending on it just then would get a reset, and most HTTP clients don't retry that. hard-stop-after
  # bounds how long idle ones are waited for.
  option idle-close-on-response
  # A refused connection, or a kept-alive upstream connection closed just as it was reused, is retried
  # on another replica (redispatch on every retry); with one replica, on the same one.
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response junk-response
  # Every server starts empty and out of service; the control plane fills it. Checked every 5 s at rest
  # (with 100 apps, one check a second each cost HAProxy 3 % of a core doing nothing: bench/footprint.ts), and
  # every second once a check or a live connection failed (observe, on-error): three failures in a row take it
  # out (one slow check on a busy machine must not), and meanwhile a refused connection is retried on another
  # replica anyway. A server that is down is checked every second, to come back at once.
  default-server check inter 5s fastinter 1s downinter 1s fall 3 rise 1 disabled
  default-server observe layer4 error-limit 1 on-error fastinter

${frontends(listen, paths)}
# Apps scaled to zero: the router's activator holds the request, wakes the app and forwards it.
backend ${ACTIVATOR}
  timeout server ${listen.activator.timeoutMs + 5_000}ms
  server a0 127.0.0.1:${listen.activator.port} enabled no-check
${answerBackends(paths)}${fixedBackends(listen)}${latencyRing(listen)}
${backends}`;
}

/**
 * A frontend: what the host's map value says (routes.map, one lookup for most requests: see route-map.ts for the
 * value's forms), then the forwarded headers, then the backend the value names. Plain HTTP and TLS have a frontend
 * each, so that neither asks on every request which one it is (`ssl_fc`): the scheme and port are constants, the
 * HTTPS redirect is only in the plain one, HSTS only in the TLS one. Every rule here runs for every request, so
 * Pier's own answers (404, 503, redirects to another domain) are backends the value names, not rules.
 */
function frontends(listen: HaproxyListen, paths: HaproxyPaths): string {
  const plain = frontend(listen, paths, {
    name: FRONTEND,
    bind: `${listen.host}:${listen.port}`,
    scheme: "http",
    port: listen.port,
  });
  if (listen.tlsPort === undefined) return plain;
  const certs = `crt ${quote(paths.defaultCert)} crt-list ${quote(paths.certList)}`;
  // SNI picks the certificate: the default one, or any in the crt-list (replaced at run time).
  const tls = frontend(listen, paths, {
    name: TLS_FRONTEND,
    bind: `${listen.host}:${listen.tlsPort} ssl ${certs} alpn h2,http/1.1`,
    scheme: "https",
    port: listen.tlsPort,
  });
  return `${plain}\n${tls}`;
}

interface FrontendListener {
  name: string;
  bind: string;
  scheme: "http" | "https";
  port: number;
}

function frontend(listen: HaproxyListen, paths: HaproxyPaths, listener: FrontendListener): string {
  const map = quote(paths.routeMap);
  const host = "req.hdr(host),field(1,:),lower";
  const https = listener.scheme === "https";
  return `frontend ${listener.name}
  bind ${listener.bind}
  option forwardfor
${challengeAcl(listen)}  # The Host as sent (no port, lowercase), in one lookup: the only one most requests pay for.
  http-request set-var(txn.slot) ${host},map(${map})
  # Not found: without a trailing dot, then as its wildcard domain (*.example.com).
  http-request set-var(txn.slot) ${host},regsub(\\.$,),map(${map}) if !{ var(txn.slot) -m found }
  http-request set-var(txn.slot) ${host},regsub(\\.$,),regsub(^[^.]*,*),map(${map}) if !{ var(txn.slot) -m found }
${https ? hstsRule() : httpsRedirectRule(listen)}\
  http-request set-header X-Forwarded-Host %[req.hdr(host)]
  http-request set-header X-Forwarded-Proto ${listener.scheme}
  http-request set-header X-Forwarded-Port ${listener.port}
${latencyLogLines(listen)}${splitRules()}${challengeBackendRule(listen)}\
  use_backend %[var(txn.slot),field(1,|),field(1,:)]
  default_backend ${NOT_FOUND_BACKEND}
`;
}

/** Plain HTTP → HTTPS on the same host, for hosts whose value says so (`|r`, `|rh`), ACME challenges excepted. */
function httpsRedirectRule(listen: HaproxyListen): string {
  if (listen.tlsPort === undefined) return "";
  const port = listen.tlsPort === 443 ? "" : `:${listen.tlsPort}`;
  return (
    `  http-request redirect code 308 location https://%[req.hdr(host),field(1,:)]${port}%[capture.req.uri] ` +
    `if { var(txn.slot) -m end |r |rh }${unlessChallenge(listen)}\n`
  );
}

/** HTTPS answers of hosts that asked for it (`|h`, `|rh`) carry HSTS. */
const hstsRule = () =>
  "  http-response set-header Strict-Transport-Security max-age=31536000 if { var(txn.slot) -m end |h |rh }\n";

/**
 * Pier's own answers: no such host (404), nothing running (503), a redirect to another domain with the path kept
 * (`r301:<url>`, `r308:<url>`). ACME challenges never reach them (the frontend sends those to the responder first).
 */
function answerBackends(paths: HaproxyPaths): string {
  const html = `content-type "text/html; charset=utf-8"`;
  const redirect = (status: number) =>
    `\nbackend r${status}\n  http-request redirect code ${status} prefix %[var(txn.slot),regsub(^r${status}:,)]\n`;
  return (
    `\nbackend ${NOT_FOUND_BACKEND}\n  http-request return status 404 ${html} file ${quote(paths.notFoundPage)}\n` +
    `\nbackend ${DOWN_BACKEND}\n  http-request return status 503 ${html} file ${quote(paths.downPage)}\n` +
    redirect(301) +
    redirect(308)
  );
}

/**
 * A slot's servers: those of a replica set the first table routes are in service at its endpoints; the rest
 * are empty and out of service (the default-server's `disabled`) until the control plane fills them.
 */
function renderServers(serversPerSlot: number, endpoints: string[]): string {
  return Array.from({ length: serversPerSlot }, (_, i) => {
    const endpoint = endpoints[i];
    return endpoint === undefined
      ? `  server ${serverName(i)} 127.0.0.1:1`
      : `  server ${serverName(i)} ${endpoint} enabled`;
  }).join("\n");
}

/**
 * One line per sampled request into the latency ring: backend slot (without the host's HTTPS flags), status, total
 * time. A request is logged with probability samplesPerSecond / its frontend's request rate over the last second
 * (always under that rate), so the lines stay near samplesPerSecond whatever the traffic, from a burst's first second
 * on: the share follows the rate HAProxy itself measures, with nothing to adjust from outside. Each frontend (plain
 * HTTP, TLS) samples its own traffic so.
 */
function latencyLogLines(listen: HaproxyListen): string {
  if (!listen.latencyLog) return "";
  // rand(1e6) × rate ≥ samples × 1e6 ⇔ rand(1e6) / 1e6 ≥ samples / rate: silent for that share.
  const threshold = listen.latencyLog.samplesPerSecond * 1_000_000;
  return (
    "  log global\n" +
    `  log-format "%[var(txn.slot),field(1,|)] %ST %Ta"\n` +
    "  http-request set-var(txn.rate) fe_req_rate\n" +
    `  http-request set-log-level silent if { rand(1000000),mul(txn.rate) ge ${threshold} }\n`
  );
}

/** The global section's line for latency metrics: the log lines go into a ring in memory (no syscall each). */
function latencyLogTarget(listen: HaproxyListen): string {
  if (!listen.latencyLog) return "";
  return `  log ring@${LATENCY_RING} len 80 local0 info\n`;
}

/** The ring the router reads the latency lines from (latency-log.ts); 64 kB hold ~5,000 lines. */
function latencyRing(listen: HaproxyListen): string {
  if (!listen.latencyLog) return "";
  return `\nring ${LATENCY_RING}\n  format raw\n  maxlen 80\n  size 65536\n`;
}

/** The cookie that keeps a client on the version of a split host it got first (its value: the deployment id). */
export const VERSION_COOKIE = "pier_v";

/**
 * A host split between two versions (a rollout; map value `w:<share>:<version>:<slot>:<version>:<slot>`): a client
 * whose cookie names one of them stays on it (on whichever of its replicas); any other client gets the first with
 * probability share/100, the second otherwise, and the cookie. Each version keeps its own backend slot, so its
 * counters and latency lines stay its own. Every other host leaves the rules before these (`allow` ends a frontend's
 * http-request rules, and the backend rules still run): they cost it one check, not ten.
 */
function splitRules(): string {
  const cookie = `req.cook(${VERSION_COOKIE})`;
  const choose = (field: number, version: string) =>
    `  http-request set-var(txn.slot) var(txn.split),field(${field},:) ` +
    `if { var(txn.version),strcmp(${version}) eq 0 }\n`;
  return (
    "  http-request allow if !{ var(txn.slot) -m beg w: }\n" +
    "  http-request set-var(txn.split) var(txn.slot)\n" +
    "  http-request set-var(txn.first) var(txn.split),field(3,:)\n" +
    "  http-request set-var(txn.second) var(txn.split),field(5,:)\n" +
    `  http-request set-var(txn.version) ${cookie} if { ${cookie},strcmp(txn.first) eq 0 }\n` +
    `  http-request set-var(txn.version) ${cookie} if { ${cookie},strcmp(txn.second) eq 0 }\n` +
    "  http-request set-var(txn.share) var(txn.split),field(2,:) if !{ var(txn.version) -m found }\n" +
    // rand(100) − share < 0 ⇔ rand(100) < share: the first version for share % of new clients.
    "  http-request set-var(txn.version) var(txn.first) if { var(txn.share) -m found } " +
    "{ rand(100),sub(txn.share) lt 0 }\n" +
    "  http-request set-var(txn.version) var(txn.second) if { var(txn.share) -m found } " +
    "!{ var(txn.version) -m found }\n" +
    choose(4, "txn.first") +
    choose(6, "txn.second") +
    `  http-response add-header Set-Cookie "${VERSION_COOKIE}=%[var(txn.version)]; Path=/; HttpOnly; SameSite=Lax" ` +
    "if { var(txn.share) -m found }\n"
  );
}

/** ACME HTTP-01 challenges, on every host and before any app, redirect or 404 sees them. */
function challengeAcl(listen: HaproxyListen): string {
  return listen.acmeChallenges ? `  acl acme_challenge path_beg ${ACME_CHALLENGE_PATH}\n` : "";
}

const unlessChallenge = (listen: HaproxyListen) => (listen.acmeChallenges ? " !acme_challenge" : "");

function challengeBackendRule(listen: HaproxyListen): string {
  return listen.acmeChallenges ? "  use_backend acme_challenges if acme_challenge\n" : "";
}

/** The backends of the challenge responder and of the API, when there are. */
function fixedBackends(listen: HaproxyListen): string {
  let text = "";
  if (listen.acmeChallenges)
    text += `\nbackend acme_challenges\n  server c0 127.0.0.1:${listen.acmeChallenges.port} enabled no-check\n`;
  if (listen.api) text += `\nbackend ${API_BACKEND}\n  server api0 ${listen.api} enabled no-check\n`;
  return text;
}
