import { GITHUB_APP_SETTINGS_ID, gitCredentialsFor } from "@pier/github";
import { loadConfig, secretBox } from "@pier/shared";
import { execFile } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneCommit } from "../../apps/worker/src/git/clone.ts";
import { waitForStatus, logText, type DeploymentView } from "../support/deployments.ts";
import { WorkerProcess } from "../support/faults.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { startFakeGithub } from "../support/fake-github.ts";
import { startPlatform, testEnv, type Platform } from "../support/platform.ts";
import { startPrivateGitServer, type PrivateGitServer } from "../support/private-git-server.ts";

const run = promisify(execFile);

// The image copies the whole checkout (.git included): whatever the clone left there ends up in a layer.
const appFiles = (text: string) => ({
  Dockerfile:
    `FROM ${process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim"}\n` +
    `WORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n`,
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(text)})).listen(Number(process.env.PORT));\n` +
    `process.on("SIGTERM", () => process.exit(0));\n`,
});

/**
 * Everything a clone leaves where a person or a process could read it, sampled while it runs: the process list
 * (arguments, and `ps e`'s environment) and the work directories' .git/config.
 */
function watchClones(workDir: string, secret: string, host: string) {
  const seen = { samples: 0, gitFetches: 0, leaks: 0, text: "" };
  let running = true;
  const loop = (async () => {
    while (running) {
      const ps = await run("ps", ["-e", "-ww", "-o", "args", "e"], { maxBuffer: 16 * 1024 * 1024 });
      const fetches = ps.stdout
        .split("\n")
        .filter((l) => /^(git fetch|\S*git-remote-https) /.test(l) && l.includes(host));
      if (fetches.length) seen.gitFetches++;
      if (!seen.text) seen.text = fetches.join("\n");
      if (ps.stdout.includes(secret)) seen.leaks++;
      for (const dir of await readdir(workDir).catch(() => [])) {
        const config = await readFile(path.join(workDir, dir, ".git", "config"), "utf8").catch(() => "");
        if (config.includes(secret) || /url\s*=|extraheader/i.test(config)) seen.leaks++;
      }
      seen.samples++;
    }
  })();
  return {
    seen,
    stop: async () => {
      running = false;
      await loop;
      return seen;
    },
  };
}

describe("private repositories over HTTPS: a token clones, and shows nowhere", () => {
  const token = `pier-test-token-${randomBytes(12).toString("hex")}`;
  let server: PrivateGitServer;
  let platform: Platform;
  let worker: WorkerProcess;
  let repo: TestRepo & { sha: string };
  let scratch: string;
  let env: Record<string, string | undefined>;
  const name = `prv-${randomBytes(3).toString("hex")}`;
  const ask = (method: "GET" | "PUT" | "POST" | "DELETE", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });
  const deploy = async (): Promise<DeploymentView> => {
    const started = await ask("POST", `/api/apps/${name}/deploy`);
    expect(started.statusCode).toBe(202);
    return waitForStatus(platform.api, platform.auth, started.json().id, undefined, 180_000);
  };

  beforeAll(async () => {
    // Fetches are held 1.5 s: the clone runs long enough for the process list to be sampled many times.
    server = await startPrivateGitServer(token, { fetchDelayMs: 1_500 });
    scratch = await mkdtemp(path.join(tmpdir(), "pier-private-"));
    await writeFile(path.join(scratch, "ca.pem"), server.caPem);
    env = testEnv({
      PIER_GIT_HOSTS: server.host,
      PIER_GIT_CA_FILE: path.join(scratch, "ca.pem"),
      PIER_WORK_DIR: path.join(scratch, "builds"),
      LOG_LEVEL: "debug",
    });
    platform = await startPlatform(loadConfig(env), { worker: false });
    // The worker in its own process: its log lines are read back below.
    worker = new WorkerProcess(env);
    repo = await createTestRepo(appFiles("private v1"));
    const repoUrl = server.publish(repo.dir, "private-app");
    expect((await ask("POST", "/api/apps", { name, repoUrl })).statusCode).toBe(201);
  }, 60_000);
  afterAll(async () => {
    await ask("DELETE", `/api/apps/${name}`);
    await worker?.stop();
    await platform?.close();
    await server?.close();
    await repo?.remove();
    await rm(scratch, { recursive: true, force: true });
  });

  it("fails clearly without a token: FAILED, the reason says authentication failed", async () => {
    const failed = await deploy();
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toMatch(/authentication failed/i);
    expect(failed.reason).toMatch(/private or does not exist/);
    expect(server.requests.every((r) => !r.authorized)).toBe(true);
    console.log(`without a token: ${failed.reason}`);
  }, 200_000);

  it("fails clearly with a wrong token, naming no secret", async () => {
    const wrong = `wrong-token-${randomBytes(8).toString("hex")}`;
    expect((await ask("PUT", `/api/apps/${name}/credentials`, { token: wrong })).statusCode).toBe(200);
    const failed = await deploy();
    expect(failed.status).toBe("FAILED");
    expect(failed.reason).toMatch(/authentication failed/i);
    expect(failed.reason).toMatch(/refused the app's credentials/);
    expect(server.requests.some((r) => r.user === "x-access-token" && !r.authorized)).toBe(true);
    const said = [failed.reason, await logText(platform.api, platform.auth, failed.id), worker.output].join("\n");
    expect(said).not.toContain(wrong);
    console.log(`with a wrong token: ${failed.reason}`);
  }, 200_000);

  it("deploys with the token, which shows in no log, error, answer, process, .git/config or image layer", async () => {
    expect((await ask("PUT", `/api/apps/${name}/credentials`, { token })).statusCode).toBe(200);
    const watch = watchClones(path.join(scratch, "builds"), token, server.host);
    const began = performance.now();
    const ready = await deploy();
    const seen = await watch.stop();
    const deployMs = Math.round(performance.now() - began);
    expect(ready.status, ready.reason ?? "").toBe("READY");
    expect(ready.commitSha).toBe(repo.sha);
    expect(server.requests.some((r) => r.user === "x-access-token" && r.authorized)).toBe(true);

    // The process list: git was seen fetching (arguments and environment), the token never.
    expect(seen.gitFetches).toBeGreaterThan(0);
    expect(seen.text).toContain(server.host);
    expect(seen.text).toContain("GIT_ASKPASS=");
    expect(seen.leaks).toBe(0);

    const log = await logText(platform.api, platform.auth, ready.id);
    expect(log).toMatch(/with the app's token/);
    const answers = await Promise.all(
      [
        `/api/apps/${name}`,
        `/api/apps/${name}/credentials`,
        `/api/deployments/${ready.id}`,
        `/api/apps/${name}/deployments`,
        "/api/audit?limit=100",
      ].map(async (url) => (await ask("GET", url)).body),
    );
    // The worker's own log lines (debug level) are read too.
    expect(worker.output).toContain('"service":"pier-worker"');
    for (const text of [log, worker.output, ...answers]) expect(text).not.toContain(token);

    // The image: its whole filesystem (the checkout's .git included) holds no trace of the token.
    const image = ready.imageTag!;
    const gitConfig = await run("docker", ["run", "--rm", "--entrypoint", "cat", image, "/app/.git/config"]).catch(
      (error: { stderr?: string }) => ({ stdout: `(none: ${error.stderr ?? ""})` }),
    );
    expect(gitConfig.stdout).not.toContain(token);
    expect(gitConfig.stdout).not.toMatch(/url\s*=|extraheader|credential/i);
    const grep = await run(
      "docker",
      ["run", "--rm", "--entrypoint", "grep", image, "-rlF", "-e", token, "/app", "/root", "/tmp", "/etc", "/home"],
      { maxBuffer: 4 * 1024 * 1024 },
    ).catch((error: { code?: number; stdout?: string }) => ({ code: error.code, stdout: error.stdout ?? "" }));
    expect(grep).toMatchObject({ code: 1, stdout: "" }); // grep: 1 = no match anywhere
    console.log(
      `private clone: READY in ${deployMs} ms; ${seen.samples} ps/.git/config samples, ${seen.gitFetches} with git ` +
        `fetching; ${server.requests.length} requests to the git host`,
    );
  }, 240_000);

  it("clones a GitHub repository with an installation token minted for it by the GitHub App", async () => {
    const github = await startFakeGithub();
    try {
      // The git host stands in for github.com; the minted token is the one it accepts.
      const config = loadConfig({ ...env, PIER_GITHUB_API_URL: github.url, PIER_GITHUB_GIT_URL: server.origin });
      github.on("apps/get-repo-installation", () => ({ status: 200, body: { id: 99 } }));
      github.on("apps/create-installation-access-token", () => ({
        status: 201,
        body: { token, expires_at: new Date(Date.now() + 3_600_000).toISOString() },
      }));
      const repoUrl = server.publish(repo.dir, "acme/shop");
      const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({
        type: "pkcs1",
        format: "pem",
      }) as string;
      const settings = { id: GITHUB_APP_SETTINGS_ID, appId: "31337", privateKey: secretBox(config).seal(privateKey) };
      // One row that other tests share: set for as long as the token takes to mint, no longer.
      await platform.prisma.githubAppSettings.upsert({
        where: { id: settings.id },
        create: settings,
        update: settings,
      });
      const credentials = await gitCredentialsFor(
        { prisma: platform.prisma, config },
        { id: `no-such-app-${randomBytes(4).toString("hex")}`, repoUrl },
      ).finally(() => platform.prisma.githubAppSettings.deleteMany({ where: { id: settings.id } }));
      expect(credentials).toEqual({ kind: "token", username: "x-access-token", token, source: "githubApp" });
      const dir = await mkdtemp(path.join(scratch, "app-clone-"));
      const cloned = await cloneCommit({
        repoUrl,
        branch: "main",
        dir,
        allowFileRepos: false,
        timeoutMs: 30_000,
        credentials,
        caFile: config.PIER_GIT_CA_FILE,
      });
      expect(cloned.sha).toBe(repo.sha);
      expect(github.calls("apps/create-installation-access-token")[0]).toMatchObject({
        params: { installation_id: "99" },
        body: { repositories: ["shop"] },
      });
      expect(github.invalid).toEqual([]);
      expect(await readFile(path.join(dir, ".git", "config"), "utf8")).not.toContain(token);
    } finally {
      await github.close();
    }
  }, 60_000);
});
