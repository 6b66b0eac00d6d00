import type { PrismaClient } from "@pier/db";
import { gitCredentialsFor, GithubAppAuthError } from "@pier/github";
import { checkRepoUrl, type PierConfig } from "@pier/shared";
import { mkdir, mkdtemp } from "node:fs/promises";
import path from "node:path";
import { DeployFailedError, TransientError } from "../errors.ts";
import { cloneCommit, type ClonedCommit } from "../git/clone.ts";
import type { BuildLog } from "../logs/build-log.ts";

/** What a checkout reads of a deployment: its app's repository, and the commit (or branch head) it builds. */
export interface CheckoutTarget {
  id: string;
  branch: string;
  commitSha: string | null;
  app: { id: string; repoUrl: string };
}

/** A fresh work directory for one build of a deployment, under PIER_WORK_DIR (the caller removes it). */
export async function prepareWorkDir(config: PierConfig, appName: string, shortId: string): Promise<string> {
  await mkdir(config.PIER_WORK_DIR, { recursive: true });
  return mkdtemp(path.join(config.PIER_WORK_DIR, `${appName}-${shortId}-`));
}

/**
 * Clones the deployment's commit into `workDir` (the branch head when it has none yet): a deploy and a rebuild of a
 * lost image check out the same way. The commit's sha, subject, author and time are then recorded as the commit
 * itself says them: a webhook payload, a deploy by hand or the head check may have named it without them, or
 * with other words.
 */
export async function checkoutDeployment(
  deps: { config: PierConfig; prisma: PrismaClient },
  deployment: CheckoutTarget,
  workDir: string,
  log: BuildLog,
): Promise<ClonedCommit> {
  const { app } = deployment;
  const credentials = await gitCredentialsFor(deps, app).catch((error: unknown) => {
    if (!(error instanceof GithubAppAuthError)) throw error;
    // GitHub answering 5xx (or not at all) is an outage worth a retry; 401/403 is a wrong app id or key.
    const reason = `repository credentials: ${error.message}`;
    throw error.status === undefined || error.status >= 500
      ? new TransientError(reason)
      : new DeployFailedError(reason);
  });
  // Settings may have changed since the app was created: check the URL again right before git sees it.
  const url = checkRepoUrl(app.repoUrl, {
    allowFileRepos: deps.config.PIER_ALLOW_FILE_REPOS,
    allowedHosts: deps.config.PIER_GIT_HOSTS,
    allowSsh: credentials?.kind === "deployKey",
  });
  if (!url.ok) throw new DeployFailedError(`repository URL refused: ${url.reason}`);
  if (credentials) log.keepSecret(credentials.kind === "token" ? credentials.token : credentials.privateKey.trim());
  const using = !credentials
    ? ""
    : credentials.source === "githubApp"
      ? " with a GitHub App installation token"
      : ` with the app's ${credentials.kind === "token" ? "token" : "deploy key"}`;
  log.write(`Cloning ${url.url}${using} at ${deployment.commitSha ?? `the head of ${deployment.branch}`}`);
  const commit = await cloneCommit({
    repoUrl: url.url,
    sha: deployment.commitSha,
    branch: deployment.branch,
    dir: workDir,
    allowFileRepos: deps.config.PIER_ALLOW_FILE_REPOS,
    timeoutMs: 120_000,
    credentials,
    caFile: deps.config.PIER_GIT_CA_FILE,
    knownHostsFile: deps.config.PIER_GIT_SSH_KNOWN_HOSTS,
  });
  log.write(`Checked out ${commit.sha.slice(0, 12)} by ${commit.author}: ${commit.message}`);
  await deps.prisma.deployment.update({
    where: { id: deployment.id },
    data: {
      commitSha: commit.sha,
      commitMessage: commit.message,
      commitAuthor: commit.author,
      commitAuthorEmail: commit.authorEmail,
      committedAt: commit.committedAt,
    },
  });
  return commit;
}
