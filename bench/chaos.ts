// Faults on a real Pier, under bounded load on a live app (2 connections, a request every 20 ms, all on
// 127.0.0.1): SIGKILL of the worker process at each phase of a deploy (and twice in a row), kill -9 of the
// router process, then restarts of the services Pier runs on, each on a private instance (Redis with a
// deploy queued; Postgres during a build, back before it ends and down until the image is built; dockerd
// with two replicas serving: restarted at once, down 6 s, killed -9 with its containerd, and during a
// build). Prints, per fault: requests sent to production meanwhile, how many failed, the time until the
// deployment was READY, FAILED or CANCELLED, and for faults that stop production itself (dockerd), the time
// until every replica served again.
//   npx tsx bench/chaos.ts            (all rows)
//   npx tsx bench/chaos.ts router     (only the router kill -9 rows)
//   npx tsx bench/chaos.ts services   (only the Redis, Postgres and dockerd restart rows)
//   npx tsx bench/chaos.ts dockerd    (only the dockerd rows)
//   npx tsx bench/chaos.ts images     (only the lost-image rows: rebuilt, or rolled back when its commit is gone)
import { loadConfig } from "@pier/shared";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startTestController } from "../tests/support/controller.ts";
import { killWorkerDuringDeploy, until, WorkerProcess, type FaultOutcome } from "../tests/support/faults.ts";
import { createTestRepo } from "../tests/support/git-repo.ts";
import { getViaRouter } from "../tests/support/http.ts";
import { keepRequesting } from "../tests/support/load.ts";
import { startPlatform, testConfig, testEnv, type Platform } from "../tests/support/platform.ts";
import { restartDockerd, restartDockerdDuringBuild, startDockerRestartStage } from "../tests/support/docker-restart.ts";
import { forgetCommit, loseProductionImage, waitUntilServing } from "../tests/support/image-loss.ts";
import { restartPostgresDuringBuild, startPostgresRestartStage } from "../tests/support/postgres-restart.ts";
import { restartRedisWithDeployQueued, startRedisRestartStage } from "../tests/support/redis-restart.ts";

const files = (text: string) => ({
  Dockerfile: `FROM pier-local/node:24-bookworm-slim\nWORKDIR /app\nCOPY . .\nRUN sleep 2\nCMD ["node", "server.js"]\n`,
  "server.js":
    `setTimeout(() => require("http").createServer((q, s) => s.end(${JSON.stringify(text)}))` +
    `.listen(Number(process.env.PORT)), 1000);\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});
const ROUTER_PORT = 18090;
const mode = process.argv[2] ?? "all";
const MODES = ["all", "router", "services", "dockerd", "images"];
if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}: ${MODES.join(", ")}`);

/** Worker SIGKILL rows (unless only the router's) and router kill -9 rows, on one Pier with a live app. */
async function processRows(onlyRouter: boolean): Promise<FaultOutcome[]> {
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
    spawn(process.execPath, ["--import", "tsx", "apps/router/src/main.ts"], {
      cwd: path.resolve(import.meta.dirname, ".."),
      env: { PIER_ROUTER_TLS_PORT: "off", ...env, PIER_ROUTER_PORT: String(ROUTER_PORT) } as NodeJS.ProcessEnv,
      stdio: "ignore",
    });
  try {
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    const first = await platform.api.inject({
      method: "POST",
      url: `/api/apps/${name}/deploy`,
      headers: platform.auth,
    });
    await until(
      async () => (await platform.prisma.deployment.findUnique({ where: { id: first.json().id } }))?.status === "READY",
      "first deploy",
    );
    const ctx = { platform, worker, repo, name, files };
    for (const [label, phase] of onlyRouter
      ? []
      : ([
          ["worker SIGKILL while cloning", /^Cloning /],
          ["worker SIGKILL while building", /^Building image /],
          ["worker SIGKILL during the health check", /^Health check: GET/],
          ["worker SIGKILL right after the switch", /^Release v\d+: production/],
        ] as const)) {
      rows.push(await killWorkerDuringDeploy(ctx, { label, phase, kills: 1 }));
    }
    if (!onlyRouter)
      rows.push(
        await killWorkerDuringDeploy(ctx, {
          label: "worker SIGKILL twice in a row while building",
          phase: /^Building image /,
          kills: 2,
        }),
      );

    // kill -9 of a router process: its HAProxy is left serving; a new router then takes over.
    router = startRouter();
    await until(
      async () => (await getViaRouter(ROUTER_PORT, `${name}.localhost`, "/", 1_000)).status === 200,
      "the router process serving",
    );
    const load = keepRequesting(ROUTER_PORT, `${name}.localhost`, {
      concurrency: 2,
      pauseMs: 20,
      maxRequests: 20_000,
      maxMs: 60_000,
    });
    const killedAt = Date.now();
    router.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 3_000)); // three seconds with no router process at all
    const orphaned = { ...load.result, failures: { ...load.result.failures } };
    router = startRouter();
    await until(
      async () => (await getViaRouter(ROUTER_PORT, `${name}.localhost`, "/", 1_000)).status === 200,
      "a new router serving",
      30_000,
    );
    await new Promise((r) => setTimeout(r, 2_000));
    const result = await load.stop();
    rows.push({
      fault: "router kill -9, 3 s without a router (its HAProxy keeps serving)",
      requests: orphaned.ok + orphaned.failed,
      failed: orphaned.failed,
      failures: orphaned.failures,
      msToTerminal: 0,
      status: "-",
      reason: null,
    });
    rows.push({
      fault: "then a new router starts and takes over",
      requests: result.ok + result.failed - (orphaned.ok + orphaned.failed),
      failed: result.failed - orphaned.failed,
      failures: result.failures,
      msToTerminal: Date.now() - killedAt,
      status: "-",
      reason: null,
    });
    return rows;
  } finally {
    router?.kill("SIGTERM");
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await control.close();
    await worker.stop();
    await platform.close();
    await repo.remove();
  }
}

/** Runs `scenarios` on a stage, closing it whatever happens; a scenario that throws is a row saying so. */
async function onStage<S extends { close(): Promise<void> }>(
  starting: Promise<S>,
  scenarios: Array<[string, (stage: S) => Promise<FaultOutcome>]>,
): Promise<FaultOutcome[]> {
  const stage = await starting;
  const rows: FaultOutcome[] = [];
  try {
    for (const [fault, scenario] of scenarios) {
      rows.push(
        await scenario(stage).catch((error: Error) => ({
          fault,
          requests: 0,
          failed: 0,
          failures: {},
          msToTerminal: 0,
          status: "error",
          reason: error.message,
        })),
      );
    }
    return rows;
  } finally {
    await stage.close();
  }
}

/**
 * Restarts of Redis, Postgres and dockerd, each on a Pier of its own on a private instance
 * (tests/support/*-restart.ts).
 */
async function serviceRows(onlyDockerd: boolean): Promise<FaultOutcome[]> {
  // The platform logs every lost connection as an error while a service is down: the table says what happened.
  const quiet = { LOG_LEVEL: "fatal" };
  if (onlyDockerd) return dockerdRows(quiet);
  return [
    ...(await onStage(startRedisRestartStage("chaos-rds-", quiet), [
      ["Redis restart with a deploy queued", (s) => restartRedisWithDeployQueued(s, "after the restart")],
    ])),
    ...(await onStage(startPostgresRestartStage("chaos-pgr-", quiet), [
      [
        "Postgres restart during a build, back before the build ends",
        (s) => restartPostgresDuringBuild(s, `${s.name} v2`, "back before the build ends"),
      ],
      [
        "Postgres restart during a build, down until the image is built",
        (s) => restartPostgresDuringBuild(s, `${s.name} v3`, "down until the image is built"),
      ],
    ])),
    ...(await dockerdRows(quiet)),
  ];
}

function dockerdRows(quiet: Record<string, string>): Promise<FaultOutcome[]> {
  return onStage(startDockerRestartStage("chaos-dkr-", quiet), [
    ["dockerd restart, started again at once", (s) => restartDockerd(s, "started again at once", 0)],
    ["dockerd restart, down for 6 s", (s) => restartDockerd(s, "down for 6 s", 6_000)],
    [
      "dockerd and containerd killed (-9), started again at once",
      (s) => restartDockerd(s, "started again at once", 0, "kill"),
    ],
    ["dockerd restart during a build", (s) => restartDockerdDuringBuild(s, `${s.name} v2`)],
  ]);
}

/**
 * A production image gone from the engine (tests/support/image-loss.ts), on a Pier of its own with the default
 * sweep: removed by hand (rebuilt from its commit), and with its commit gone too (rolled back by itself to the
 * earlier deployment). Production is scaled to 0 to remove the image, so every request from the scale back up
 * until it serves again fails: the row counts them and the time it took.
 */
async function imageRows(): Promise<FaultOutcome[]> {
  const platform = await startPlatform(testConfig({ LOG_LEVEL: "fatal" }));
  const control = await startTestController(platform, "chaos-img-");
  try {
    return [await imageRemoved(platform), await imageAndCommitGone(platform)];
  } finally {
    await control.close();
    await platform.close();
  }
}

async function onNewApp(
  platform: Platform,
  fault: string,
  scenario: (name: string, repo: Awaited<ReturnType<typeof createTestRepo>>) => Promise<{ text: string }>,
): Promise<FaultOutcome> {
  const name = `chaos-img-${randomBytes(3).toString("hex")}`;
  const repo = await createTestRepo(files(`${name} v1`));
  await platform.api.inject({
    method: "POST",
    url: "/api/apps",
    headers: platform.auth,
    payload: { name, repoUrl: repo.url },
  });
  try {
    const deployed = await deploy(platform, name);
    if (deployed !== "READY") throw new Error(`${name}: first deploy ${deployed}`);
    const { text } = await scenario(name, repo);
    const lost = await loseProductionImage(platform, name);
    const load = keepRequesting(platform.routerPort, `${name}.localhost`, {
      concurrency: 2,
      pauseMs: 20,
      maxMs: 180_000,
    });
    const msToServing = await waitUntilServing(platform, `${name}.localhost`, text, lost.lostAt, 180_000);
    const result = await load.stop();
    return {
      fault,
      requests: result.ok + result.failed,
      failed: result.failed,
      failures: result.failures,
      msToTerminal: 0,
      status: "-",
      reason: null,
      msToServing,
    };
  } finally {
    await platform.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await repo.remove();
  }
}

const deploy = async (platform: Platform, name: string) => {
  const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
  const id = res.json().id as string;
  return until(
    async () => {
      const d = await platform.prisma.deployment.findUniqueOrThrow({ where: { id } });
      return ["READY", "FAILED", "CANCELLED"].includes(d.status) ? d.status : null;
    },
    `deployment ${id} ended`,
    180_000,
  );
};

const imageRemoved = (platform: Platform) =>
  onNewApp(platform, "production image removed by hand (rebuilt from its commit)", async (name) => ({
    text: `${name} v1`,
  }));

const imageAndCommitGone = (platform: Platform) =>
  onNewApp(
    platform,
    "production image removed, its commit gone (rolled back to the earlier one)",
    async (name, repo) => {
      const second = await repo.commit(files(`${name} v2`), "v2");
      if ((await deploy(platform, name)) !== "READY") throw new Error(`${name}: second deploy failed`);
      forgetCommit(repo.dir, repo.sha, second);
      return { text: `${name} v1` };
    },
  );

const rows = [
  ...(["services", "dockerd", "images"].includes(mode) ? [] : await processRows(mode === "router")),
  ...(["router", "images"].includes(mode) ? [] : await serviceRows(mode === "dockerd")),
  ...(["all", "images"].includes(mode) ? await imageRows() : []),
];
const seconds = (ms: number | undefined) => (ms === undefined ? "-" : `${(ms / 1000).toFixed(1)} s`);
console.log(
  "\n| fault | requests to production meanwhile | failed | until the deployment ended | it ended " +
    "| until every replica served again |",
);
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
  const counted = r.status !== "error";
  const cells = [
    r.fault,
    counted ? r.requests : "-",
    counted ? `${r.failed}${r.failed ? ` ${JSON.stringify(r.failures)}` : ""}` : "-",
    ["-", "error"].includes(r.status) ? "-" : seconds(r.msToTerminal),
    `${r.status}${r.reason ? ` (${r.reason})` : ""}`,
    seconds(r.msToServing),
  ];
  console.log(`| ${cells.join(" | ")} |`);
}
process.exit(0);
