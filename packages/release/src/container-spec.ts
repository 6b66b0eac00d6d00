import type { App, Deployment, EnvVar } from "@pier/db";
import type { VolumeMount } from "@pier/runtime";
import { envTargetOf, LABELS, openEnvVars, type EnvTarget, type PierConfig, type SecretsSettings } from "@pier/shared";
import type { StartRequest } from "./start-container.ts";
import { storedMounts } from "./volumes.ts";

/**
 * The one place a container's spec comes from: image, env, limits, labels, mounts. Deploy, promote,
 * the controller, one-off runs, tests and the compose export all read it from what the deployment
 * stored when it was built, so every container of a deployment runs the same way.
 */

export interface ContainerLimits {
  memoryMb: number;
  memoryBytes: number;
  cpus: number;
  nanoCpus: number;
  pidsLimit: number;
}

/** The deployment's limits (pier.json, stored at deploy time), else Pier's defaults. */
export function containerLimits(config: PierConfig, stored: { memoryMb?: number | null; cpus?: number | null } = {}): ContainerLimits {
  const memoryMb = stored.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB;
  const cpus = stored.cpus ?? config.PIER_CONTAINER_CPUS;
  return { memoryMb, memoryBytes: memoryMb * 1024 * 1024, cpus, nanoCpus: Math.round(cpus * 1e9), pidsLimit: config.PIER_CONTAINER_PIDS };
}

/** The app's env vars for one target (production or preview deployments) as a record. */
export const envRecord = (envVars: Array<Pick<EnvVar, "key" | "value" | "target">>, target: EnvTarget): Record<string, string> =>
  Object.fromEntries(envVars.filter((v) => v.target === target).map((v) => [v.key, v.value]));

/** What every app process sees: its env vars, HOST (many frameworks read it; the app may override it) and PORT. */
export function appEnv(vars: Record<string, string>, port: number): Record<string, string> {
  return { HOST: "0.0.0.0", ...vars, PORT: String(port) };
}

export function appLabels(app: Pick<App, "id" | "name">, extra: Record<string, string> = {}): Record<string, string> {
  return { [LABELS.managed]: "true", [LABELS.app]: app.name, [LABELS.appId]: app.id, ...extra };
}

/** The start request of a stored deployment's container (replica `replica`, 1 by default); env values opened with the config's secrets key. */
export function deploymentStartRequest(
  config: SecretsSettings,
  app: Pick<App, "id" | "name"> & { envVars: Array<Pick<EnvVar, "key" | "value" | "target">> },
  deployment: Pick<Deployment, "id" | "shortId" | "imageId" | "port" | "memoryMb" | "cpus" | "previewSlug" | "mounts">,
  replica = 1,
): StartRequest {
  if (!deployment.imageId) throw new Error(`deployment ${deployment.shortId} has no image`);
  const mounts: VolumeMount[] = storedMounts(deployment.mounts);
  return {
    appId: app.id,
    appName: app.name,
    deploymentId: deployment.id,
    shortId: deployment.shortId,
    image: deployment.imageId,
    port: deployment.port ?? 3000,
    // A preview never sees production's values: only the vars that target previews.
    env: envRecord(openEnvVars(config, app.envVars), envTargetOf(deployment)),
    memoryMb: deployment.memoryMb,
    cpus: deployment.cpus,
    previewSlug: deployment.previewSlug,
    mounts,
    replica,
  };
}
