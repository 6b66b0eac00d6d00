import { deploymentEnv, storedMounts } from "@pier/release";
import { openEnvVars, type RebuildJobPayload } from "@pier/shared";
import { rm } from "node:fs/promises";
import { RepoFiles } from "../build/repo-files.ts";
import { DeployFailedError } from "../errors.ts";
import type { BuildLog } from "../logs/build-log.ts";
import { buildDeploymentImage } from "./build-image.ts";
import { checkoutDeployment, prepareWorkDir } from "./checkout.ts";
import type { DeployDeps } from "./deploy-deps.ts";
import { readPierJson, resolveDeploySettings } from "./repo-config.ts";

export type RebuildResult =
  | { outcome: "rebuilt"; imageId: string; imageTag: string; ms: number }
  | { outcome: "skipped"; why: string };

/**
 * The rebuild story, for production's deployment whose image the engine lost: clone its recorded commit → read
 * that commit's pier.json → build through the deploy's own build path, with what the deployment recorded (its
 * root directory, port and volume paths; the commands and preset of its commit's pier.json) → record the new
 * image on the deployment. Nothing else of it changes: its status stays READY, its env, limits, health check
 * and replicas stay as they were frozen; no test command runs (this commit passed it when it was deployed).
 * The controller starts the replicas from the new image on its next pass. Throws a DeployFailedError when the
 * commit can't be fetched or the build fails, a TransientError when git or Docker were briefly out of reach.
 */
export async function rebuildLostImage(
  deps: DeployDeps,
  job: RebuildJobPayload,
  log: BuildLog,
): Promise<RebuildResult> {
  const deployment = await deps.prisma.deployment.findUnique({
    where: { id: job.deploymentId },
    include: { app: { include: { envVars: true } } },
  });
  if (!deployment) return { outcome: "skipped", why: "the deployment was deleted" };
  const { app } = deployment;
  if (app.productionDeploymentId !== deployment.id) return { outcome: "skipped", why: "it is no longer production" };
  if (deployment.imageId !== job.lostImageId) return { outcome: "skipped", why: "its image was replaced meanwhile" };
  if (await deps.runtime.imageExists(job.lostImageId))
    return { outcome: "skipped", why: "its image is back on the engine" };
  log.setSecrets([
    ...openEnvVars(deps.config, app.envVars).map((v) => v.value),
    ...Object.values(deploymentEnv(deps.config, app, deployment)),
  ]);
  const sha = deployment.commitSha;
  const image = deployment.imageTag ?? job.lostImageId;
  log.write(
    `Rebuilding this deployment's image: ${image} (${job.lostImageId.slice(7, 19)}) is gone from the Docker ` +
      `engine (${job.reason}). Building it again from commit ${sha?.slice(0, 12) ?? "(none recorded)"} with ` +
      "the settings it was deployed with; its status, env, limits and replicas stay as they are.",
  );
  if (!sha) throw new DeployFailedError("the deployment has no recorded commit to build its image from");

  const began = performance.now();
  const workDir = await prepareWorkDir(deps.config, app.name, deployment.shortId);
  try {
    await checkoutDeployment(deps, deployment, workDir, log).catch((error: unknown) => {
      if (!(error instanceof DeployFailedError)) throw error;
      throw new DeployFailedError(
        `commit ${sha.slice(0, 12)} can no longer be fetched from ${app.repoUrl}: ${error.reason}`,
      );
    });
    // Deployments made before the root directory was recorded build from the app's current one.
    const rootDir = deployment.rootDir ?? app.rootDir;
    if (deployment.rootDir === null)
      log.write(`Root directory: "${rootDir}" (the app's setting: this deployment did not record one)`);
    const files = await RepoFiles.open(workDir, rootDir);
    const settings = resolveDeploySettings(app, await readPierJson(files), deps.config);
    const built = await buildDeploymentImage(deps, app, {
      files,
      commitSha: sha,
      settings,
      // The port it runs with: what it was built for, or the one Pier adopted when the app ignored $PORT.
      port: deployment.port ?? settings.port,
      volumePaths: storedMounts(deployment.mounts).map((m) => m.path),
      log,
    });
    await deps.prisma.deployment.update({
      where: { id: deployment.id },
      data: { imageId: built.imageId, imageTag: built.tag, imagePrunedAt: null },
    });
    const ms = Math.round(performance.now() - began);
    log.write(
      `Rebuilt image ${built.tag} (${built.imageId.slice(7, 19)}) in ${(ms / 1000).toFixed(1)} s, ` +
        `replacing the lost ${job.lostImageId.slice(7, 19)}: the controller starts this deployment's replicas from it`,
    );
    return { outcome: "rebuilt", imageId: built.imageId, imageTag: built.tag, ms };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
