import type { PrismaClient } from "@pier/db";
import { markFailed, UNFINISHED_STATUSES } from "@pier/lifecycle";
import type { Queue } from "bullmq";

/** Job states in which a worker will still take the deployment up, or is working on it. */
export const LIVE_JOB_STATES = new Set(["waiting", "delayed", "active", "prioritized", "waiting-children"]);
/** A deployment row is written just before its job is queued: younger ones are left alone. */
const GRACE_MS = 30_000;

/**
 * Ends deployments left QUEUED, BUILDING or DEPLOYING with no live job behind them (a worker killed
 * twice, a lost queue): FAILED with the reason, so every accepted push ends somewhere.
 */
export async function endStuckDeployments(
  prisma: PrismaClient,
  queue: Queue,
  appPrefix = "",
  now = Date.now(),
): Promise<string[]> {
  const open = await prisma.deployment.findMany({
    // Only the apps this controller looks after: another Pier on the same database has its own queue.
    where: {
      status: { in: [...UNFINISHED_STATUSES] },
      createdAt: { lt: new Date(now - GRACE_MS) },
      app: { name: { startsWith: appPrefix } },
    },
    select: { id: true, status: true },
  });
  const ended: string[] = [];
  for (const deployment of open) {
    const job = await queue.getJob(deployment.id);
    const state = job ? await job.getState() : "missing";
    if (LIVE_JOB_STATES.has(state)) continue;
    const why = state === "missing" ? "its build job is gone" : `its build job is ${state}`;
    if (
      await markFailed(
        prisma,
        deployment.id,
        `the deployment stopped while ${deployment.status} (${why}); push again or redeploy`,
      )
    )
      ended.push(deployment.id);
  }
  return ended;
}
