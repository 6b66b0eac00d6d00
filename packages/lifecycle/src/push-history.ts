import type { PrismaClient } from "@pier/db";
import { cancelQueued } from "./deployment-status.ts";

/** How many of an app's latest deployments Pier reads its pushes' history from. */
const HISTORY_DEPLOYMENTS = 500;

interface PushLink {
  commitSha: string | null;
  parentSha: string | null;
}

/**
 * What Pier knows of a repository's history from the pushes it recorded: each pushed commit and the commit
 * its push moved the branch from (GitHub's `before`, kept only for pushes that were not forced, so it is
 * an ancestor). A chain of such links proves ancestry; a missing link proves nothing (git may know more).
 */
export class PushHistory {
  private readonly parents = new Map<string, Set<string>>();

  constructor(links: Iterable<PushLink>) {
    for (const { commitSha, parentSha } of links) {
      if (!commitSha || !parentSha || commitSha === parentSha) continue;
      const known = this.parents.get(commitSha) ?? new Set<string>();
      known.add(parentSha);
      this.parents.set(commitSha, known);
    }
  }

  /** Whether `descendant` is known to be a strict descendant of `ancestor`. */
  descends(descendant: string, ancestor: string): boolean {
    if (descendant === ancestor) return false;
    const seen = new Set<string>([descendant]);
    const todo = [descendant];
    while (todo.length > 0) {
      for (const parent of this.parents.get(todo.pop()!) ?? []) {
        if (parent === ancestor) return true;
        if (!seen.has(parent)) {
          seen.add(parent);
          todo.push(parent);
        }
      }
    }
    return false;
  }
}

/** The history of an app's recorded pushes (any branch: a commit's ancestry is the commit's, not its branch's). */
export async function pushHistoryOf(prisma: PrismaClient, appId: string): Promise<PushHistory> {
  const links = await prisma.deployment.findMany({
    where: { appId, parentSha: { not: null } },
    orderBy: { createdAt: "desc" },
    take: HISTORY_DEPLOYMENTS,
    select: { commitSha: true, parentSha: true },
  });
  return new PushHistory(links);
}

export interface LiveDeployment {
  id: string;
  shortId: string;
  commitSha: string | null;
}

/**
 * What a deployment would replace when it goes live: production (previewSlug null), or the preview the
 * branch serves now (the one that went live last).
 */
export async function liveDeploymentOf(
  prisma: PrismaClient,
  appId: string,
  previewSlug: string | null,
): Promise<LiveDeployment | null> {
  const select = { id: true, shortId: true, commitSha: true } as const;
  if (previewSlug === null) {
    const app = await prisma.app.findUnique({ where: { id: appId }, select: { productionDeployment: { select } } });
    return app?.productionDeployment ?? null;
  }
  return prisma.deployment.findFirst({
    where: { appId, previewSlug, status: "READY", previewLiveAt: { not: null } },
    orderBy: { previewLiveAt: "desc" },
    select,
  });
}

const short = (sha: string) => sha.slice(0, 12);

/** Why a pushed commit is behind what is live, or null when it is not known to be. */
export function behindLiveReason(
  history: PushHistory,
  commitSha: string,
  live: LiveDeployment | null,
  previewSlug: string | null,
): string | null {
  if (!live?.commitSha || !history.descends(live.commitSha, commitSha)) return null;
  return behindReason(commitSha, live, previewSlug);
}

/** The words for a push skipped because what is live already descends from its commit. */
export function behindReason(commitSha: string, live: LiveDeployment, previewSlug: string | null): string {
  const what = previewSlug === null ? "production" : "the branch's preview";
  return (
    `behind ${what}: commit ${short(commitSha)} is an ancestor of ${short(live.commitSha ?? "")}, which ${what} ` +
    `already runs (deployment ${live.shortId}); a push never moves ${what} back, so this one was skipped`
  );
}

/**
 * Supersede by history, not by arrival: every still-queued push of the branch whose commit is known to be an
 * ancestor of what is live, or of another unfinished deployment of the branch, is cancelled with the reason.
 * Deliveries arrive in any order, so the whole branch is looked at again on each one: whichever delivery
 * completes a chain cancels what it proves behind. A deployment made by hand (API, dashboard) is never
 * cancelled here. Returns the cancelled deployments and why.
 */
export async function supersedeByHistory(
  prisma: PrismaClient,
  target: { appId: string; branch: string; previewSlug: string | null },
): Promise<Array<{ id: string; reason: string }>> {
  const branch = await prisma.deployment.findMany({
    where: { appId: target.appId, branch: target.branch, status: { in: ["QUEUED", "BUILDING", "DEPLOYING"] } },
    select: { id: true, shortId: true, commitSha: true, status: true, trigger: true },
  });
  const queuedPushes = branch.filter((d) => d.status === "QUEUED" && d.trigger === "PUSH" && d.commitSha);
  if (queuedPushes.length === 0) return [];
  const history = await pushHistoryOf(prisma, target.appId);
  const live = await liveDeploymentOf(prisma, target.appId, target.previewSlug);
  const cancelled: Array<{ id: string; reason: string }> = [];
  const gone = new Set<string>();
  for (const queued of queuedPushes) {
    const sha = queued.commitSha!;
    let reason = behindLiveReason(history, sha, live, target.previewSlug);
    const newer = branch.find(
      (d) => d.id !== queued.id && !gone.has(d.id) && d.commitSha && history.descends(d.commitSha, sha),
    );
    if (!reason && newer)
      reason =
        `superseded by deployment ${newer.id} (commit ${short(newer.commitSha!)}), ` +
        `whose commit descends from ${short(sha)}`;
    if (reason && (await cancelQueued(prisma, queued.id, reason))) {
      cancelled.push({ id: queued.id, reason });
      gone.add(queued.id);
    }
  }
  return cancelled;
}
