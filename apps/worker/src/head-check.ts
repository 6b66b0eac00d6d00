import type { App, PrismaClient } from "@pier/db";
import { deliveredCommit, gitCredentialsFor, recordDelivery } from "@pier/github";
import { queueDeployment } from "@pier/lifecycle";
import { tryLock } from "@pier/redis";
import { checkRepoUrl, startLoop, type Loop, type PierConfig } from "@pier/shared";
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { randomUUID } from "node:crypto";
import { readBranchHead } from "./git/clone.ts";
import { BuildLog } from "./logs/build-log.ts";

export interface HeadCheckDeps {
  config: PierConfig;
  prisma: PrismaClient;
  redis: Redis;
  /** The deploy queue. */
  queue: Queue;
  logger: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** A push Pier found without its webhook, and the deployment it made of it. */
export interface CaughtPush {
  app: string;
  branch: string;
  commitSha: string;
  deploymentId: string;
  /** Why it was not built after all (its commit is behind what is live), or null. */
  skipped: string | null;
}

const short = (sha: string) => sha.slice(0, 12);

/**
 * One pass of the head check: each app's production branch head is read from its repository (git ls-remote,
 * with the app's credentials), and a head no deployment or delivery has named (its webhook never came) is
 * deployed as the push it was; the delivery list shows it as caught and the deployment's log says the webhook was
 * missed. PIER_HEAD_CHECK says which apps: those with git credentials (default), all, or none. Apps never
 * deployed are left alone (nothing moved). One pass at a time across workers; `only` narrows it to some apps.
 */
export async function checkBranchHeads(deps: HeadCheckDeps, only?: { names: string[] }): Promise<CaughtPush[]> {
  if (deps.config.PIER_HEAD_CHECK === "off") return [];
  const lock = await tryLock(deps.redis, `${deps.config.PIER_QUEUE_NAME}:head-check`, randomUUID());
  if (!lock) return [];
  try {
    const apps = await deps.prisma.app.findMany({
      where: { productionDeploymentId: { not: null }, ...(only ? { name: { in: only.names } } : {}) },
      orderBy: { name: "asc" },
    });
    const caught: CaughtPush[] = [];
    for (const app of apps) {
      try {
        const found = await checkApp(deps, app);
        if (found) caught.push(found);
      } catch (error) {
        deps.logger.warn({ err: error, app: app.name }, "head check: could not read the branch head");
      }
    }
    return caught;
  } finally {
    await lock.release();
  }
}

async function checkApp(deps: HeadCheckDeps, app: App): Promise<CaughtPush | null> {
  const { config, prisma } = deps;
  const credentials = await gitCredentialsFor(deps, app);
  if (config.PIER_HEAD_CHECK === "credentials" && !credentials) return null;
  const url = checkRepoUrl(app.repoUrl, {
    allowFileRepos: config.PIER_ALLOW_FILE_REPOS,
    allowedHosts: config.PIER_GIT_HOSTS,
    allowSsh: credentials?.kind === "deployKey",
  });
  if (!url.ok) return null;
  const head = await readBranchHead({
    repoUrl: url.url,
    branch: app.branch,
    allowFileRepos: config.PIER_ALLOW_FILE_REPOS,
    timeoutMs: 30_000,
    credentials,
    caFile: config.PIER_GIT_CA_FILE,
    knownHostsFile: config.PIER_GIT_SSH_KNOWN_HOSTS,
  });
  if (!head) return null;
  const known = await prisma.deployment.count({ where: { appId: app.id, commitSha: head } });
  if (known > 0 || (await deliveredCommit(prisma, app.id, head))) return null;

  const created = await queueDeployment(deps, {
    app,
    trigger: "PUSH",
    branch: app.branch,
    commit: { sha: head, message: null, author: null },
  });
  const id = created.deployment.id;
  const missed =
    `The webhook for this push never came: the head check found ${app.branch} at ${short(head)}, ` +
    "which no delivery named, and deployed it";
  const log = new BuildLog(prisma, id);
  log.write(missed);
  await log.close();
  await recordDelivery(prisma, config.PIER_WEBHOOK_DELIVERIES_KEPT, {
    appId: app.id,
    githubId: null,
    event: "push",
    outcome: "caught",
    reason: created.skipped ? `${missed}; ${created.skipped}` : missed,
    deploymentId: id,
    commitSha: head,
    branch: app.branch,
  });
  deps.logger.warn(
    { app: app.name, commit: head, deploymentId: id },
    "head check: deployed a push whose webhook never came",
  );
  return { app: app.name, branch: app.branch, commitSha: head, deploymentId: id, skipped: created.skipped };
}

/** The head check every PIER_HEAD_CHECK_INTERVAL_MS (nothing when PIER_HEAD_CHECK is off). */
export function startHeadCheck(deps: HeadCheckDeps): Loop | null {
  if (deps.config.PIER_HEAD_CHECK === "off") return null;
  return startLoop({
    name: "head check",
    everyMs: deps.config.PIER_HEAD_CHECK_INTERVAL_MS,
    logger: deps.logger,
    tick: () => checkBranchHeads(deps),
  });
}
