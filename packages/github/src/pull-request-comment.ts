import type { Deployment } from "@pier/db";
import { callGithub, type GithubReportDeps, type ReportOutcome } from "./deployment-report.ts";
import { GithubRefusedError } from "./errors.ts";
import { deploymentPageUrl, environmentUrl } from "./links.ts";
import { githubClient } from "./octokit.ts";
import { githubRepositoryOf, parseRepositoryName } from "./repository.ts";

/** What the comment says once its pull request is closed. */
export const CLOSED_NOTE = "closed, preview removed";

const STATUS_WORDS: Record<Deployment["status"], string> = {
  QUEUED: "⏳ Queued",
  BUILDING: "🔨 Building",
  DEPLOYING: "🚀 Deploying",
  READY: "✅ Ready",
  FAILED: "❌ Failed",
  CANCELLED: "⏹️ Cancelled",
};

/** The one comment Pier keeps on a pull request: its branch's preview now. */
export function pullRequestCommentBody(
  deps: Pick<GithubReportDeps, "config">,
  pr: { branch: string; open: boolean; appName: string },
  latest: Deployment | null,
): string {
  const title = `**Pier preview** of \`${pr.branch.replaceAll("`", "'")}\` (app ${pr.appName})`;
  if (!pr.open) return `${title}: ${CLOSED_NOTE}.`;
  if (!latest) return `${title}: no preview yet; the next push to the branch deploys one.`;
  const lines = [
    `${title}: ${STATUS_WORDS[latest.status]}`,
    "",
    `- Preview: ${environmentUrl(deps.config, pr.appName, latest)}`,
    `- Deployment: [${latest.shortId}](${deploymentPageUrl(deps.config, latest.id)})` +
      (latest.commitSha ? ` of commit ${latest.commitSha.slice(0, 7)}` : ""),
  ];
  if (latest.status === "FAILED" && latest.failureReason)
    lines.push(`- Reason: ${latest.failureReason.split("\n")[0]!.slice(0, 300)}`);
  lines.push("", "<sub>Pier edits this comment on each push.</sub>");
  return lines.join("\n");
}

/**
 * Brings a pull request's comment up to date: created once (its id stored), then edited in place with the branch's
 * newest preview deployment, and marked when the pull request closed. A closed one never commented on stays so.
 */
export async function reportPullRequest(deps: GithubReportDeps, pullRequestId: string): Promise<ReportOutcome> {
  const { prisma } = deps;
  const pr = await prisma.githubPullRequest.findUnique({ where: { id: pullRequestId }, include: { app: true } });
  if (!pr) return "gone";
  if (!pr.open && pr.commentId === null) return "up-to-date";
  // Where the app's deployments are reported (the token is for it), else where the pull request was.
  const repository = githubRepositoryOf(deps.config, pr.app) ?? parseRepositoryName(pr.repository);
  if (!repository) return "not-on-github";
  const latest = pr.open ? await newestPreview(deps, pr.appId, pr.branch) : null;
  const token = await deps.tokenFor(pr.app);
  if (!token) return "no-credentials";
  const github = githubClient(deps.config, token, deps.timeoutMs);
  const body = pullRequestCommentBody(deps, { branch: pr.branch, open: pr.open, appName: pr.app.name }, latest);
  const what = `the comment on pull request #${pr.number}`;
  if (pr.commentId !== null) {
    const commentId = Number(pr.commentId);
    try {
      await callGithub(what, () => github.rest.issues.updateComment({ ...repository, comment_id: commentId, body }));
      return "reported";
    } catch (error) {
      // Someone deleted the comment: a new one takes its place (and its id).
      if (!(error instanceof GithubRefusedError && error.status === 404)) throw error;
    }
  }
  const created = await callGithub(what, () =>
    github.rest.issues.createComment({ ...repository, issue_number: pr.number, body }),
  );
  await prisma.githubPullRequest.update({ where: { id: pr.id }, data: { commentId: BigInt(created.data.id) } });
  return "reported";
}

/** The branch's newest preview deployment that wasn't cancelled (a skipped push leaves the preview as it was). */
async function newestPreview(deps: GithubReportDeps, appId: string, branch: string): Promise<Deployment | null> {
  const newest = (status?: { not: "CANCELLED" }) =>
    deps.prisma.deployment.findFirst({
      where: { appId, branch, previewSlug: { not: null }, ...(status ? { status } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
  return (await newest({ not: "CANCELLED" })) ?? (await newest());
}
