import type { PrismaClient } from "@pier/db";
import { checkRepoUrl, type PierConfig } from "@pier/shared";
import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { DeployFailedError } from "../errors.ts";
import { cloneCommit, type ClonedCommit } from "../git/clone.ts";
import type { BuildLog } from "../logs/build-log.ts";

/** What a checkout reads of a deployment: its app's repository, and the commit (or branch head) it builds. */
export interface CheckoutTarget {
  id: string;
  branch: string;
  commitSha: string | null;
  app: { repoUrl: string };
}

/** A fresh work directory for one build of a deployment, under PIER_WORK_DIR (the caller removes it). */
export async function prepareWorkDir(config: PierConfig, appName: string, shortId: string): Promise<string> {
  await mkdir(config.PIER_WORK_DIR, { recursive: true });
  return mkdtemp(path.join(config.PIER_WORK_DIR, `${appName}-${shortId}-`));
}

/**
 * Clones the deployment's commit into `workDir` (the branch head when it has none yet, which it then records): a
 * deploy and a rebuild of a lost image check out the same way.
 */
export async function checkoutDeployment(
  deps: { config: PierConfig; prisma: PrismaClient },
  deployment: CheckoutTarget,
  workDir: string,
  log: BuildLog,
): Promise<ClonedCommit> {
  const { app } = deployment;
  // Settings may have changed since the app was created: check the URL again right before git sees it.
  const url = checkRepoUrl(app.repoUrl, {
    allowFileRepos: deps.config.PIER_ALLOW_FILE_REPOS,
    allowedHosts: deps.config.PIER_GIT_HOSTS,
  });
  if (!url.ok) throw new DeployFailedError(`repository URL refused: ${url.reason}`);
  log.write(`Cloning ${url.url} at ${deployment.commitSha ?? `the head of ${deployment.branch}`}`);
  const commit = await cloneCommit({
    repoUrl: url.url,
    sha: deployment.commitSha,
    branch: deployment.branch,
    dir: workDir,
    allowFileRepos: deps.config.PIER_ALLOW_FILE_REPOS,
    timeoutMs: 120_000,
  });
  log.write(`Checked out ${commit.sha.slice(0, 12)}: ${commit.message}`);
  if (!deployment.commitSha) {
    await deps.prisma.deployment.update({
      where: { id: deployment.id },
      data: { commitSha: commit.sha, commitMessage: commit.message, commitAuthor: commit.author },
    });
  }
  return commit;
}
