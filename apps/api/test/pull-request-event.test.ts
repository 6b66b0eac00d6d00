import { describe, expect, it } from "vitest";
import { pullRequestPayload } from "../../../tests/support/github.ts";
import { parsePullRequestEvent } from "../src/github/pull-request-event.ts";

const sha = "0123456789abcdef0123456789abcdef01234567";

describe("reading a pull_request delivery", () => {
  it("takes the action, number, head branch and commit, and the repository", () => {
    const payload = pullRequestPayload({
      action: "opened",
      number: 12,
      repository: "acme/shop",
      branch: "feat/x",
      sha,
    });
    expect(parsePullRequestEvent(payload)).toMatchObject({
      action: "opened",
      number: 12,
      branch: "feat/x",
      headSha: sha,
      repository: "acme/shop",
      sameRepository: true,
    });
  });

  it("tells a fork's branch from the repository's own", () => {
    const payload = pullRequestPayload({
      action: "opened",
      number: 3,
      repository: "acme/shop",
      branch: "main",
      sha,
      fork: true,
    });
    expect(parsePullRequestEvent(payload)?.sameRepository).toBe(false);
  });

  it("refuses what isn't one: no head commit, a bad repository name, not an object", () => {
    const payload = pullRequestPayload({ action: "closed", number: 3, repository: "acme/shop", branch: "x", sha });
    const noSha = structuredClone(payload) as { pull_request: { head: { sha: string } } };
    noSha.pull_request.head.sha = "not-a-sha";
    expect(parsePullRequestEvent(noSha)).toBe(null);
    expect(parsePullRequestEvent({ ...payload, repository: { full_name: "../.." } })).toBe(null);
    expect(parsePullRequestEvent("opened")).toBe(null);
    expect(parsePullRequestEvent(null)).toBe(null);
  });
});
