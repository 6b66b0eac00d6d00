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
}): Record<string, unknown> {
  const push = all
    .find((e) => e.name === "push")
    ?.examples.find((ex) => ex.ref === "refs/heads/master" && ex.head_commit);
  if (!push) throw new Error("no push example in @octokit/webhooks-examples");
  const payload = structuredClone(push) as Record<string, unknown> & { head_commit: Record<string, unknown> };
  payload.ref = options.tag ? `refs/tags/${options.branch}` : `refs/heads/${options.branch}`;
  payload.after = options.deleted ? "0".repeat(40) : options.sha;
  payload.deleted = options.deleted ?? false;
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
