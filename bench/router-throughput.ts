// Throughput and p99 latency against the same app container: direct to its published port, through
// Pier's router (its own process, as in production) with metrics on and with latency sampling off, and
// through nginx (Debian package) as a plain reverse proxy with upstream keep-alive. One run, interleaved
// rounds, side by side; ratios are medians of each round's ratio (this machine's noise moves whole rounds).
// All traffic on 127.0.0.1; wrk runs are bounded in time.
//   npx tsx bench/router-throughput.ts [seconds=5] [rounds=5]
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { getViaRouter } from "../tests/support/http.ts";
import { benchApp, percentile } from "./support.ts";

const SECONDS = Number(process.argv[2] ?? 5);
const ROUNDS = Number(process.argv[3] ?? 5);
const PIER_ROUTER_PORT = 18080;
const NGINX_PORT = 18081;
const PIER_NO_LATENCY_PORT = 18082;

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
}

function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value.trim());
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === "us" ? n / 1000 : match[2] === "s" ? n * 1000 : n;
}

function wrk(port: number, host: string): WrkResult {
  const out = execFileSync(
    "wrk",
    ["-t1", "-c32", `-d${SECONDS}s`, "--latency", "-H", `Host: ${host}`, `http://127.0.0.1:${port}/`],
    { encoding: "utf8" },
  );
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(out)?.[1] ?? "");
  const errors = /Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)/.exec(out);
  if (errors) console.error(`wrk on :${port} reported: ${errors[0]}`);
  return { rps, p99ms: p99 };
}

async function waitForPort(port: number, host: string) {
  for (let i = 0; i < 200; i++) {
    // fetch() can't set Host; the router routes by it.
    const status = await getViaRouter(port, host).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing answered on ${port}`);
}

ensureTool("wrk", "wrk");
ensureTool("nginx", "nginx-light");

const app = await benchApp();
const routers: ChildProcess[] = [];
let nginx: ChildProcess | undefined;
const nginxDir = await mkdtemp(path.join(tmpdir(), "pier-bench-nginx-"));
try {
  const deployment = await app.deploy("hello from the bench");
  const row = await app.platform.prisma.deployment.findUniqueOrThrow({ where: { id: deployment.id } });
  const appPort = row.hostPort!;

  // node --import tsx (not npx): a signal to this process reaches the router itself.
  const startRouter = (port: number, env: Record<string, string> = {}) =>
    routers.push(
      spawn(process.execPath, ["--import", "tsx", "apps/router/src/main.ts"], {
        cwd: path.resolve(import.meta.dirname, ".."),
        env: {
          ...process.env,
          PIER_ROUTER_PORT: String(port),
          LOG_LEVEL: "warn",
          DATABASE_URL: app.platform.config.DATABASE_URL,
          ...env,
        },
        stdio: ["ignore", "inherit", "inherit"],
      }),
    );
  startRouter(PIER_ROUTER_PORT);
  startRouter(PIER_NO_LATENCY_PORT, { PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND: "0" });
  await mkdir(path.join(nginxDir, "logs"));
  await writeFile(
    path.join(nginxDir, "nginx.conf"),
    `worker_processes auto;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream app { server 127.0.0.1:${appPort}; keepalive 64; }
  server {
    listen 127.0.0.1:${NGINX_PORT};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
    }
  }
}
`,
  );
  nginx = spawn("nginx", ["-p", nginxDir, "-c", path.join(nginxDir, "nginx.conf"), "-g", "daemon off;"], {
    stdio: "inherit",
  });
  await waitForPort(PIER_ROUTER_PORT, app.host);
  await waitForPort(NGINX_PORT, app.host);
  await waitForPort(PIER_NO_LATENCY_PORT, app.host);

  const paths = {
    direct: appPort,
    pier: PIER_ROUTER_PORT,
    "pier, no latency sampling": PIER_NO_LATENCY_PORT,
    nginx: NGINX_PORT,
  } as const;
  type Path = keyof typeof paths;
  const labels = Object.keys(paths) as Path[];
  const results = Object.fromEntries(labels.map((label) => [label, [] as WrkResult[]])) as Record<Path, WrkResult[]>;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round in another order, so that no path always runs right after the same one.
    const order = labels.map((_, i) => labels[(i + round) % labels.length]!);
    for (const label of order) results[label].push(wrk(paths[label], app.host));
  }
  const median = (xs: number[]) => percentile(xs, 50);
  const ratios = (label: Path, key: keyof WrkResult) =>
    median(results[label].map((r, round) => r[key] / results.nginx[round]![key]));
  console.log(
    `\nwrk -t1 -c32 -d${SECONDS}s, ${ROUNDS} interleaved rounds, same container (medians); ` +
      `Pier router = HAProxy data plane, ${app.platform.config.PIER_ROUTER_THREADS} thread(s); ` +
      "nginx worker_processes auto",
  );
  console.log("| path | req/s | p99 | req/s vs nginx | p99 vs nginx |");
  console.log("|---|---|---|---|---|");
  for (const label of labels) {
    const rps = median(results[label].map((r) => r.rps));
    const p99 = median(results[label].map((r) => r.p99ms));
    const vsNginx = `${ratios(label, "rps").toFixed(2)} | ${ratios(label, "p99ms").toFixed(2)}`;
    console.log(`| ${label} | ${rps.toFixed(0)} | ${p99.toFixed(2)} ms | ${vsNginx} |`);
  }
  console.log(`raw: ${JSON.stringify(results)}`);
} finally {
  for (const router of routers) router.kill("SIGTERM");
  nginx?.kill("SIGQUIT");
  await app.close();
  await rm(nginxDir, { recursive: true, force: true });
}
process.exit(0);
