import { storedMounts } from "@pier/release";
import { storedAutoscalePolicy, storedDomains } from "@pier/shared";
import { DeployFailedError } from "../errors.ts";
import type { BuildLog } from "../logs/build-log.ts";
import type { ClaimedDeployment } from "./claim.ts";
import type { DeployDeps } from "./deploy-deps.ts";
import type { RunPlan } from "./run-plan.ts";

/**
 * A redeploy's plan: the image of the deployment it redeploys (production when it was queued), run again with
 * that deployment's port, root directory, health check, volumes, domains and replica count; the resources the
 * app's settings ask for now (pier scale --memory/--cpu), else that deployment's. No clone, no build, no test:
 * the image is the one that passed them. The env is frozen afterwards from the app's env vars of the moment, as
 * for any deployment; pier.json's env defaults are in the image (ENV lines), so they stay, and the app's vars
 * still override them.
 */
export async function redeployStage(
  deps: DeployDeps,
  deployment: ClaimedDeployment & { redeployOfId: string },
  log: BuildLog,
): Promise<RunPlan> {
  const { app } = deployment;
  const source = await deps.prisma.deployment.findUnique({ where: { id: deployment.redeployOfId } });
  if (!source?.imageId || !source.imageTag || source.port === null)
    throw new DeployFailedError(
      "the deployment this redeploy starts again is gone or never made an image: " +
        `deploy again (pier deploy ${app.name})`,
    );
  log.write(`Redeploy of ${source.shortId}: no build, image ${source.imageTag}`);
  if (source.imagePrunedAt || !(await deps.runtime.imageExists(source.imageId)))
    throw new DeployFailedError(
      `the image of deployment ${source.shortId} (${source.imageTag}) was pruned: ` +
        `deploy again to build it (pier deploy ${app.name})`,
    );
  const explained: string[] = [];
  const pick = (name: string, fromApp: number | null, fromSource: number | null, fallback: number, unit = "") => {
    const [value, origin] =
      fromApp !== null
        ? [fromApp, "app settings"]
        : fromSource !== null
          ? [fromSource, `deployment ${source.shortId}`]
          : [fallback, "default"];
    explained.push(`${name}: ${value}${unit} (${origin})`);
    return value;
  };
  const memoryMb = pick("memory", app.memoryMb, source.memoryMb, deps.config.PIER_CONTAINER_MEMORY_MB, " MB");
  const cpus = pick("cpus", app.cpus, source.cpus, deps.config.PIER_CONTAINER_CPUS);
  const healthCheckPath = source.healthCheckPath ?? app.healthCheckPath ?? "/";
  const healthCheckTimeoutMs = source.healthCheckTimeoutMs ?? deps.config.PIER_HEALTHCHECK_TIMEOUT_MS;
  // The count production runs with now (a scale by hand or the autoscaler wrote it there), within the policy.
  const policy = storedAutoscalePolicy(app.autoscale);
  const replicas = policy
    ? Math.min(policy.max, Math.max(policy.min, 1, source.replicas))
    : Math.max(1, source.replicas);
  const mounts = storedMounts(source.mounts);
  explained.push(
    `port: ${source.port}`,
    `health check: GET ${healthCheckPath} (timeout ${healthCheckTimeoutMs} ms)`,
    `replicas: ${replicas}`,
    ...(mounts.length ? [`volumes: ${mounts.map((m) => `${m.volume} → ${m.path}`).join(", ")}`] : []),
    "env: the app's production env vars now (pier.json env defaults stay in the image)",
  );
  log.write(`Settings (deployment ${source.shortId}; resources: app settings > it):\n  ${explained.join("\n  ")}`);
  return {
    kind: "REDEPLOY",
    image: { imageId: source.imageId, tag: source.imageTag, port: source.port },
    settings: { healthCheckPath, healthCheckTimeoutMs, memoryMb, cpus, replicas, autoscale: undefined },
    mounts,
    domains: storedDomains(source.domains),
    rootDir: source.rootDir,
  };
}
