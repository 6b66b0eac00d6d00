import { createPrismaClient } from "@pier/db";
import { secretBox } from "@pier/shared";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGithub, type FakeGithub } from "../../../tests/support/fake-github.ts";
import { testConfig } from "../../../tests/support/platform.ts";
import { GITHUB_APP_SETTINGS_ID, githubApiTokenFor, gitCredentialsFor, githubRepoOf } from "../src/index.ts";

// The GitHub App settings are one row of a database other tests share: each test sets them and removes them at once.
describe("credentials for a repository: GitHub App installation tokens, else the app's own", () => {
  let github: FakeGithub;
  let config: ReturnType<typeof testConfig>;
  const prisma = createPrismaClient(testConfig().DATABASE_URL);
  const appId = `cred-${randomBytes(4).toString("hex")}`;
  const app = { id: appId, repoUrl: "https://github.com/acme/shop.git" };
  const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
    type: "pkcs1",
    format: "pem",
  }) as string;
  const minted = `ghs_${randomBytes(18).toString("hex")}`;

  const withGithubApp = async <T>(fn: () => Promise<T>): Promise<T> => {
    const data = { id: GITHUB_APP_SETTINGS_ID, appId: "4242", privateKey: secretBox(config).seal(privateKey) };
    await prisma.githubAppSettings.upsert({ where: { id: data.id }, create: data, update: data });
    try {
      return await fn();
    } finally {
      await prisma.githubAppSettings.deleteMany({ where: { id: data.id } });
    }
  };

  beforeAll(async () => {
    github = await startFakeGithub();
    config = testConfig({ PIER_GITHUB_API_URL: github.url });
    await prisma.app.create({
      data: { id: appId, name: appId, repoUrl: app.repoUrl, webhookSecret: "x" },
    });
    github.on("apps/get-repo-installation", () => ({ status: 200, body: { id: 77, account: { login: "acme" } } }));
    github.on("apps/create-installation-access-token", () => ({
      status: 201,
      body: { token: minted, expires_at: new Date(Date.now() + 3_600_000).toISOString(), permissions: {} },
    }));
  });
  afterAll(async () => {
    await prisma.app.deleteMany({ where: { id: appId } });
    await prisma.$disconnect();
    await github?.close();
  });

  it("mints an installation token for that one repository with the app's JWT, per use", async () => {
    const [apiToken, clone] = await withGithubApp(async () => [
      await githubApiTokenFor({ prisma, config }, app),
      await gitCredentialsFor({ prisma, config }, app),
    ]);
    expect(apiToken).toBe(minted);
    expect(clone).toEqual({ kind: "token", username: "x-access-token", token: minted, source: "githubApp" });
    expect(github.invalid).toEqual([]);
    const lookups = github.calls("apps/get-repo-installation");
    expect(lookups).toHaveLength(2);
    expect(lookups[0]).toMatchObject({ params: { owner: "acme", repo: "shop" } });
    expect(lookups[0]!.headers.authorization).toMatch(/^bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const mints = github.calls("apps/create-installation-access-token");
    expect(mints).toHaveLength(2); // never cached
    expect(mints[0]).toMatchObject({ params: { installation_id: "77" }, body: { repositories: ["shop"] } });
  });

  it("falls back to the app's own token where the GitHub App is not installed, or for another host", async () => {
    const own = `glpat-${randomBytes(10).toString("hex")}`;
    await prisma.appCredential.create({
      data: { appId, kind: "TOKEN", secret: secretBox(config).seal(own), hint: "x" },
    });
    try {
      github.failNext("apps/get-repo-installation", 404);
      expect(await withGithubApp(() => githubApiTokenFor({ prisma, config }, app))).toBe(own);
      const elsewhere = { id: appId, repoUrl: "https://gitlab.example/acme/shop.git" };
      const before = github.requests.length;
      expect(await withGithubApp(() => gitCredentialsFor({ prisma, config }, elsewhere))).toMatchObject({ token: own });
      expect(github.requests.length).toBe(before);
      expect(await gitCredentialsFor({ prisma, config }, app)).toMatchObject({ kind: "token", token: own });
    } finally {
      await prisma.appCredential.deleteMany({ where: { appId } });
    }
    expect(await githubApiTokenFor({ prisma, config }, app)).toBeNull();
    expect(await gitCredentialsFor({ prisma, config }, app)).toBeNull();
  });

  it("names the failure, not the key, when GitHub refuses the app's JWT", async () => {
    github.failNext("apps/get-repo-installation", 401);
    const error = await withGithubApp(() => gitCredentialsFor({ prisma, config }, app)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /GitHub App 4242: finding its installation on acme\/shop failed \(HTTP 401\)/,
    );
  });

  it("knows GitHub repositories by the git host of PIER_GITHUB_GIT_URL", () => {
    expect(githubRepoOf(config, "https://github.com/acme/shop.git")).toEqual({ owner: "acme", repo: "shop" });
    expect(githubRepoOf(config, "git@github.com:acme/shop.git")).toEqual({ owner: "acme", repo: "shop" });
    expect(githubRepoOf(config, "https://gitlab.com/acme/shop.git")).toBeNull();
    const local = { PIER_GITHUB_GIT_URL: "https://127.0.0.1:9443" };
    expect(githubRepoOf(local, "https://127.0.0.1:9443/acme/shop")).toEqual({ owner: "acme", repo: "shop" });
    expect(githubRepoOf(local, "https://127.0.0.1:9444/acme/shop")).toBeNull();
  });
});
