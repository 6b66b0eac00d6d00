import type { Trigger } from "@pier/db";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import { findAppByName } from "./apps.ts";
import { redeployApp, type QueuedAppRedeploy } from "./redeploy.ts";

/** Resources of one replica; null sets a value back to the operator's default. */
export interface ResourceChange {
  memoryMb?: number | null;
  cpus?: number | null;
}

export interface ResourcesResult {
  /** What the app's settings ask for now (null: the operator's default). */
  memoryMb: number | null;
  cpus: number | null;
  /** The redeploy that applies them; null when nothing runs yet or production already runs with them. */
  redeploy: QueuedAppRedeploy | null;
  message: string;
}

/**
 * Stores the memory and CPUs of one replica on the app (its settings) and, when production runs with other
 * figures, queues a redeploy that starts production's image again with them (no build): containers' limits
 * can't change in place, so new replicas take over, zero-downtime, admitted by memory with the new figure.
 * pier.json's `resources` still wins at the next build.
 */
export async function setAppResources(
  deps: PierDeps,
  name: string,
  change: ResourceChange,
  trigger: Trigger,
): Promise<ResourcesResult> {
  const { config } = deps;
  if (change.memoryMb != null && change.memoryMb > config.PIER_MAX_MEMORY_MB)
    throw new AppError(
      "validation_failed",
      `memoryMb: ${change.memoryMb} is over the operator's maximum ${config.PIER_MAX_MEMORY_MB} (PIER_MAX_MEMORY_MB)`,
      "memoryMb",
    );
  if (change.cpus != null && change.cpus > config.PIER_MAX_CPUS)
    throw new AppError(
      "validation_failed",
      `cpus: ${change.cpus} is over the operator's maximum ${config.PIER_MAX_CPUS} (PIER_MAX_CPUS)`,
      "cpus",
    );
  const found = await findAppByName(deps.prisma, name);
  const app = await deps.prisma.app.update({ where: { id: found.id }, data: change });
  const asked = { memoryMb: app.memoryMb, cpus: app.cpus };
  const live = app.productionDeploymentId
    ? await deps.prisma.deployment.findUnique({ where: { id: app.productionDeploymentId } })
    : null;
  const wanted = {
    memoryMb: app.memoryMb ?? live?.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB,
    cpus: app.cpus ?? live?.cpus ?? config.PIER_CONTAINER_CPUS,
  };
  const described = `${wanted.memoryMb} MB, ${wanted.cpus} CPU(s) per replica`;
  if (!live) return { ...asked, redeploy: null, message: `${name}: ${described} from its first deploy on` };
  const runs = {
    memoryMb: live.memoryMb ?? config.PIER_CONTAINER_MEMORY_MB,
    cpus: live.cpus ?? config.PIER_CONTAINER_CPUS,
  };
  if (runs.memoryMb === wanted.memoryMb && runs.cpus === wanted.cpus)
    return { ...asked, redeploy: null, message: `${name}: production already runs with ${described}` };
  const redeploy = await redeployApp(deps, name, trigger);
  return {
    ...asked,
    redeploy,
    message:
      `${name}: ${described}; redeploy ${redeploy.deployment.shortId} applies it (no build). ` +
      "pier.json's resources, if it has them, still win at the next build",
  };
}
