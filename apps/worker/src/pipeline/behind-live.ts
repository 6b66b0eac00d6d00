import { gitCredentialsFor } from "@pier/github";
import { behindReason, liveDeploymentOf, pushHistoryOf } from "@pier/lifecycle";
import { checkRepoUrl } from "@pier/shared";
import { isAncestorWithin } from "../git/clone.ts";
import type { BuildLog } from "../logs/build-log.ts";
import type { ClaimedDeployment } from "./claim.ts";
import type { DeployDeps } from "./deploy-deps.ts";

/** How deep the live commit's history is fetched to find a pushed commit in it. */
export const ANCESTRY_DEPTH = 200;

const short = (sha: string) => sha.slice(0, 12);

/**
 * Why a claimed push must not go live, or null: its commit is an ancestor of what production (or the branch's
 * preview) runs, or a newer unfinished deployment of the branch descends from it. Deliveries come in any order,
 * so this is asked of history, not of arrival: first the pushes Pier recorded, then git (the live commit fetched
 * ANCESTRY_DEPTH deep next to the checkout in `workDir`). Whatever can't be told never holds the push back. A
 * deploy by hand may deploy any commit, so it is never asked.
 */
export async function behindLive(
  deps: DeployDeps,
  deployment: ClaimedDeployment,
  commitSha: string,
  workDir: string,
  log: BuildLog,
): Promise<string | null> {
  if (deployment.trigger !== "PUSH") return null;
  const { app } = deployment;
  const history = await pushHistoryOf(deps.prisma, app.id);
  const unfinished = await deps.prisma.deployment.findMany({
    where: {
      appId: app.id,
      branch: deployment.branch,
      id: { not: deployment.id },
      status: { in: ["QUEUED", "BUILDING", "DEPLOYING"] },
    },
    select: { id: true, commitSha: true },
  });
  const newer = unfinished.find((d) => d.commitSha && history.descends(d.commitSha, commitSha));
  if (newer)
    return (
      `superseded by deployment ${newer.id} (commit ${short(newer.commitSha!)}), ` +
      `whose commit descends from ${short(commitSha)}`
    );

  const live = await liveDeploymentOf(deps.prisma, app.id, deployment.previewSlug);
  if (!live?.commitSha || live.commitSha === commitSha) return null;
  const what = deployment.previewSlug === null ? "production" : "the branch's preview";
  if (history.descends(live.commitSha, commitSha)) return behindReason(commitSha, live, deployment.previewSlug);
  try {
    const credentials = await gitCredentialsFor(deps, app);
    const url = checkRepoUrl(app.repoUrl, {
      allowFileRepos: deps.config.PIER_ALLOW_FILE_REPOS,
      allowedHosts: deps.config.PIER_GIT_HOSTS,
      allowSsh: credentials?.kind === "deployKey",
    });
    if (!url.ok) return null;
    const behind = await isAncestorWithin({
      repoUrl: url.url,
      allowFileRepos: deps.config.PIER_ALLOW_FILE_REPOS,
      timeoutMs: 60_000,
      credentials,
      caFile: deps.config.PIER_GIT_CA_FILE,
      knownHostsFile: deps.config.PIER_GIT_SSH_KNOWN_HOSTS,
      dir: workDir,
      ancestor: commitSha,
      descendant: live.commitSha,
      depth: ANCESTRY_DEPTH,
    });
    if (behind) return behindReason(commitSha, live, deployment.previewSlug);
    log.write(
      `History: ${what} runs ${short(live.commitSha)} (deployment ${live.shortId}), ` +
        `whose last ${ANCESTRY_DEPTH} commits don't include ${short(commitSha)}: it goes ahead`,
    );
  } catch (error) {
    log.write(
      `Warning: could not tell whether ${short(commitSha)} is behind ${what} (${(error as Error).message}); ` +
        "it goes ahead (unknown history never holds a push back)",
    );
  }
  return null;
}
