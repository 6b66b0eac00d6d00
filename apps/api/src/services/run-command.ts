import { containerBase, deploymentStartRequest, ensureFlagsFile } from "@pier/release";
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
  const app = await deps.prisma.app.findUnique({
    where: { name: request.appName },
    include: { envVars: true, featureFlags: true, productionDeployment: true },
  });
  if (!app) throw new AppError("app_not_found", `app ${request.appName} does not exist`, "name");
  const live = app.productionDeployment;
  if (!live?.imageId)
    throw new AppError("conflict", `${app.name} has no production deployment to run commands in yet`, "name");
  const spec = deploymentStartRequest(deps.config, app, live);
  // It sees the app's flags as its replicas do: the file at /run/pier, and their values at start as env vars.
  const flags = await ensureFlagsFile(deps.config, app.id, spec.flags ?? {});
  const result = await deps.runtime.runToCompletion({
    ...containerBase(deps.config, { ...spec, flags }, { "pier.role": "run" }),
    command: request.command,
    timeoutMs: request.timeoutSeconds * 1000,
  });
  // Like build logs: the app's env values are redacted from what the command printed.
  return { deploymentId: live.id, ...result, output: redactSecrets(result.output, Object.values(spec.env)) };
}
