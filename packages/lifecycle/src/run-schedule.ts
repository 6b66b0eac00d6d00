import type { DeploymentStatus, PrismaClient } from "@pier/db";
import type { Queue } from "bullmq";
import { isUnfinished } from "./deployment-status.ts";
import { queueDeployment } from "./queue-deployment.ts";
import { queueRedeploy, RedeployRefusedError } from "./queue-redeploy.ts";

/** What one run of a schedule did; `outcome` is what DeploySchedule.lastOutcome says. */
export type ScheduleRun =
  | { kind: "queued"; app: string; deploymentId: string; outcome: string }
  | { kind: "skipped"; app: string; outcome: string }
  | { kind: "refused"; app: string; outcome: string }
  /** The schedule's row is gone (deleted, or its app): nothing to run. */
  | { kind: "gone" };

const STILL: Record<string, string> = { QUEUED: "queued", BUILDING: "building", DEPLOYING: "deploying" };

/**
 * One tick of a schedule: a deploy of the app's branch head (trigger SCHEDULE), or a redeploy of production's
 * image without a build. A tick that finds the app's latest scheduled deployment unfinished is skipped and says
 * which deployment it waited for: schedules never pile builds up. A redeploy the app can't have (nothing live,
 * image pruned) is recorded as refused; a queue that can't take the job throws, so the run is tried again.
 */
export async function runSchedule(
  deps: { prisma: PrismaClient; queue: Queue },
  scheduleId: string,
  now = new Date(),
): Promise<ScheduleRun> {
  const { prisma } = deps;
  const schedule = await prisma.deploySchedule.findUnique({
    where: { id: scheduleId },
    include: { app: { select: { id: true, name: true, branch: true } } },
  });
  if (!schedule) return { kind: "gone" };
  const { app } = schedule;
  const run = await decide(deps, app, schedule.action);
  await prisma.deploySchedule.updateMany({
    where: { id: scheduleId },
    data: {
      lastRunAt: now,
      lastOutcome: run.outcome,
      ...(run.kind === "queued" ? { lastDeploymentId: run.deploymentId } : {}),
    },
  });
  return run;
}

async function decide(
  deps: { prisma: PrismaClient; queue: Queue },
  app: { id: string; name: string; branch: string },
  action: "DEPLOY" | "REDEPLOY",
): Promise<Exclude<ScheduleRun, { kind: "gone" }>> {
  const previous = await deps.prisma.deployment.findFirst({
    where: { appId: app.id, trigger: "SCHEDULE" },
    orderBy: { createdAt: "desc" },
    select: { shortId: true, status: true },
  });
  if (previous && isUnfinished(previous.status))
    return {
      kind: "skipped",
      app: app.name,
      outcome:
        `skipped: deployment ${previous.shortId} from the previous run is still ` +
        `${STILL[previous.status as DeploymentStatus] ?? previous.status.toLowerCase()}`,
    };
  if (action === "DEPLOY") {
    const { deployment } = await queueDeployment(deps, { app, trigger: "SCHEDULE", branch: app.branch });
    const outcome = `deployment ${deployment.shortId} queued: the head of ${app.branch}`;
    return { kind: "queued", app: app.name, deploymentId: deployment.id, outcome };
  }
  try {
    const { deployment, duplicate } = await queueRedeploy(deps, { app, trigger: "SCHEDULE" });
    const outcome = duplicate
      ? `redeploy ${deployment.shortId} was already queued: no second one`
      : `redeploy ${deployment.shortId} queued: production's image with the current env vars`;
    return { kind: "queued", app: app.name, deploymentId: deployment.id, outcome };
  } catch (error) {
    if (error instanceof RedeployRefusedError)
      return { kind: "refused", app: app.name, outcome: `refused: ${error.message}` };
    throw error;
  }
}
