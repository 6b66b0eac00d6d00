import { createPrismaClient, type PrismaClient } from "@pier/db";
import { loadConfig } from "@pier/shared";
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGithub, type FakeGithub } from "../../../tests/support/fake-github.ts";
import { CLOSED_NOTE, reportPullRequest } from "../src/pull-request-comment.ts";

// A pull request's one comment, on real Postgres with GitHub the stand-in: created once, then edited in place.
describe("a pull request's comment", () => {
  let github: FakeGithub;
  let prisma: PrismaClient;
  let appId = "";
  let prId = "";
  let nextId = 500;
  const deleted = new Set<string>();
  const bodies = () =>
    github.requests
      .filter((r) => r.operationId.startsWith("issues/"))
      .map((r) => [r.operationId, (r.body as { body: string }).body] as const);

  beforeAll(async () => {
    github = await startFakeGithub();
    github.on("issues/create-comment", () => ({ status: 201, body: { id: nextId++ } }));
    github.on("issues/update-comment", (req) =>
      deleted.has(req.params.comment_id!)
        ? { status: 404, body: { message: "Not Found" } }
        : { status: 200, body: { id: Number(req.params.comment_id) } },
    );
    prisma = createPrismaClient(process.env.DATABASE_URL!);
    appId = randomUUID();
    const name = `prc-${randomBytes(3).toString("hex")}`;
    await prisma.app.create({
      data: { id: appId, name, repoUrl: "https://github.com/acme/shop.git", webhookSecret: "s", previews: true },
    });
    prId = randomUUID();
    await prisma.githubPullRequest.create({
      data: { id: prId, appId, number: 5, repository: "acme/shop", branch: "feat/x" },
    });
  });
  afterAll(async () => {
    await prisma?.app.deleteMany({ where: { id: appId } });
    await prisma?.$disconnect();
    await github?.close();
  });

  const deps = () => ({
    prisma,
    config: loadConfig({ ...process.env, PIER_GITHUB_API_URL: github.url }),
    tokenFor: async () => "test-token",
  });

  it("is created once, then edited; a deleted one is replaced; a closed pull request's says so", async () => {
    expect(await reportPullRequest(deps(), prId)).toBe("reported");
    const id = randomUUID().replaceAll("-", "").slice(0, 16);
    await prisma.deployment.create({
      data: { id, shortId: id.slice(0, 8), appId, trigger: "PUSH", branch: "feat/x", previewSlug: "feat-x" },
    });
    expect(await reportPullRequest(deps(), prId)).toBe("reported");
    expect(bodies().map(([op]) => op)).toEqual(["issues/create-comment", "issues/update-comment"]);
    expect(bodies()[0]![1]).toContain("no preview yet");
    expect(bodies()[1]![1]).toContain("Queued");
    expect(github.calls("issues/create-comment")[0]!.params).toMatchObject({ repo: "shop", issue_number: "5" });

    deleted.add("500"); // someone deleted Pier's comment
    expect(await reportPullRequest(deps(), prId)).toBe("reported");
    const stored = await prisma.githubPullRequest.findUniqueOrThrow({ where: { id: prId } });
    expect(stored.commentId).toBe(501n);

    await prisma.githubPullRequest.update({ where: { id: prId }, data: { open: false } });
    expect(await reportPullRequest(deps(), prId)).toBe("reported");
    const last = github.requests.at(-1)!;
    expect(last).toMatchObject({ operationId: "issues/update-comment", params: { comment_id: "501" } });
    expect((last.body as { body: string }).body).toContain(CLOSED_NOTE);
    expect(github.calls("issues/create-comment")).toHaveLength(2);
    expect(github.invalid).toEqual([]);
  });

  it("a pull request closed before it was ever commented on gets no comment", async () => {
    const other = randomUUID();
    await prisma.githubPullRequest.create({
      data: { id: other, appId, number: 6, repository: "acme/shop", branch: "feat/y", open: false },
    });
    const before = github.requests.length;
    expect(await reportPullRequest(deps(), other)).toBe("up-to-date");
    expect(github.requests).toHaveLength(before);
  });
});
