import { spawn, type ChildProcess } from "node:child_process";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Deployment } from "@pier/db";
import type { Redis } from "ioredis";
import { eventually } from "./eventually.ts";
import { keepRequesting, type LoadResult } from "./load.ts";
import type { Platform } from "./platform.ts";
import type { TestRepo } from "./git-repo.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const TERMINAL = ["READY", "FAILED", "CANCELLED"];

/** A Pier worker in its own process (as `npm start` runs it), so a test can SIGKILL it. */
export class WorkerProcess {
  private child: ChildProcess;
  private exited: Promise<void>;
  output = "";

  constructor(private readonly env: Record<string, string | undefined>) {
    this.child = this.spawn();
    this.exited = new Promise((resolve) => this.child.once("exit", () => resolve()));
  }

  private spawn(): ChildProcess {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/worker/src/main.ts"], {
      cwd: root,
      env: this.env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-20_000));
    child.stdout!.on("data", keep);
    child.stderr!.on("data", keep);
    return child;
  }

  /** SIGKILL (no shutdown of any kind), then a fresh worker in its place. */
  async killAndReplace(): Promise<void> {
    this.child.kill("SIGKILL");
    await this.exited;
    this.child = this.spawn();
    this.exited = new Promise((resolve) => this.child.once("exit", () => resolve()));
  }

  async stop(): Promise<void> {
    this.child.kill("SIGTERM");
    await this.exited;
  }
}

/** Lines of a deployment's log that match, so far. */
export async function logMatches(platform: Platform, deploymentId: string, pattern: RegExp): Promise<number> {
  const lines = await platform.prisma.buildLog.findMany({ where: { deploymentId }, select: { line: true } });
  return lines.filter((l) => pattern.test(l.line)).length;
}

/** eventually(), with the longer deadline and quicker polls that fault scenarios need. */
export const until = <T>(
  check: () => Promise<T | false | null | undefined>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> => eventually(check, what, timeoutMs, 25);

export interface FaultOutcome {
  fault: string;
  /** Requests to production while it happened, and how many failed. */
  requests: number;
  failed: number;
  failures: LoadResult["failures"];
  /** From the deploy request until the deployment was READY, FAILED or CANCELLED. */
  msToTerminal: number;
  status: string;
  reason: string | null;
  /** Faults that stop production itself: from the fault until every replica served again. */
  msToServing?: number;
}

/** The deployment once it is READY, FAILED or CANCELLED. */
export const deploymentEnded = (platform: Platform, id: string, timeoutMs = 120_000): Promise<Deployment> =>
  until(
    async () => {
      const d = await platform.prisma.deployment.findUnique({ where: { id } });
      return d && TERMINAL.includes(d.status) ? d : null;
    },
    `deployment ${id} ending`,
    timeoutMs,
  );

/** Asks for a deploy of the app's branch; the deployment's id. */
export async function requestDeploy(platform: Platform, name: string): Promise<string> {
  const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
  if (res.statusCode !== 202) throw new Error(`POST /api/apps/${name}/deploy answered ${res.statusCode}: ${res.body}`);
  return res.json().id as string;
}

/** Requests, failures and their kinds in `now` that were not in `before` yet (a window of one load). */
export function loadSince(
  before: Pick<LoadResult, "ok" | "failed" | "failures">,
  now: LoadResult,
): Pick<FaultOutcome, "requests" | "failed" | "failures"> {
  const failures: LoadResult["failures"] = {};
  for (const [kind, count] of Object.entries(now.failures))
    if (count > (before.failures[kind] ?? 0)) failures[kind] = count - (before.failures[kind] ?? 0);
  return { requests: now.ok + now.failed - before.ok - before.failed, failed: now.failed - before.failed, failures };
}

/**
 * Deploys a new commit and SIGKILLs the worker each time the deployment's log reaches `phase` (`kills`
 * times in a row, a fresh worker started after each), under bounded load on production. Resolves once
 * the deployment has ended.
 */
export async function killWorkerDuringDeploy(
  ctx: {
    platform: Platform;
    worker: WorkerProcess;
    repo: TestRepo;
    name: string;
    files: (text: string) => Record<string, string>;
  },
  fault: { label: string; phase: RegExp; kills: 1 | 2 },
): Promise<FaultOutcome> {
  const { platform, worker, repo, name } = ctx;
  await repo.commit(ctx.files(fault.label), fault.label);
  const load = keepRequesting(platform.routerPort, `${name}.localhost`, {
    concurrency: 2,
    pauseMs: 20,
    maxRequests: 20_000,
    maxMs: 120_000,
  });
  const started = Date.now();
  const res = await platform.api.inject({ method: "POST", url: `/api/apps/${name}/deploy`, headers: platform.auth });
  const id = res.json().id as string;
  for (let kill = 1; kill <= fault.kills; kill++) {
    await until(
      async () => (await logMatches(platform, id, fault.phase)) >= kill,
      `the log of ${id} reaching ${fault.phase} (attempt ${kill})`,
    );
    await worker.killAndReplace();
  }
  const ended = await deploymentEnded(platform, id, 90_000);
  const msToTerminal = Date.now() - started;
  const result = await load.stop();
  return {
    fault: fault.label,
    requests: result.ok + result.failed,
    failed: result.failed,
    failures: result.failures,
    msToTerminal,
    status: ended.status,
    reason: ended.failureReason,
  };
}

/**
 * What a fault may not leave behind: containers of no live or warm deployment, work directories, the app's
 * build lock.
 */
export async function leftovers(platform: Platform, redis: Redis, name: string): Promise<string[]> {
  const app = await platform.prisma.app.findUniqueOrThrow({
    where: { name },
    include: { releases: { orderBy: { version: "desc" }, take: 1 } },
  });
  const allowed = new Set([app.productionDeploymentId, app.releases[0]?.fromDeploymentId]);
  const found: string[] = [];
  for (const c of await platform.runtime.listContainers({ "pier.app": name }, { all: true })) {
    // A stopped container of no deployment is a build step's, which Docker's builder makes and removes itself;
    // one an engine restart left (its overlay mount still busy) can't be removed by Pier or by `docker rm`.
    if (!c.running && c.labels["pier.deployment"] === undefined) {
      console.warn(`leftovers: ignoring stopped build-step container ${c.name} (the engine's to remove)`);
      continue;
    }
    if (!allowed.has(c.labels["pier.deployment"]))
      found.push(`container ${c.name} of deployment ${c.labels["pier.deployment"]}`);
  }
  const dirs = await readdir(platform.config.PIER_WORK_DIR).catch(() => [] as string[]);
  for (const dir of dirs.filter((d) => d.startsWith(`${name}-`))) found.push(`work directory ${dir}`);
  if (await redis.get(`${platform.config.PIER_QUEUE_NAME}:app-lock:${app.id}`)) found.push("the app's build lock");
  return found;
}

/** Waits until the fault left nothing behind (see leftovers), or fails naming what is left. */
export const noLeftovers = (platform: Platform, redis: Redis, name: string): Promise<void> =>
  until(async () => (await leftovers(platform, redis, name)).length === 0, "nothing left behind", 20_000).then(
    () => undefined,
    async (error) => {
      throw new Error(`${(error as Error).message}: ${(await leftovers(platform, redis, name)).join("; ")}`);
    },
  );
