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
