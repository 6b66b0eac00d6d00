import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGithub, type FakeGithub } from "../../../tests/support/fake-github.ts";

// The GitHub stand-in is what the GitHub tests trust: it must refuse what GitHub would, or they prove nothing.
describe("the GitHub stand-in", () => {
  let github: FakeGithub;
  let octokit: Octokit;

  beforeAll(async () => {
    github = await startFakeGithub();
    octokit = new Octokit({ baseUrl: github.url, auth: "test-token", retry: { enabled: false } });
  });
  afterAll(async () => github?.close());

  it("answers a valid call with its handler and records it", async () => {
    github.on("repos/create-deployment", (req) => ({
      status: 201,
      body: { id: 42, ref: (req.body as { ref: string }).ref },
    }));
    const created = await octokit.rest.repos.createDeployment({
      owner: "acme",
      repo: "shop",
      ref: "0123456789abcdef0123456789abcdef01234567",
      environment: "production",
      auto_merge: false,
      required_contexts: [],
    });
    expect(created.data).toMatchObject({ id: 42 });
    const [call] = github.calls("repos/create-deployment");
    expect(call).toMatchObject({ params: { owner: "acme", repo: "shop" } });
    expect(call!.headers.authorization).toBe("token test-token");
    expect(github.invalid).toEqual([]);
  });

  it("refuses a body GitHub's schema refuses, and a path GitHub doesn't have", async () => {
    const wrongBody = await fetch(`${github.url}/repos/acme/shop/deployments/1/statuses`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ state: "finished" }),
    });
    expect(wrongBody.status).toBe(422);
    const wrongPath = await fetch(`${github.url}/repos/acme/shop/deploy`, { method: "POST" });
    expect(wrongPath.status).toBe(404);
    expect(github.invalid.map((i) => i.path)).toEqual([
      "/repos/acme/shop/deployments/1/statuses",
      "/repos/acme/shop/deploy",
    ]);
    github.invalid.length = 0;
  });

  it("plays an outage: the next calls fail, then the handler answers again", async () => {
    github.on("issues/create-comment", () => ({ status: 201, body: { id: 7 } }));
    github.failNext("issues/create-comment", 503, 2);
    const comment = () =>
      octokit.rest.issues.createComment({ owner: "acme", repo: "shop", issue_number: 3, body: "hi" });
    await expect(comment()).rejects.toMatchObject({ status: 503 });
    await expect(comment()).rejects.toMatchObject({ status: 503 });
    expect((await comment()).data).toMatchObject({ id: 7 });
    expect(github.invalid).toEqual([]);
  });
});
