import type { App } from "@pier/db";
import type { PierConfig } from "@pier/shared";
import type { GithubRepo } from "./app-auth.ts";
import { githubRepoOf } from "./credentials.ts";

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;

/** "owner/name" (as GitHub's deliveries name a repository) → { owner, repo }, or null when it isn't one. */
export function parseRepositoryName(fullName: string): GithubRepo | null {
  const [owner, repo, ...rest] = fullName.split("/");
  const valid = (part: string | undefined): part is string => !!part && NAME.test(part) && !/^\.+$/.test(part);
  if (rest.length > 0 || !valid(owner) || !valid(repo)) return null;
  return { owner, repo };
}

export const repositoryName = (repository: GithubRepo) => `${repository.owner}/${repository.repo}`;

/**
 * The GitHub repository Pier reports an app's deployments to: the one its repoUrl points at on GitHub, else the one
 * its signed webhook deliveries named (a mirror, a local path), else null (not on GitHub: nothing is reported).
 */
export function githubRepositoryOf(
  config: Pick<PierConfig, "PIER_GITHUB_GIT_URL">,
  app: Pick<App, "repoUrl" | "githubRepository">,
): GithubRepo | null {
  const named = app.githubRepository ? parseRepositoryName(app.githubRepository) : null;
  return githubRepoOf(config, app.repoUrl) ?? named;
}
