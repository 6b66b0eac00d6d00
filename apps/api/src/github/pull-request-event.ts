import type { App } from "@pier/db";
import { enqueueGithubReport, parseRepositoryName } from "@pier/github";
import { stopPreview } from "@pier/release";
import { LABELS, UNFINISHED_STATUSES } from "@pier/shared";
import { randomUUID } from "node:crypto";
import type { PierDeps } from "../plugins/app/deps.ts";
import { createDeployment } from "../services/create-deployment.ts";
import { previewSlugOf } from "../services/previews.ts";

/** The parts of a GitHub `pull_request` delivery Pier acts on. */
export interface PullRequestEvent {
  action: string;
  number: number;
  /** The branch the pull request merges from. */
  branch: string;
  headSha: string;
  title: string;
  author: string;
  /** "owner/name" of the repository the pull request is on. */
  repository: string;
  /** Whether its branch lives in that repository (not in a fork). */
  sameRepository: boolean;
}

export interface PullRequestAnswer {
  /** For the app's delivery list. */
  outcome: "deployed" | "stopped" | "ignored";
  ignored: boolean;
  reason: string;
  deploymentId?: string;
}

type Obj = Record<string, unknown>;
const obj = (value: unknown): Obj => (typeof value === "object" && value !== null ? (value as Obj) : {});
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** Reads a pull_request payload; null when it doesn't look like one. */
export function parsePullRequestEvent(payload: unknown): PullRequestEvent | null {
  const p = obj(payload);
  const pr = obj(p.pull_request);
  const head = obj(pr.head);
  const repository = str(obj(p.repository).full_name);
  const number = typeof p.number === "number" ? p.number : pr.number;
  if (typeof number !== "number" || !str(p.action) || !str(head.ref) || !/^[0-9a-f]{40}$/.test(str(head.sha)))
    return null;
  if (!parseRepositoryName(repository)) return null;
  return {
    action: str(p.action),
    number,
    branch: str(head.ref),
    headSha: str(head.sha),
    title: str(pr.title),
    author: str(obj(pr.user).login),
    repository,
    sameRepository: str(obj(head.repo).full_name) === repository,
  };
}

const OPENING = new Set(["opened", "reopened", "synchronize"]);

/**
 * A pull request of a branch with previews on: opened (or reopened, or pushed to), it is recorded and gets its one
 * comment (a branch without a preview yet gets one deployed); closed, its preview is removed and the comment says
 * so. Comments leave through the GitHub queue: GitHub being down never fails the delivery.
 */
export async function handlePullRequest(deps: PierDeps, app: App, event: PullRequestEvent): Promise<PullRequestAnswer> {
  if (!app.previews)
    return { outcome: "ignored", ignored: true, reason: "previews are off: pull requests get no preview" };
  if (event.branch === app.branch)
    return { outcome: "ignored", ignored: true, reason: `pull request from the production branch ${app.branch}` };
  // A fork's code is never built: Pier would run a stranger's code with the app's settings.
  if (!event.sameRepository)
    return { outcome: "ignored", ignored: true, reason: "pull request from a fork: not deployed" };
  if (event.action !== "closed" && !OPENING.has(event.action))
    return { outcome: "ignored", ignored: true, reason: `pull_request action ${event.action} changes nothing` };
  const open = event.action !== "closed";
  const key = { appId_number: { appId: app.id, number: event.number } };
  const facts = { repository: event.repository, branch: event.branch, headSha: event.headSha, open };
  const pr = await deps.prisma.githubPullRequest.upsert({
    where: key,
    create: { id: randomUUID(), appId: app.id, number: event.number, ...facts },
    update: facts,
  });
  const slug = previewSlugOf(app.name, event.branch);
  let answer: PullRequestAnswer;
  if (open) {
    // A push to the branch deploys its preview (synchronize is that push); opening or reopening a pull request
    // deploys its head only when no preview runs or is on its way (previews off before, or stopped at a close).
    const created =
      event.action === "synchronize" || (await previewUnderWay(deps, app.id, event.branch, slug))
        ? null
        : await createDeployment(deps, {
            app,
            trigger: "PUSH",
            branch: event.branch,
            previewSlug: slug,
            commit: { sha: event.headSha, message: event.title, author: event.author },
          });
    answer = created
      ? {
          outcome: "deployed",
          ignored: false,
          reason: created.skipped ?? `pull request #${event.number} ${event.action}: its preview deploys`,
          deploymentId: created.deployment.id,
        }
      : {
          outcome: "ignored",
          ignored: false,
          reason: `pull request #${event.number} ${event.action}: its comment follows the branch's preview`,
        };
  } else {
    const stopped = await stopPreview(deps, app.id, slug);
    answer = {
      outcome: "stopped",
      ignored: false,
      reason: `pull request #${event.number} closed: its preview stopped (${stopped} container(s))`,
    };
  }
  await enqueueGithubReport(deps.github, { kind: "pull-request", pullRequestId: pr.id });
  return answer;
}

/** Whether the branch's preview runs, or a deployment of the branch is queued or under way. */
async function previewUnderWay(deps: PierDeps, appId: string, branch: string, slug: string): Promise<boolean> {
  const unfinished = await deps.prisma.deployment.count({
    where: { appId, branch, status: { in: [...UNFINISHED_STATUSES] } },
  });
  if (unfinished > 0) return true;
  const running = await deps.runtime.listContainers({
    [LABELS.managed]: "true",
    [LABELS.appId]: appId,
    [LABELS.preview]: slug,
  });
  return running.length > 0;
}

/**
 * The GitHub repository a signed delivery names: where the app's deployments are reported when its repoUrl is not
 * on GitHub (a mirror, a local path). Kept once known, updated when it changes (a renamed repository).
 */
export async function rememberGithubRepository(deps: PierDeps, app: App, payload: unknown): Promise<void> {
  const fullName = str(obj(obj(payload).repository).full_name);
  if (!parseRepositoryName(fullName) || app.githubRepository === fullName) return;
  await deps.prisma.app.update({ where: { id: app.id }, data: { githubRepository: fullName } });
  app.githubRepository = fullName;
}
