import { createPrismaClient } from "@pier/db";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestRepo, type TestRepo } from "../../../tests/support/git-repo.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { BuildLog } from "../src/logs/build-log.ts";
import { checkoutDeployment } from "../src/pipeline/checkout.ts";

// On the real database, with a local repository: what a deployment says of its commit is what the commit says.
describe("a deployment's commit details come from the commit itself", () => {
  const config = testConfig();
  const prisma = createPrismaClient(config.DATABASE_URL);
  const appId = `cd${randomBytes(6).toString("hex")}`;
  const workDirs: string[] = [];
  let repo: TestRepo & { sha: string };

  const gitLog = (format: string, sha: string) =>
    execFileSync("git", ["log", "-1", `--format=${format}`, sha], { cwd: repo.dir, encoding: "utf8" }).trim();

  /** A deployment recorded as a webhook or a deploy by hand would record it, then checked out. */
  const checkout = async (commit: { sha: string | null; message: string | null; author: string | null }) => {
    const id = `${appId}${randomBytes(3).toString("hex")}`;
    await prisma.deployment.create({
      data: {
        id,
        shortId: id.slice(-8),
        appId,
        trigger: "PUSH",
        branch: "main",
        commitSha: commit.sha,
        commitMessage: commit.message,
        commitAuthor: commit.author,
      },
    });
    const workDir = await mkdtemp(path.join(tmpdir(), "pier-commit-details-"));
    workDirs.push(workDir);
    const log = new BuildLog(prisma, id);
    const target = { id, branch: "main", commitSha: commit.sha, app: { id: appId, repoUrl: repo.url } };
    await checkoutDeployment({ config, prisma }, target, workDir, log);
    await log.close();
    return prisma.deployment.findUniqueOrThrow({ where: { id } });
  };

  beforeAll(async () => {
    repo = await createTestRepo({ "README.md": "one\n" }, "the first commit");
    await prisma.app.create({ data: { id: appId, name: appId, repoUrl: repo.url, webhookSecret: "x" } });
  });
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id: appId } });
    await prisma.$disconnect();
    await repo.remove();
    for (const dir of workDirs) await rm(dir, { recursive: true, force: true });
  });

  it("a payload's wrong message and author give way to the commit's subject, author, email and time", async () => {
    const sha = await repo.commit({ "README.md": "two\n" }, "Fix the login form\n\nA body the subject leaves out.");
    const deployment = await checkout({ sha, message: "what the payload claimed", author: "Someone Else" });
    expect(deployment.commitSha).toBe(sha);
    expect(deployment.commitMessage).toBe("Fix the login form");
    expect(deployment.commitAuthor).toBe(gitLog("%an", sha));
    expect(deployment.commitAuthorEmail).toBe(gitLog("%ae", sha));
    expect(deployment.committedAt?.toISOString()).toBe(new Date(gitLog("%cI", sha)).toISOString());
  });

  it("a deploy by hand (no commit named) records the branch head it built, with its details", async () => {
    const sha = await repo.commit({ "README.md": "three\n" }, "Ship the new header");
    const deployment = await checkout({ sha: null, message: null, author: null });
    expect(deployment.commitSha).toBe(sha);
    expect(deployment.commitMessage).toBe("Ship the new header");
    expect(deployment.commitAuthorEmail).toBe(gitLog("%ae", sha));
  });
});
