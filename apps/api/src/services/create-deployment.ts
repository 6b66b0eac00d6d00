import type { App, Deployment } from "@pier/db";
import { queueDeployment, QueueUnavailableError, type DeploymentRequest, type QueuedDeployment } from "@pier/lifecycle";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";

export type { DeploymentRequest } from "@pier/lifecycle";
export type CreatedDeployment = QueuedDeployment;

/**
 * Records a QUEUED deployment and enqueues its build (@pier/lifecycle's queueDeployment: a push supersedes by
 * history, a deploy by hand cancels the branch's older queued ones). Redis down is a 503.
 */
export async function createDeployment(deps: PierDeps, request: DeploymentRequest): Promise<CreatedDeployment> {
  try {
    return await queueDeployment(deps, request);
  } catch (error) {
    if (error instanceof QueueUnavailableError) throw new AppError("queue_unavailable", error.message);
    throw error;
  }
}

/** A deployment queued to build an earlier deployment's commit again, and what to tell whoever asked. */
export interface Redeployment extends CreatedDeployment {
  app: App;
  source: Deployment;
  /** Says which commit it builds: that deployment's, not the branch head. */
  message: string;
}

/**
 * Deploys an earlier deployment's commit again (its branch, and its preview when it was one): THAT commit, not
 * the branch head, so a redeploy of last week's build builds last week's code. One that never resolved its commit
 * (it failed before its checkout) has nothing to build again.
 */
export async function redeployDeployment(
  deps: PierDeps,
  deploymentId: string,
  trigger: "API" | "DASHBOARD",
): Promise<Redeployment> {
  const source = await deps.prisma.deployment.findUnique({ where: { id: deploymentId }, include: { app: true } });
  if (!source) throw new AppError("deployment_not_found", `deployment ${deploymentId} does not exist`, "id");
  const { app } = source;
  if (!source.commitSha)
    throw new AppError(
      "conflict",
      `deployment ${source.shortId} never resolved its commit (it stopped before its checkout): ` +
        `deploy the head of ${source.branch} instead (pier deploy ${app.name})`,
      "id",
    );
  const created = await createDeployment(deps, {
    app,
    trigger,
    branch: source.branch,
    ...(source.previewSlug ? { previewSlug: source.previewSlug } : {}),
    commit: { sha: source.commitSha, message: source.commitMessage, author: source.commitAuthor },
  });
  const message =
    `Redeploying commit ${source.commitSha.slice(0, 7)} of deployment ${source.shortId} ` +
    `(the commit it built, not the head of ${source.branch}) as deployment ${created.deployment.shortId}`;
  return { ...created, app, source, message };
}
