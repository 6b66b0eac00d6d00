// Throughput and p99 latency against the same app container: direct to its published port, through Pier's router
// (its own process, as in production, serving plain HTTP and TLS) with latency sampling on and off, and through
// nginx (Debian package) as a reverse proxy doing the same job: the same upstream address (the replica's endpoint
// on the app network), the same X-Forwarded-* headers, upstream keep-alive, and as many worker processes as HAProxy
// has threads. Then the same over TLS: one self-signed certificate (ECDSA P-256) served by both, TLS 1.3 with
// TLS_AES_128_GCM_SHA256 and X25519, checked on each side before the runs. One run, interleaved rounds, side by
// side; ratios are medians of each round's ratio (this machine's noise moves whole rounds), and each wrk run waits
// (a bounded time) for the machine to be quiet first. All traffic on 127.0.0.1; wrk runs are bounded in time.
//   npx tsx bench/router-throughput.ts [seconds=5] [rounds=5]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import tls from "node:tls";
import { LABELS } from "@pier/shared";
import { selfSignedCertificate } from "../tests/support/certificates.ts";
import { eventually } from "../tests/support/eventually.ts";
import { freePorts } from "../tests/support/free-port.ts";
import { benchApp, percentile } from "./support.ts";

const SECONDS = Number(process.argv[2] ?? 5);
const ROUNDS = Number(process.argv[3] ?? 5);
const PIER_ROUTER_PORT = 18080;
const NGINX_PORT = 18081;
const PIER_NO_LATENCY_PORT = 18082;
/** Both sides serve TLS 1.3 with this suite (HAProxy picks it first from Pier's list; nginx is pinned to it). */
const TLS_SUITE = "TLS_AES_128_GCM_SHA256";
/** A wrk run starts once the machine was this idle (other engineers' tests share it), or after QUIET_WAIT_MS. */
const QUIET_BUSY_SHARE = 0.15;
const QUIET_WAIT_MS = 20_000;

function ensureTool(binary: string, aptPackage: string) {
  try {
    execFileSync("sh", ["-c", `command -v ${binary}`], { stdio: "ignore" });
  } catch {
    console.error(`installing ${aptPackage}…`);
    execFileSync("apt-get", ["install", "-y", "-qq", aptPackage], {
      stdio: "ignore",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  }
}

interface WrkResult {
  rps: number;
  p99ms: number;
  /** CPU time the proxy's own processes (HAProxy, or nginx's workers) spent per request, in µs. */
  proxyUs?: number;
  /** CPU time the router's Node process (control plane, latency log) spent per request, in µs. */
  routerUs?: number;
}

interface Target {
  port: number;
  tls: boolean;
  /** The proxy's processes: the router's Node process (HAProxy is its child), or nginx's master. */
  processes?: { router?: number; proxyParent: number };
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === "us" ? n / 1000 : match[2] === "s" ? n * 1000 : n;
}

/** CPU time (user + system, clock ticks) the processes `pids` have used so far; a process gone counts 0. */
async function processTicks(pids: number[]): Promise<number> {
  let ticks = 0;
  for (const pid of pids) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  }
  return ticks;
}

/** The children of `pid` (HAProxy under its router, nginx's workers under the master). */
function childPids(pid: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" }).trim();
  return out ? out.split(/\s+/).map(Number) : [];
}

const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU time of the whole machine, busy and idle (jiffies), from /proc/stat. */
async function cpuTimes(): Promise<{ busy: number; total: number }> {
  const fields = (await readFile("/proc/stat", "utf8")).split("\n")[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - fields[3]! - fields[4]!, total };
}

const quiet = { waitedMs: 0, busyStarts: 0 };
/** Waits until the machine was less than QUIET_BUSY_SHARE busy over half a second, at most QUIET_WAIT_MS. */
async function waitForQuietMachine() {
  const started = Date.now();
  for (;;) {
    const before = await cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = await cpuTimes();
    if ((after.busy - before.busy) / Math.max(1, after.total - before.total) < QUIET_BUSY_SHARE) break;
    if (Date.now() - started > QUIET_WAIT_MS) {
      quiet.busyStarts++;
      break;
    }
  }
  quiet.waitedMs += Date.now() - started;
}

/**
 * wrk with the app's Host header. Over TLS the URL names the app's host, so wrk sends it as SNI, and `resolveLua`
 * connects to 127.0.0.1 whatever that name resolves to (`*.localhost` does not resolve here).
 */
async function wrk(target: Target, host: string, resolveLua: string): Promise<WrkResult> {
  const proxyPids = target.processes ? childPids(target.processes.proxyParent) : [];
  const routerPids = target.processes?.router ? [target.processes.router] : [];
  const [proxyBefore, routerBefore] = [await processTicks(proxyPids), await processTicks(routerPids)];
  const url = target.tls ? `https://${host}:${target.port}/` : `http://127.0.0.1:${target.port}/`;
  const script = target.tls ? ["-s", resolveLua] : [];
  const out = execFileSync(
    "wrk",
    ["-t1", "-c32", `-d${SECONDS}s`, "--latency", ...script, "-H", `Host: ${host}`, url],
    { encoding: "utf8" },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? "");
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out);
  if (errors) console.error(`wrk on :${target.port} reported: ${errors[0]}`);
  const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
  const perRequestUs = (ticks: number) => (ticks / TICKS_PER_SECOND / requests) * 1e6;
  if (!target.processes) return { rps, p99ms: p99 };
  return {
    rps,
    p99ms: p99,
    proxyUs: perRequestUs((await processTicks(proxyPids)) - proxyBefore),
    routerUs: perRequestUs((await processTicks(routerPids)) - routerBefore),
  };
}

/** One GET with the app's Host (and SNI, trusting only the bench's certificate); resolves to the status. */
function get(target: Target, host: string, ca: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const options = { host: "127.0.0.1", port: target.port, headers: { host }, agent: false, timeout: 5_000 };
    const req = target.tls
      ? https.request({ ...options, servername: host, ca }, (res) => resolve(res.resume().statusCode ?? 0))
      : http.request(options, (res) => resolve(res.resume().statusCode ?? 0));
    req.on("timeout", () => req.destroy(new Error(`no answer on ${target.port}`)));
    req.on("error", reject);
    req.end();
  });
}

/** What a TLS client (SNI = the app's host) negotiates with the server on `port`: "TLSv1.3 TLS_AES_… X25519". */
function negotiated(port: number, host: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: "127.0.0.1", port, servername: host, ca }, () => {
      const group = socket.getEphemeralKeyInfo();
      const groupName = group && "name" in group ? group.name : "?";
      resolve(`${socket.getProtocol()} ${socket.getCipher().standardName} ${groupName}`);
      socket.end();
    });
    socket.on("error", reject);
  });
}

function nginxConfig(dir: string, workers: number, upstream: string, pem: string, tlsPort: number): string {
  const proxy = `location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Port $server_port;
    }`;
  return `worker_processes ${workers};
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream app { server ${upstream}; keepalive 64; }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    ${proxy}
  }
  server {
    listen 127.0.0.1:${tlsPort} ssl;
    ssl_certificate ${pem};
    ssl_certificate_key ${pem};
    ssl_protocols TLSv1.3;
    ssl_conf_command Ciphersuites ${TLS_SUITE};
    ssl_ecdh_curve X25519;
    ssl_session_tickets off;
    ssl_session_cache shared:tls:1m;
    ${proxy}
  }
}
`;
}

ensureTool("wrk", "wrk");
ensureTool("nginx", "nginx-light");
ensureTool("openssl", "openssl");

const app = await benchApp();
const routers: ChildProcess[] = [];
let nginx: ChildProcess | undefined;
const workDir = await mkdtemp(path.join(tmpdir(), "pier-bench-throughput-"));
let failed = false;
try {
  // One router serves the app over both: plain HTTP answers it too, instead of redirecting to HTTPS.
  const patched = await app.platform.api.inject({
    method: "PATCH",
    url: `/api/apps/${app.name}`,
    headers: app.platform.auth,
    payload: { httpsRedirect: false },
  });
  if (patched.statusCode !== 200) throw new Error(`turning the HTTPS redirect off: ${patched.body}`);
  const deployment = await app.deploy("hello from the bench");
  const row = await app.platform.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
  const appPort = row.hostPort!;
  // nginx proxies to where the router does: the replica's address on the app network, not the published port.
  const [replica] = await app.platform.runtime.listContainers({ [LABELS.deployment]: deployment.id });
  if (!replica?.endpoint) throw new Error("the bench app's replica has no endpoint");
  const threads = app.platform.config.PIER_ROUTER_THREADS;

  // One certificate for the app's domain, `<name>.pem` (chain and key) as PIER_TLS_CERT_DIR holds them.
  const domain = app.platform.config.PIER_DOMAIN;
  const certificate = await selfSignedCertificate([`*.${domain}`, app.host], 2);
  const certDir = path.join(workDir, "certs");
  await mkdir(certDir);
  const pem = path.join(certDir, "bench.pem");
  await writeFile(pem, certificate.pem, { mode: 0o600 });
  const resolveLua = path.join(workDir, "resolve.lua");
  await writeFile(resolveLua, 'function wrk.resolve(host, service) wrk.addrs = wrk.lookup("127.0.0.1", service) end\n');
  const [pierTlsPort, nginxTlsPort] = (await freePorts(2)) as [number, number];

  // node --import tsx (not npx): a signal to this process reaches the router itself.
  const startRouter = (port: number, env: Record<string, string>) =>
    routers.push(
      spawn(process.execPath, ["--import", "tsx", "apps/router/src/main.ts"], {
        cwd: path.resolve(import.meta.dirname, ".."),
        env: {
          ...process.env,
          PIER_ROUTER_PORT: String(port),
          PIER_ROUTER_THREADS: String(threads),
          LOG_LEVEL: "warn",
          DATABASE_URL: app.platform.config.DATABASE_URL,
          ...env,
        },
        stdio: ["ignore", "inherit", "inherit"],
      }),
    );
  startRouter(PIER_ROUTER_PORT, { PIER_ROUTER_TLS_PORT: String(pierTlsPort), PIER_TLS_CERT_DIR: certDir });
  startRouter(PIER_NO_LATENCY_PORT, { PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND: "0", PIER_ROUTER_TLS_PORT: "off" });
  const nginxDir = path.join(workDir, "nginx");
  await mkdir(path.join(nginxDir, "logs"), { recursive: true });
  await writeFile(
    path.join(nginxDir, "nginx.conf"),
    nginxConfig(nginxDir, threads, replica.endpoint, pem, nginxTlsPort),
  );
  nginx = spawn("nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: "inherit",
  });

  const pierProcesses = (router: ChildProcess) => ({ router: router.pid!, proxyParent: router.pid! });
  const nginxProcesses = { proxyParent: nginx.pid! };
  const targets = {
    direct: { port: appPort, tls: false },
    pier: { port: PIER_ROUTER_PORT, tls: false, processes: pierProcesses(routers[0]!) },
    "pier, no latency sampling": { port: PIER_NO_LATENCY_PORT, tls: false, processes: pierProcesses(routers[1]!) },
    nginx: { port: NGINX_PORT, tls: false, processes: nginxProcesses },
    "pier, TLS": { port: pierTlsPort, tls: true, processes: pierProcesses(routers[0]!) },
    "nginx, TLS": { port: nginxTlsPort, tls: true, processes: nginxProcesses },
  } as const;
  type Path = keyof typeof targets;
  const baseline = (label: Path): Path => (targets[label].tls ? "nginx, TLS" : "nginx");
  const served = async (label: Path) => {
    const answered = () => get(targets[label], app.host, certificate.certPem).then((status) => status === 200);
    return eventually(answered, `${label} answers 200 on :${targets[label].port}`, 30_000).then(
      () => true,
      (error: Error) => {
        console.error(`${label}: ${error.message}`);
        return false;
      },
    );
  };
  const labels: Path[] = [];
  for (const label of Object.keys(targets) as Path[]) if (await served(label)) labels.push(label);
  const missing = (Object.keys(targets) as Path[]).filter((label) => !labels.includes(label));
  if (missing.includes("nginx") || missing.includes("nginx, TLS")) throw new Error("nginx did not serve the app");
  if (missing.length) {
    failed = true;
    const tlsHint = missing.includes("pier, TLS")
      ? " (Pier over TLS needs a router that serves PIER_TLS_CERT_DIR's certificates on PIER_ROUTER_TLS_PORT)"
      : "";
    console.error(`not measured: ${missing.join(", ")}${tlsHint}`);
  }
  const handshakes = new Map<Path, string>();
  for (const label of labels.filter((l) => targets[l].tls)) {
    handshakes.set(label, await negotiated(targets[label].port, app.host, certificate.certPem));
  }
  if (new Set(handshakes.values()).size > 1) {
    console.error(`the TLS rows are not like for like: ${JSON.stringify(Object.fromEntries(handshakes))}`);
  }

  const results = Object.fromEntries(labels.map((label) => [label, [] as WrkResult[]])) as Record<Path, WrkResult[]>;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round in another order, so that no path always runs right after the same one.
    const order = labels.map((_, i) => labels[(i + round) % labels.length]!);
    for (const label of order) {
      await waitForQuietMachine();
      results[label].push(await wrk(targets[label], app.host, resolveLua));
    }
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const ratios = (label: Path, key: "rps" | "p99ms") =>
    median(results[label].map((r, round) => r[key] / results[baseline(label)][round]![key]));
  console.log(
    `\nwrk -t1 -c32 -d${SECONDS}s, ${ROUNDS} interleaved rounds, same container (medians); ` +
      `Pier router = HAProxy data plane, ${threads} thread(s); nginx ${threads} worker process(es); ` +
      `TLS: ${[...new Set(handshakes.values())].join(" / ") || "—"}; ` +
      `waited ${(quiet.waitedMs / 1000).toFixed(0)} s for a quiet machine, ` +
      `${quiet.busyStarts} of ${ROUNDS * labels.length} runs started while it was busy`,
  );
  console.log("| path | req/s | p99 | req/s vs nginx | p99 vs nginx | proxy CPU/req | router CPU/req |");
  console.log("|---|---|---|---|---|---|---|");
  for (const label of Object.keys(targets) as Path[]) {
    if (!labels.includes(label)) {
      console.log(`| ${label} | — | — | — | — | — | — |`);
      continue;
    }
    const rps = median(results[label].map((r) => r.rps));
    const p99 = median(results[label].map((r) => r.p99ms));
    const vsNginx = `${ratios(label, "rps").toFixed(2)} | ${ratios(label, "p99ms").toFixed(2)}`;
    const us = (key: "proxyUs" | "routerUs") => {
      const values = results[label].map((r) => r[key]).filter((v): v is number => v !== undefined);
      return values.length ? `${median(values).toFixed(1)} µs` : "—";
    };
    console.log(
      `| ${label} | ${rps.toFixed(0)} | ${p99.toFixed(2)} ms | ${vsNginx} | ${us("proxyUs")} | ${us("routerUs")} |`,
    );
  }
  console.log("(TLS rows against nginx over TLS, the others against nginx over plain HTTP)");
  console.log(`raw: ${JSON.stringify(results)}`);
} finally {
  for (const router of routers) router.kill("SIGTERM");
  nginx?.kill("SIGQUIT");
  await app.close();
  await rm(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
