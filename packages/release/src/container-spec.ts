import type { App, Deployment, EnvVar, FeatureFlag } from "@pier/db";
import type { HostDirectoryMount, OneOffSpec, VolumeMount } from "@pier/runtime";
import {
  envTargetOf,
  flagEnv,
  flagRecord,
  FLAGS_MOUNT_DIR,
  type FlagValues,
  LABELS,
  openEnvVars,
  secretBox,
  type EnvTarget,
  type PierConfig,
  type SecretsSettings,
} from "@pier/shared";
import { appFlagsDir } from "./flags-file.ts";
import { storedMounts } from "./volumes.ts";

/**
 * The one place a container's spec comes from: image, env, limits, labels, mounts. Deploy, promote,
 * the controller, one-off runs, tests and the compose export all read it from what the deployment
 * stored when it was built, so every container of a deployment runs the same way.
 */

/** One container of a deployment: everything it starts with. */
export interface StartRequest {
  appId: string;
  appName: string;
  deploymentId: string;
  shortId: string;
  image: string;
  port: number;
  /** The app's env vars (HOST and PORT are added). */
  env: Record<string, string>;
  /** Limits from pier.json; Pier's defaults otherwise. */
  memoryMb?: number | null;
  cpus?: number | null;
  /** The branch slug, for preview deployments. */
  previewSlug?: string | null;
  mounts?: VolumeMount[];
  /** Which replica this is (1 for the first; names and labels of the others carry the number). */
  replica?: number;
  /**
   * The app's feature flags at start time: PIER_FLAG_<KEY> env vars, and the app's flags directory mounted
   * read-only at /run/pier (flags-file.ts). Undefined for a container that gets neither (a build's test command).
   */
  flags?: FlagValues;
}

export interface ContainerLimits {
  memoryMb: number;
  memoryBytes: number;
  cpus: number;
  nanoCpus: number;
  pidsLimit: number;
}

/** The deployment's limits (pier.json, stored at deploy time), else Pier's defaults. */
export function containerLimits(
  config: PierConfig,
  stored: { memoryMb?: number | null; cpus?: number | null } = {},
): ContainerLimits {
  const memoryMb = stored.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB;
  const cpus = stored.cpus ?? config.PIER_CONTAINER_CPUS;
  return {
    memoryMb,
    memoryBytes: memoryMb * 1024 * 1024,
    cpus,
    nanoCpus: Math.round(cpus * 1e9),
    pidsLimit: config.PIER_CONTAINER_PIDS,
  };
}

/** The app's env vars for one target (production or preview deployments) as a record. */
export const envRecord = (
  envVars: Array<Pick<EnvVar, "key" | "value" | "target">>,
  target: EnvTarget,
): Record<string, string> =>
  Object.fromEntries(envVars.filter((v) => v.target === target).map((v) => [v.key, v.value]));

type AppWithEnv = Pick<App, "id" | "name"> & { envVars: Array<Pick<EnvVar, "key" | "value" | "target">> };
/** An app as its containers start: its env vars and its feature flags. */
type AppToStart = AppWithEnv & { featureFlags: Array<Pick<FeatureFlag, "key" | "value">> };

/**
 * The env a new deployment runs with: the app's vars for its target (a preview never sees production's
 * values), frozen into the deployment (sealFrozenEnv) so every container of it starts the same way.
 */
export const currentEnv = (config: SecretsSettings, app: AppWithEnv, deployment: Pick<Deployment, "previewSlug">) =>
  envRecord(openEnvVars(config, app.envVars), envTargetOf(deployment));

/** A deployment's frozen env, sealed as one value (Deployment.env). */
export const sealFrozenEnv = (config: SecretsSettings, env: Record<string, string>) =>
  secretBox(config).seal(JSON.stringify(env));

/**
 * The env a deployment runs with: the one frozen when it was made. A deployment made before Pier froze
 * env (no Deployment.env) falls back to the app's vars of the moment, as it always did.
 */
export function deploymentEnv(
  config: SecretsSettings,
  app: AppWithEnv,
  deployment: Pick<Deployment, "env" | "previewSlug">,
): Record<string, string> {
  if (deployment.env === null) return currentEnv(config, app, deployment);
  return JSON.parse(secretBox(config).open(deployment.env)) as Record<string, string>;
}

/** What every app process sees: its env vars, HOST (many frameworks read it; the app may override it) and PORT. */
export function appEnv(vars: Record<string, string>, port: number): Record<string, string> {
  return { HOST: "0.0.0.0", ...vars, PORT: String(port) };
}

export function appLabels(app: Pick<App, "id" | "name">, extra: Record<string, string> = {}): Record<string, string> {
  return { [LABELS.managed]: "true", [LABELS.app]: app.name, [LABELS.appId]: app.id, ...extra };
}

/** What a container of the app runs with, whatever its role: what the runtime's specs share. */
export type ContainerBase = Pick<
  OneOffSpec,
  "image" | "env" | "labels" | "memoryBytes" | "nanoCpus" | "pidsLimit" | "mounts" | "hostMounts"
>;

/**
 * The one translation of a start request into what the runtime runs: its image, the env every app process
 * sees (appEnv), Pier's labels (`labels` adds to them), the limits and the volumes. A deployment's
 * replicas, `pier run`, the test command and the compose export all start from it.
 */
export function containerBase(
  config: PierConfig,
  request: Pick<
    StartRequest,
    "appId" | "appName" | "image" | "port" | "env" | "memoryMb" | "cpus" | "mounts" | "flags"
  >,
  labels: Record<string, string> = {},
): ContainerBase {
  const limits = containerLimits(config, request);
  const flagsDir: HostDirectoryMount[] = request.flags
    ? [{ hostPath: appFlagsDir(config, request.appId), path: FLAGS_MOUNT_DIR, readOnly: true }]
    : [];
  return {
    image: request.image,
    env: appEnv({ ...request.env, ...flagEnv(request.flags ?? {}) }, request.port),
    labels: appLabels({ id: request.appId, name: request.appName }, labels),
    memoryBytes: limits.memoryBytes,
    nanoCpus: limits.nanoCpus,
    pidsLimit: limits.pidsLimit,
    mounts: request.mounts ?? [],
    hostMounts: flagsDir,
  };
}

/**
 * The start request of a stored deployment's container (replica `replica`, 1 by default); env values
 * opened with the config's secrets key, the app's feature flags as read with it.
 */
export function deploymentStartRequest(
  config: SecretsSettings,
  app: AppToStart,
  deployment: Pick<
    Deployment,
    "id" | "shortId" | "imageId" | "port" | "memoryMb" | "cpus" | "previewSlug" | "mounts" | "env"
  >,
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
    env: deploymentEnv(config, app, deployment),
    memoryMb: deployment.memoryMb,
    cpus: deployment.cpus,
    previewSlug: deployment.previewSlug,
    mounts,
    replica,
    flags: flagRecord(app.featureFlags),
  };
}
