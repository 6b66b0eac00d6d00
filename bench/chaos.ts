// Faults on a real Pier, under bounded load on a live app (2 connections, a request every 20 ms, all on
// 127.0.0.1): SIGKILL of the worker process at each phase of a deploy (and twice in a row), then kill -9
// of the router process. Prints, per fault: requests sent to production meanwhile, how many failed, and
// the time until the deployment was READY, FAILED or CANCELLED.
//   npx tsx bench/chaos.ts          (all rows)
//   npx tsx bench/chaos.ts router   (only the router kill -9 rows)
import { loadConfig } from "@pier/shared";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startTestController } from "../tests/support/controller.ts";
import { killWorkerDuringDeploy, until, WorkerProcess, type FaultOutcome } from "../tests/support/faults.ts";
import { createTestRepo } from "../tests/support/git-repo.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { keepRequesting } from "../tests/support/load.ts";
import { startPlatform, testEnv } from "../tests/support/platform.ts";

const files = (text: string) => ({
  Dockerfile: `FROM pier-local/node:20-bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN sleep 2\nCMD ["node", "server.js"]\n`,
  "server.js": `setTimeout(() => require("http").createServer((q, s) => s.end(${JSON.stringify(text)})).listen(Number(process.env.PORT)), 1000);\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});
const ROUTER_PORT = 18090;
const onlyRouter = process.argv.slice(2).includes("router");
const env = testEnv({ PIER_JOB_LOCK_MS: "2000", LOG_LEVEL: "error", PIER_ROUTER_LATENCY_SAMPLES_PER_SECOND: "200" });
const config = loadConfig(env);
const platform = await startPlatform(config, { worker: false });
const worker = new WorkerProcess(env);
const name = `chaos-${randomBytes(3).toString("hex")}`;
const control = await startTestController(platform, name);
const repo = await createTestRepo(files("v0"));
const rows: FaultOutcome[] = [];
let router: ChildProcess | null = null;
const startRouter = () =>
  spawn(process.execPath, ["--import", "tsx", "apps/router/src/main.ts"], { cwd: path.resolve(import.meta.dirname, ".."), env: { ...env, PIER_ROUTER_PORT: String(ROUTER_PORT) } as NodeJS.ProcessEnv, stdio: "ignore" });
try {
  await platform.api.inject({ method: "POST", url: "/api/apps", headers: platform.auth, payload: { name, repoUrl: repo.url } });
  const first = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
  await until(async () => (await platform.prisma.deployment.findUnique({ where: { id: first.json().id } }))?.status === "READY", "first deploy");
  const ctx = { platform, worker, repo, name, files };
  for (const [label, phase] of onlyRouter ? [] : ([
    ["worker SIGKILL while cloning", /^Cloning /],
    ["worker SIGKILL while building", /^Building image /],
    ["worker SIGKILL during the health check", /^Health check: GET/],
    ["worker SIGKILL right after the switch", /^Release v\d+: production/],
  ] as const)) {
    rows.push(await killWorkerDuringDeploy(ctx, { label, phase, kills: 1 }));
  }
  if (!onlyRouter) rows.push(await killWorkerDuringDeploy(ctx, { label: "worker SIGKILL twice in a row while building", phase: /^Building image /, kills: 2 }));

  // kill -9 of a router process: its HAProxy is left serving; a new router then takes over.
  router = startRouter();
  await until(async () => (await getViaRouter(ROUTER_PORT, `${name}.localhost`, "/", 1_000)).status === 200, "the router process serving");
  const load = keepRequesting(ROUTER_PORT, `${name}.localhost`, { concurrency: 2, pauseMs: 20, maxRequests: 20_000, maxMs: 60_000 });
  const killedAt = Date.now();
  router.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, 3_000)); // three seconds with no router process at all
  const orphaned = { ...load.result, failures: { ...load.result.failures } };
  router = startRouter();
  await until(async () => (await getViaRouter(ROUTER_PORT, `${name}.localhost`, "/", 1_000)).status === 200, "a new router serving", 30_000);
  await new Promise((r) => setTimeout(r, 2_000));
  const result = await load.stop();
  rows.push({ fault: "router kill -9, 3 s without a router (its HAProxy keeps serving)", requests: orphaned.ok + orphaned.failed, failed: orphaned.failed, failures: orphaned.failures, msToTerminal: 0, status: "-", reason: null });
  rows.push({ fault: "then a new router starts and takes over", requests: result.ok + result.failed - (orphaned.ok + orphaned.failed), failed: result.failed - orphaned.failed, failures: result.failures, msToTerminal: Date.now() - killedAt, status: "-", reason: null });

  console.log("\n| fault | requests to production meanwhile | failed | until the deployment ended | it ended |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) console.log(`| ${r.fault} | ${r.requests} | ${r.failed}${r.failed ? ` ${JSON.stringify(r.failures)}` : ""} | ${r.status === "-" ? "-" : `${(r.msToTerminal / 1000).toFixed(1)} s`} | ${r.status}${r.reason ? ` (${r.reason})` : ""} |`);
} finally {
  router?.kill("SIGTERM");
  await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
  await control.close();
  await worker.stop();
  await platform.close();
  await repo.remove();
}
process.exit(0);
