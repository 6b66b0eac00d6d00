// A Docker engine restart (`systemctl restart docker`: SIGTERM, then start) with an app of two replicas
// serving under load, on a Pier whose engine is its own: shared by tests/e2e/docker-restart.test.ts and
// bench/chaos.ts. Each replica answers with its container's host name, so they can be told apart.
import type { Deployment } from "@pier/db";
import { Redis } from "ioredis";
import { randomBytes } from "node:crypto";
import { startTestController, type TestController } from "./controller.ts";
import { deploymentEnded, loadSince, requestDeploy, until, type FaultOutcome } from "./faults.ts";
import { createTestRepo, type TestRepo } from "./git-repo.ts";
import { getViaRouter } from "./http.ts";
import { keepRequesting } from "./load.ts";
import { startPlatform, testConfig, type Platform } from "./platform.ts";
import { PrivateRedis } from "./private-redis.ts";
import { PrivateDockerd } from "./private-dockerd.ts";

const NODE_IMAGE = process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim";
export const dockerRestartAppFiles = (text: string) => ({
  "pier.json": JSON.stringify({ replicas: 2 }),
  // A build step that lasts: the engine can be restarted under it.
  Dockerfile: `FROM ${NODE_IMAGE}\nWORKDIR /app\nCOPY . .\nRUN sleep 3\nCMD ["node", "server.js"]\n`,
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(text)} + " " + require("os").hostname()))` +
    `.listen(Number(process.env.PORT));\nprocess.on("SIGTERM", () => process.exit(0));\n`,
});
/** How long after the engine answers again production must serve from both replicas (issue 18: 10 s). */
export const RECOVERY_DEADLINE_MS = 10_000;

/**
 * Pier (API, worker, router, controller) on a Docker engine of its own, and an app of `prefix` (two replicas)
 * deployed once.
 */
export interface DockerRestartStage {
  engine: PrivateDockerd;
  platform: Platform;
  /** A client of the platform's Redis (for leftovers()). */
  redis: Redis;
  repo: TestRepo & { sha: string };
  name: string;
  host: string;
  /** The app's first deployment, ended. */
  first: Deployment;
  /** The app's containers in the private engine: every one, running or not. */
  containers(): ReturnType<Platform["runtime"]["listContainers"]>;
  /** Host names of the replicas that answered `requests` requests through the router with 200 (none if one did not). */
  servingReplicas(requests: number): Promise<Set<string>>;
  /** What a failed recovery looked like: the app's containers, the controller's replicas, what the router answers. */
  recoveryState(): Promise<string>;
  close(): Promise<void>;
}

export interface DockerRestartOutcome extends FaultOutcome {
  /** From SIGTERM until the engine had exited, and until it answered again. */
  stoppedMs: number;
  msToEngineBack: number;
}

export interface DockerRestartDuringBuildOutcome extends FaultOutcome {
  deploymentId: string;
  /** Host names of the replicas serving once it ended READY (empty otherwise). */
  replicas: Set<string>;
}

export async function startDockerRestartStage(
  prefix: string,
  overrides: Record<string, string> = {},
): Promise<DockerRestartStage> {
  const name = `${prefix}${randomBytes(3).toString("hex")}`;
  const host = `${name}.localhost`;
  let engine: PrivateDockerd | undefined;
  let privateRedis: PrivateRedis | undefined;
  let platform: Platform | undefined;
  let control: TestController | undefined;
  let redis: Redis | undefined;
  let repo: (TestRepo & { sha: string }) | undefined;
  const close = async () => {
    // A scenario that failed while the engine was down: the app's deletion needs it.
    if (engine && !engine.running) await engine.start();
    await platform?.api.inject({ method: "DELETE", url: `/api/apps/${name}`, headers: platform.auth });
    await control?.close();
    redis?.disconnect();
    await platform?.close();
    // Whatever was left, its containers, networks, engine, bridge and directories go with the engine.
    await engine?.remove();
    await privateRedis?.remove();
    await repo?.remove();
  };
  try {
    engine = await PrivateDockerd.create();
    await engine.loadImage(NODE_IMAGE);
    // A Redis of its own: its router can't reload while the engine is down, and routers sharing a Redis all
    // acknowledge every production switch, so on the shared one it would hold up other files' rollbacks.
    privateRedis = await PrivateRedis.create();
    platform = await startPlatform(
      testConfig({ PIER_DOCKER_SOCKET: engine.socketPath, REDIS_URL: privateRedis.url, ...overrides }),
    );
    control = await startTestController(platform, name);
    redis = new Redis(platform.config.REDIS_URL);
    repo = await createTestRepo(dockerRestartAppFiles(name));
    await platform.api.inject({
      method: "POST",
      url: "/api/apps",
      headers: platform.auth,
      payload: { name, repoUrl: repo.url },
    });
    const first = await deploymentEnded(platform, await requestDeploy(platform, name));
    const p = platform;
    const containers = () => p.runtime.listContainers({ "pier.app": name }, { all: true });
    const servingReplicas = async (requests: number) => {
      const names = new Set<string>();
      for (let i = 0; i < requests; i++) {
        const res = await getViaRouter(p.routerPort, host, "/", 2_000);
        if (res.status !== 200) return new Set<string>();
        names.add(res.body.split(" ").pop() ?? "");
      }
      return names;
    };
    const recoveryState = async () => {
      const app = await p.prisma.app.findUniqueOrThrow({ where: { name } });
      const states = await p.prisma.replicaState.findMany({
        where: { deploymentId: app.productionDeploymentId! },
        orderBy: { index: "asc" },
      });
      const answers = await Promise.all(
        [0, 1, 2].map(async () =>
          getViaRouter(p.routerPort, host, "/", 2_000).then(
            (r) => `${r.status} ${r.body.slice(0, 80)}`,
            (e: Error) => e.message,
          ),
        ),
      );
      return JSON.stringify({
        containers: (await containers()).map((c) => ({
          id: c.id.slice(0, 12),
          running: c.running,
          hostPort: c.hostPort,
          deployment: c.labels["pier.deployment"],
        })),
        replicas: states.map((r) => ({
          index: r.index,
          phase: r.phase,
          containerId: r.containerId?.slice(0, 12),
          failures: r.failures,
          lastReason: r.lastReason,
          nextAttemptAt: r.nextAttemptAt,
        })),
        answers,
      });
    };
    return { engine, platform, redis, repo, name, host, first, containers, servingReplicas, recoveryState, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Both replicas serving through the router: the time they did, or a failure saying what recovery looked like. */
const bothServing = (stage: DockerRestartStage, what: string) =>
  until(
    async () => ((await stage.servingReplicas(10)).size === 2 ? Date.now() : null),
    what,
    RECOVERY_DEADLINE_MS,
  ).catch(async (error) => {
    throw new Error(`${(error as Error).message}: ${await stage.recoveryState()}`);
  });

/**
 * With production answering under bounded load, stops the engine (SIGTERM, or SIGKILL to it and its
 * containerd with `how: "kill"`), keeps it down at least `downMs` (and until Pier's API has seen it down),
 * starts it again, and waits until both replicas serve through the router again. With live restore the
 * containers run on meanwhile and the router reaches them at their app-network addresses. Counts the requests
 * from the stop on; any that fail are the fault's, and are counted, not hidden.
 */
export async function restartDockerd(
  stage: DockerRestartStage,
  label: string,
  downMs: number,
  how: "stop" | "kill" = "stop",
): Promise<DockerRestartOutcome> {
  const { platform, engine, host } = stage;
  const load = keepRequesting(platform.routerPort, host, {
    concurrency: 2,
    pauseMs: 20,
    maxRequests: 20_000,
    maxMs: 120_000,
  });
  try {
    await until(async () => load.result.ok >= 20, "production answering under load");
    const atStop = { ...load.result, failures: { ...load.result.failures }, at: Date.now() };
    await (how === "kill" ? engine.kill() : engine.stop());
    const stoppedMs = Date.now() - atStop.at;
    // The outage is the fault's own length; Pier's API has seen the engine down too.
    await until(
      async () =>
        Date.now() - atStop.at >= downMs &&
        (await platform.api.inject({ method: "GET", url: "/healthz" })).json().docker.ok === false,
      "the engine down long enough",
      downMs + 20_000,
    );
    await engine.start();
    const msToEngineBack = Date.now() - atStop.at;
    const serving = await bothServing(stage, "both replicas serving through the router again");
    const result = await load.stop();
    return {
      fault: `dockerd ${how === "kill" ? "killed (-9, with containerd)" : "restart"}, ${label}`,
      ...loadSince(atStop, result),
      msToTerminal: 0,
      status: "-",
      reason: null,
      msToServing: serving - atStop.at,
      stoppedMs,
      msToEngineBack,
    };
  } finally {
    await load.stop();
  }
}

/**
 * Commits and deploys `text` under bounded load on production, and restarts the engine while the build's
 * `RUN sleep 3` runs in one of its containers. Resolves once the deployment has ended and, if READY,
 * both replicas serve through the router (msToServing counts from the stop).
 */
export async function restartDockerdDuringBuild(
  stage: DockerRestartStage,
  text: string,
): Promise<DockerRestartDuringBuildOutcome> {
  const { platform, engine, repo, name, host } = stage;
  await repo.commit(dockerRestartAppFiles(text), text);
  const load = keepRequesting(platform.routerPort, host, {
    concurrency: 2,
    pauseMs: 20,
    maxRequests: 20_000,
    maxMs: 180_000,
  });
  try {
    const started = Date.now();
    const id = await requestDeploy(platform, name);
    await until(
      async () => (await engine.docker("ps", "--no-trunc", "--format", "{{.Command}}")).stdout.includes("sleep 3"),
      "the build step running",
    );
    const stoppedAt = Date.now();
    await engine.stop();
    await engine.start();
    const ended = await deploymentEnded(platform, id);
    const msToTerminal = Date.now() - started;
    let replicas = new Set<string>();
    let msToServing: number | undefined;
    if (ended.status === "READY") {
      replicas = await until(
        async () => {
          const names = await stage.servingReplicas(10);
          return names.size === 2 ? names : null;
        },
        `both replicas of ${text} serving`,
        RECOVERY_DEADLINE_MS,
      );
      msToServing = Date.now() - stoppedAt;
    }
    const result = await load.stop();
    const fault = "dockerd restart during a build";
    return {
      fault,
      requests: result.ok + result.failed,
      failed: result.failed,
      failures: result.failures,
      msToTerminal,
      status: ended.status,
      reason: ended.failureReason,
      deploymentId: id,
      replicas,
      msToServing,
    };
  } finally {
    await load.stop();
  }
}
