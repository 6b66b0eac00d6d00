import { appEnv, appLabels, containerLimits, deploymentStartRequest } from "@pier/release";
import { redactSecrets } from "@pier/shared";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";

export interface RunRequest {
  appName: string;
  command: string[];
  timeoutSeconds: number;
}

/**
 * `pier run <app> -- <cmd>` (like `heroku run`): the command runs in a fresh container of the
 * production image, with the app's env vars and volumes, and its output comes back when it exits.
 */
export async function runInAppImage(deps: PierDeps, request: RunRequest) {
  const app = await deps.prisma.app.findUnique({ where: { name: request.appName }, include: { envVars: true, productionDeployment: true } });
  if (!app) throw new AppError("app_not_found", `app ${request.appName} does not exist`, "name");
  const live = app.productionDeployment;
  if (!live?.imageId) throw new AppError("conflict", `${app.name} has no production deployment to run commands in yet`, "name");
  const spec = deploymentStartRequest(deps.config, app, live);
  const limits = containerLimits(deps.config, spec);
  const result = await deps.runtime.runToCompletion({
    image: spec.image,
    command: request.command,
    env: appEnv(spec.env, spec.port),
    labels: appLabels(app, { "pier.role": "run" }),
    memoryBytes: limits.memoryBytes,
    nanoCpus: limits.nanoCpus,
    pidsLimit: limits.pidsLimit,
    timeoutMs: request.timeoutSeconds * 1000,
    mounts: spec.mounts,
  });
  // Like build logs: the app's env values are redacted from what the command printed.
  return { deploymentId: live.id, ...result, output: redactSecrets(result.output, Object.values(spec.env)) };
}
