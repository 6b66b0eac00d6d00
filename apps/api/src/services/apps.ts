import { Prisma, type App, type PrismaClient } from "@pier/db";
import { acquireLock } from "@pier/redis";
import { removeAppVolumes, removeFlagsDir } from "@pier/release";
import { RECONCILE_LOCK_TTL_MS, reconcileLockKey, setDesiredReplicas } from "@pier/replicas";
import { announceAndWaitForRouters, announceRouteChange } from "@pier/routing";
import {
  autoscaleOverMaxima,
  secretBox,
  checkRepoUrl,
  clashCandidates,
  hostLabelClash,
  isGeneratedLabelOf,
  LABELS,
  randomId,
  storedAutoscalePolicy,
  type PierConfig,
} from "@pier/shared";
import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import { removeAppImages, type ImageLeft } from "./remove-app-images.ts";
import { appScheduleIds, removeSchedulers } from "./schedules.ts";
import { LOCK_WAIT_MS, scaleNotifier, type ScaleCaller } from "./scale-caller.ts";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { createAppBody, updateAppBody } from "../schemas/app.ts";

export const newId = () => randomId(16, randomBytes);

/** `allowSsh`: the app has an SSH deploy key (ssh URLs are refused otherwise). */
function validRepoUrl(config: PierConfig, raw: string, allowSsh = false): string {
  const check = checkRepoUrl(raw, {
    allowFileRepos: config.PIER_ALLOW_FILE_REPOS,
    allowedHosts: config.PIER_GIT_HOSTS,
    allowSsh,
  });
  if (!check.ok) throw new AppError("validation_failed", `repoUrl: ${check.reason}`, "repoUrl");
  return check.url;
}

export async function findAppByName(prisma: PrismaClient, name: string): Promise<App> {
  const app = await prisma.app.findUnique({ where: { name } });
  if (!app) throw new AppError("app_not_found", `app ${name} does not exist`, "name");
  return app;
}

/**
 * The router serves `<app>-<shortId>` and `<app>-git-<slug>` next to app names: a new name must not shadow (or be
 * shadowed by) another app's.
 */
async function refuseHostLabelClash(prisma: PrismaClient, name: string): Promise<void> {
  const { exact, prefix } = clashCandidates(name);
  const others = await prisma.app.findMany({
    where: { OR: [{ name: { startsWith: prefix } }, ...(exact ? [{ name: exact }] : [])] },
    select: { name: true },
  });
  const clash = hostLabelClash(
    name,
    others.map((o) => o.name),
  );
  if (!clash) return;
  const detail = isGeneratedLabelOf(name, clash)
    ? `${name} is a host Pier makes for app ${clash}`
    : `app ${clash}'s name is a host Pier would make for ${name}`;
  throw new AppError(
    "conflict",
    `name: ${detail} (<app>-<deployment id>, <app>-git-<branch>); pick another name`,
    "name",
  );
}

export async function createApp(deps: PierDeps, input: z.infer<typeof createAppBody>): Promise<App> {
  const repoUrl = validRepoUrl(deps.config, input.repoUrl);
  const existing = await deps.prisma.app.findUnique({ where: { name: input.name } });
  if (existing) throw new AppError("app_exists", `an app named ${input.name} already exists`, "name");
  await refuseHostLabelClash(deps.prisma, input.name);
  try {
    return await deps.prisma.app.create({
      data: {
        id: newId(),
        name: input.name,
        repoUrl,
        branch: input.branch,
        rootDir: input.rootDir ?? "",
        port: input.port ?? null,
        healthCheckPath: input.healthCheckPath ?? "/",
        webhookSecret: secretBox(deps.config).seal(randomBytes(24).toString("hex")),
      },
    });
  } catch (error) {
    // Two creates racing for one name: the unique index decides.
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("app_exists", `an app named ${input.name} already exists`, "name");
    throw error;
  }
}

export async function updateApp(
  deps: PierDeps,
  name: string,
  input: z.infer<typeof updateAppBody>,
  caller: ScaleCaller,
): Promise<App> {
  const app = await findAppByName(deps.prisma, name);
  const deployKey = await deps.prisma.appCredential.count({ where: { appId: app.id, kind: "DEPLOY_KEY" } });
  const repoUrl = input.repoUrl === undefined ? undefined : validRepoUrl(deps.config, input.repoUrl, deployKey > 0);
  const { autoscale, ...settings } = input;
  if (autoscale) {
    const over = autoscaleOverMaxima(autoscale, deps.config.PIER_MAX_REPLICAS);
    if (over.length)
      throw new AppError("validation_failed", over.map((o) => `${o.field}: ${o.message}`).join("; "), over[0]!.field);
  }
  // Turning autoscale off leaves replicas where the autoscaler put them, except that an app it had
  // scaled to zero serves again (without a policy, nothing would ever wake it).
  const wakeUp = autoscale === null && app.replicas === 0 && storedAutoscalePolicy(app.autoscale) !== null;
  const updated = await deps.prisma.app.update({
    where: { id: app.id },
    data: { ...settings, repoUrl, ...(autoscale === undefined ? {} : { autoscale: autoscale ?? Prisma.DbNull }) },
  });
  // HTTPS redirect and HSTS are the routers' to apply: they take effect with the next route table, now.
  if (updated.httpsRedirect !== app.httpsRedirect || updated.hsts !== app.hsts)
    await announceAndWaitForRouters(deps.redis, deps.config.PIER_ROUTER_ACK_TIMEOUT_MS);
  if (!wakeUp) return updated;
  const reason = "autoscale turned off while the app was scaled to zero: one replica serves again";
  await setDesiredReplicas(
    { ...deps, emit: scaleNotifier(deps, caller.log), lockWaitMs: LOCK_WAIT_MS },
    { appId: app.id, from: 0, to: 1, by: caller.by, reason },
  );
  return findAppByName(deps.prisma, name);
}

/** What deleting an app removed, and the volumes it kept (without the confirmation flag). */
export interface DeletedApp {
  removedContainers: number;
  removedImages: string[];
  /** Images the engine refused to remove (in use by a container that isn't the app's), with its reason. */
  leftImages: ImageLeft[];
  removedVolumes: string[];
  keptVolumes: string[];
}

/**
 * Deletes the app and everything of it: its record with its deployments, logs, env vars, flags, credential, domains
 * and history (the schema's cascade), its containers, its flags file, its routes (the routers are told), and every
 * image it built (removeAppImages). Its persistent volumes (data) are kept unless `removeVolumes` is set
 * explicitly. The audit log keeps the record of the deletion: it is not tied to the app.
 */
export async function deleteApp(deps: PierDeps, name: string, removeVolumes = false): Promise<DeletedApp> {
  const app = await findAppByName(deps.prisma, name);
  // The controller must not be replacing a container while the app goes away (it would outlive it).
  const lock = await acquireLock(
    deps.redis,
    reconcileLockKey(app.id),
    `api-delete:${randomUUID()}`,
    30_000,
    RECONCILE_LOCK_TTL_MS,
  );
  let removedContainers = 0;
  let recordedImages: string[] = [];
  let scheduleIds: string[] = [];
  try {
    // Read before the cascade takes them: an image is found by its deployment's record as well as by its labels.
    const deployments = await deps.prisma.deployment.findMany({
      where: { appId: app.id },
      select: { imageTag: true, imageId: true },
    });
    recordedImages = deployments.flatMap((d) => [d.imageTag, d.imageId]).filter((ref): ref is string => !!ref);
    scheduleIds = await appScheduleIds(deps, app.id);
    await deps.prisma.app.delete({ where: { id: app.id } });
    const labels = { [LABELS.managed]: "true", [LABELS.appId]: app.id };
    const containers = await deps.runtime.listContainers(labels, { all: true });
    for (const container of containers) await deps.runtime.removeContainer(container.id);
    removedContainers = containers.length;
    // Its containers gone, nothing mounts its flags directory any more.
    await removeFlagsDir(deps.config, app.id);
  } finally {
    await lock?.release();
  }
  await announceRouteChange(deps.redis);
  await removeSchedulers(deps, scheduleIds);
  const images = await removeAppImages(deps.runtime, app.id, recordedImages);
  const removed = { removedContainers, removedImages: images.removed, leftImages: images.left };
  const volumes = await deps.runtime.listVolumes({ [LABELS.managed]: "true", [LABELS.appId]: app.id });
  if (!removeVolumes) return { ...removed, removedVolumes: [], keptVolumes: volumes.map((v) => v.name) };
  return { ...removed, removedVolumes: await removeAppVolumes(deps, app.id), keptVolumes: [] };
}
