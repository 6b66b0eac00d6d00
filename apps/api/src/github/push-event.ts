/** The parts of a GitHub `push` delivery Pier acts on. */
export interface PushEvent {
  ref: string;
  after: string;
  /** The branch's commit before the push (GitHub's `before`; all zeros for a new branch). */
  before: string | null;
  /** A force push: `before` need not be an ancestor of `after`. */
  forced: boolean;
  deleted: boolean;
  headCommit: { sha: string; message: string; author: string } | null;
}

export type PushDecision =
  | {
      action: "deploy";
      branch: string;
      preview: boolean;
      commit: { sha: string; message: string; author: string };
      /** The commit the push moved the branch from, when it is known to be an ancestor (not forced, not new). */
      parentSha: string | null;
    }
  | { action: "stop-preview"; branch: string }
  | { action: "ignore"; reason: string };

const ZERO_SHA = /^0+$/;
const SHA = /^[0-9a-f]{40}$/;

/** Reads a push payload; returns null when it doesn't look like one. */
export function parsePushEvent(payload: unknown): PushEvent | null {
  if (typeof payload !== "object" || payload === null) return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.ref !== "string" || typeof p.after !== "string") return null;
  const head = p.head_commit as
    | { id?: unknown; message?: unknown; author?: { name?: unknown; username?: unknown } }
    | null
    | undefined;
  return {
    ref: p.ref,
    after: p.after,
    before: typeof p.before === "string" ? p.before : null,
    forced: p.forced === true,
    deleted: p.deleted === true || ZERO_SHA.test(p.after),
    headCommit:
      head && typeof head.id === "string"
        ? {
            sha: head.id,
            message: typeof head.message === "string" ? head.message : "",
            author: typeof head.author?.name === "string" ? head.author.name : String(head.author?.username ?? ""),
          }
        : null,
  };
}

/**
 * What a push means for an app: deploy production, deploy a preview (other branches, when previews
 * are on), stop a preview (its branch was deleted), or nothing — with the reason.
 */
export function decidePush(event: PushEvent, app: { branch: string; previews: boolean }): PushDecision {
  if (event.ref.startsWith("refs/tags/"))
    return { action: "ignore", reason: `tag push (${event.ref.slice(10)}) is not deployed` };
  if (!event.ref.startsWith("refs/heads/")) return { action: "ignore", reason: `ref ${event.ref} is not a branch` };
  const branch = event.ref.slice("refs/heads/".length);
  const preview = branch !== app.branch;
  if (preview && !app.previews)
    return {
      action: "ignore",
      reason: `branch ${branch} is not the production branch ${app.branch} (previews are off)`,
    };
  if (event.deleted)
    return preview ? { action: "stop-preview", branch } : { action: "ignore", reason: `branch ${branch} was deleted` };
  if (!SHA.test(event.after)) return { action: "ignore", reason: "push has no valid head commit sha" };
  const commit =
    event.headCommit && event.headCommit.sha === event.after
      ? event.headCommit
      : { sha: event.after, message: "", author: "" };
  const before = event.before;
  const parentSha =
    !event.forced && before && SHA.test(before) && !ZERO_SHA.test(before) && before !== event.after ? before : null;
  return { action: "deploy", branch, preview, commit, parentSha };
}
