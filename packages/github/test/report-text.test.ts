import type { Deployment } from "@pier/db";
import { loadConfig } from "@pier/shared";
import { describe, expect, it } from "vitest";
import { clip, statesFor } from "../src/deployment-report.ts";
import { githubCallError, GithubRefusedError, GithubUnavailableError } from "../src/errors.ts";
import { deploymentPageUrl, environmentName, environmentUrl } from "../src/links.ts";
import { CLOSED_NOTE, pullRequestCommentBody } from "../src/pull-request-comment.ts";
import { githubRepositoryOf, parseRepositoryName } from "../src/repository.ts";

const config = loadConfig({ ...process.env, PIER_PUBLIC_URL: "https://pier.example.test/" });

describe("what Pier tells GitHub", () => {
  it("the states a deployment went through, in GitHub's words and order", () => {
    const started = new Date();
    expect(statesFor({ status: "QUEUED", startedAt: null })).toEqual(["queued"]);
    expect(statesFor({ status: "BUILDING", startedAt: started })).toEqual(["queued", "in_progress"]);
    expect(statesFor({ status: "READY", startedAt: started })).toEqual(["queued", "in_progress", "success"]);
    expect(statesFor({ status: "FAILED", startedAt: started })).toEqual(["queued", "in_progress", "failure"]);
    expect(statesFor({ status: "FAILED", startedAt: null })).toEqual(["queued", "failure"]);
    expect(statesFor({ status: "CANCELLED", startedAt: null })).toEqual(["queued", "inactive"]);
  });

  it("descriptions fit GitHub's 140 characters", () => {
    expect(clip("short")).toBe("short");
    const long = clip("x".repeat(500));
    expect(long).toHaveLength(140);
    expect(long.endsWith("…")).toBe(true);
  });

  it("links: the dashboard's page of the deployment, and where it is reached", () => {
    expect(deploymentPageUrl(config, "abc")).toBe("https://pier.example.test/deployments/abc");
    expect(environmentUrl(config, "shop", { previewSlug: null })).toMatch(/^http:\/\/shop\.localhost(:\d+)?$/);
    expect(environmentUrl(config, "shop", { previewSlug: "feat-x" })).toMatch(/^http:\/\/shop-git-feat-x\.localhost/);
    expect(environmentName({ previewSlug: null, branch: "main" })).toBe("production");
    expect(environmentName({ previewSlug: "feat-x", branch: "feat/X" })).toBe("preview/feat/X");
  });

  it("the repository: the repoUrl's on GitHub, else the one deliveries named, else none", () => {
    expect(githubRepositoryOf(config, { repoUrl: "file:///tmp/x", githubRepository: "acme/shop" })).toEqual({
      owner: "acme",
      repo: "shop",
    });
    expect(githubRepositoryOf(config, { repoUrl: "https://github.com/acme/shop.git", githubRepository: null })).toEqual(
      { owner: "acme", repo: "shop" },
    );
    expect(githubRepositoryOf(config, { repoUrl: "https://gitlab.com/acme/shop", githubRepository: null })).toBe(null);
    expect(
      githubRepositoryOf(config, { repoUrl: "https://github.com/acme/shop", githubRepository: "someone/else" }),
    ).toEqual({ owner: "acme", repo: "shop" });
    expect(githubRepositoryOf(config, { repoUrl: "file:///tmp/x", githubRepository: null })).toBe(null);
    expect(parseRepositoryName("acme/shop/extra")).toBe(null);
    expect(parseRepositoryName("../etc")).toBe(null);
  });

  it("GitHub's errors: 5xx, 429, a spent rate limit and no answer are retried; other 4xx are not", () => {
    const answered = (status: number, headers: Record<string, string> = {}) =>
      Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });
    expect(githubCallError("x", answered(503))).toBeInstanceOf(GithubUnavailableError);
    expect(githubCallError("x", answered(429))).toBeInstanceOf(GithubUnavailableError);
    expect(githubCallError("x", answered(403, { "x-ratelimit-remaining": "0" }))).toBeInstanceOf(
      GithubUnavailableError,
    );
    expect(githubCallError("x", new Error("connect ECONNREFUSED"))).toBeInstanceOf(GithubUnavailableError);
    expect(githubCallError("x", answered(422))).toBeInstanceOf(GithubRefusedError);
    expect(githubCallError("x", answered(404))).toBeInstanceOf(GithubRefusedError);
    expect(githubCallError("x", answered(403))).toBeInstanceOf(GithubRefusedError);
  });

  it("the pull-request comment: the preview's URL and status, then the closed note", () => {
    const deployment = {
      id: "dep123",
      shortId: "dep123ab",
      status: "FAILED",
      previewSlug: "feat-x",
      commitSha: "0123456789abcdef0123456789abcdef01234567",
      failureReason: "npm run build exited with 1\nmore",
    } as Deployment;
    const open = pullRequestCommentBody({ config }, { branch: "feat/x", open: true, appName: "shop" }, deployment);
    expect(open).toContain("❌ Failed");
    expect(open).toContain("shop-git-feat-x.localhost");
    expect(open).toContain("[dep123ab](https://pier.example.test/deployments/dep123)");
    expect(open).toContain("commit 0123456");
    expect(open).toContain("Reason: npm run build exited with 1");
    expect(open).not.toContain("more");
    const closed = pullRequestCommentBody({ config }, { branch: "feat/x", open: false, appName: "shop" }, null);
    expect(closed).toContain(CLOSED_NOTE);
  });
});
