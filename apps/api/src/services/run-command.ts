import { storedMounts } from "@pier/release";
import { LABELS } from "@pier/shared";
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
  const { config } = deps;
  const result = await deps.runtime.runToCompletion({
    image: live.imageId,
    command: request.command,
    env: { ...Object.fromEntries(app.envVars.map((v) => [v.key, v.value])), PORT: String(live.port ?? 3000) },
    labels: { [LABELS.managed]: "true", [LABELS.app]: app.name, [LABELS.appId]: app.id, "pier.role": "run" },
    memoryBytes: (live.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB) * 1024 * 1024,
    nanoCpus: Math.round((live.cpus ?? config.PIER_CONTAINER_CPUS) * 1e9),
    pidsLimit: config.PIER_CONTAINER_PIDS,
    timeoutMs: request.timeoutSeconds * 1000,
    mounts: storedMounts(live.mounts),
  });
  return { deploymentId: live.id, ...result };
}
