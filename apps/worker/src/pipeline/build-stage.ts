import { prepareVolumes } from "@pier/release";
import { RepoFiles } from "../build/repo-files.ts";
import type { BuildLog } from "../logs/build-log.ts";
import { behindLive } from "./behind-live.ts";
import { buildDeploymentImage } from "./build-image.ts";
import { checkoutDeployment } from "./checkout.ts";
import type { ClaimedDeployment } from "./claim.ts";
import type { DeployDeps } from "./deploy-deps.ts";
import type { PhaseTimer } from "./phase-timer.ts";
import { checkOperatorMaxima, checkPierJsonDomains, readPierJson, resolveDeploySettings } from "./repo-config.ts";
import type { RunPlan } from "./run-plan.ts";

/**
 * A deployment's image built from its commit: clone → read pier.json → build, and the volumes it mounts. Returns
 * why it was not deployed instead when its commit turned out to be behind what is live.
 */
export async function buildStage(
  deps: DeployDeps,
  deployment: ClaimedDeployment,
  workDir: string,
  log: BuildLog,
  timer: PhaseTimer,
): Promise<RunPlan | { behind: string }> {
  const { app } = deployment;
  const commit = await timer.time("clone", () => checkoutDeployment(deps, deployment, workDir, log));
  const behind = await behindLive(deps, deployment, commit.sha, workDir, log);
  if (behind) return { behind };
  // Everything Pier reads from the checkout goes through RepoFiles: no symlink leads it outside.
  const files = await RepoFiles.open(workDir, app.rootDir);
  const pierJson = await readPierJson(files);
  checkOperatorMaxima(pierJson, deps.config);
  const domains = await checkPierJsonDomains(deps, app, pierJson);
  const settings = resolveDeploySettings(app, pierJson, deps.config);
  const domainsLine = domains.length ? [`domains: ${domains.map((d) => d.name).join(", ")} (pier.json)`] : [];
  log.write(
    `${pierJson ? "pier.json found. " : ""}Settings (pier.json > app settings > detection):\n  ` +
      [...settings.explained, ...domainsLine].join("\n  "),
  );
  const image = await timer.time("build", () =>
    buildDeploymentImage(deps, app, {
      files,
      commitSha: commit.sha,
      settings,
      port: settings.port,
      volumePaths: settings.volumes.map((v) => v.path),
      log,
    }),
  );
  log.write(`Built image ${image.tag} (${image.imageId.slice(7, 19)})`);
  const mounts = await prepareVolumes(deps, app, settings.volumes, deployment.previewSlug);
  return {
    kind: "DEPLOY",
    image: { imageId: image.imageId, tag: image.tag, port: image.plan.port },
    settings,
    mounts,
    domains,
    rootDir: app.rootDir,
    rollout: pierJson?.rollout,
  };
}
