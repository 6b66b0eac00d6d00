import examples from "@octokit/webhooks-examples";
import { createHmac, randomUUID } from "node:crypto";

type Example = { name: string; examples: Array<Record<string, unknown>> };
const all = examples as unknown as Example[];

/** A real GitHub push delivery (from @octokit/webhooks-examples), re-aimed at our branch and commit. */
export function pushPayload(options: {
  branch: string;
  sha: string;
  message?: string;
  deleted?: boolean;
  tag?: boolean;
  /** The branch's commit before the push (GitHub's `before`); the example's unrelated sha unless given. */
  before?: string;
  forced?: boolean;
}): Record<string, unknown> {
  const push = all
    .find((e) => e.name === "push")
    ?.examples.find((ex) => ex.ref === "refs/heads/master" && ex.head_commit);
  if (!push) throw new Error("no push example in @octokit/webhooks-examples");
  const payload = structuredClone(push) as Record<string, unknown> & { head_commit: Record<string, unknown> };
  payload.ref = options.tag ? `refs/tags/${options.branch}` : `refs/heads/${options.branch}`;
  payload.after = options.deleted ? "0".repeat(40) : options.sha;
  payload.deleted = options.deleted ?? false;
  if (options.before !== undefined) payload.before = options.before;
  payload.forced = options.forced ?? false;
  payload.head_commit = options.deleted
    ? (null as never)
    : { ...payload.head_commit, id: options.sha, message: options.message ?? "test push" };
  return payload;
}

export function pingPayload(): Record<string, unknown> {
  const ping = all.find((e) => e.name === "ping")?.examples[0];
  if (!ping) throw new Error("no ping example");
  return structuredClone(ping);
}

export const sign = (secret: string, body: string) =>
  `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

/** Headers GitHub sends with a delivery. */
export function deliveryHeaders(
  event: string,
  secret: string,
  body: string,
  deliveryId = randomUUID(),
): Record<string, string> {
  return {
    "content-type": "application/json",
    "x-github-event": event,
    "x-github-delivery": deliveryId,
    "x-hub-signature-256": sign(secret, body),
    "user-agent": "GitHub-Hookshot/test",
  };
}

/** A real GitHub pull_request delivery (@octokit/webhooks-examples), re-aimed at our repository, branch and commit. */
export function pullRequestPayload(options: {
  action: "opened" | "reopened" | "synchronize" | "closed";
  number: number;
  repository: string;
  branch: string;
  sha: string;
  /** The head branch lives in a fork. */
  fork?: boolean;
}): Record<string, unknown> {
  const example = all.find((e) => e.name === "pull_request")?.examples.find((ex) => ex.action === "opened");
  if (!example) throw new Error("no pull_request example in @octokit/webhooks-examples");
  const payload = structuredClone(example) as Record<string, unknown> & {
    pull_request: Record<string, unknown> & { head: Record<string, unknown> & { repo: Record<string, unknown> } };
    repository: Record<string, unknown>;
  };
  const [, name] = options.repository.split("/");
  payload.action = options.action;
  payload.number = options.number;
  payload.repository = { ...payload.repository, full_name: options.repository, name };
  payload.pull_request.number = options.number;
  payload.pull_request.state = options.action === "closed" ? "closed" : "open";
  payload.pull_request.head = {
    ...payload.pull_request.head,
    ref: options.branch,
    sha: options.sha,
    repo: { ...payload.pull_request.head.repo, full_name: options.fork ? `someone/${name}` : options.repository },
  };
  return payload;
}
