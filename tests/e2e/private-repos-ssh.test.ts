import { loadConfig } from "@pier/shared";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cloneCommit } from "../../apps/worker/src/git/clone.ts";
import { logText, waitForStatus } from "../support/deployments.ts";
import { createTestRepo, type TestRepo } from "../support/git-repo.ts";
import { startPlatform, testEnv, type Platform } from "../support/platform.ts";
import { startPrivateSshd, type PrivateSshd } from "../support/private-sshd.ts";

const run = promisify(execFile);

const appFiles = (text: string) => ({
  Dockerfile:
    `FROM ${process.env.PIER_TEST_NODE_IMAGE ?? "pier-local/node:24-bookworm-slim"}\n` +
    `WORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n`,
  "server.js":
    `require("http").createServer((q, s) => s.end(${JSON.stringify(text)})).listen(Number(process.env.PORT));\n` +
    `process.on("SIGTERM", () => process.exit(0));\n`,
});

describe("private repositories over SSH: a deploy key clones, against a pinned host key", () => {
  let sshd: PrivateSshd;
  let platform: Platform;
  let repo: TestRepo & { sha: string };
  let scratch: string;
  let privateKey: string;
  let repoUrl: string;
  const name = `prk-${randomBytes(3).toString("hex")}`;
  const ask = (method: "GET" | "PUT" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    platform.api.inject({ method, url, headers: platform.auth, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    sshd = await startPrivateSshd();
    scratch = await mkdtemp(path.join(tmpdir(), "pier-private-ssh-"));
    await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "deploy", "-f", path.join(scratch, "key")]);
    privateKey = await readFile(path.join(scratch, "key"), "utf8");
    await sshd.authorize(await readFile(path.join(scratch, "key.pub"), "utf8"));
    await writeFile(path.join(scratch, "known_hosts"), `${sshd.knownHostsLine}\n`);
    const env = testEnv({
      PIER_GIT_HOSTS: `github.com,${sshd.host}`,
      PIER_GIT_SSH_KNOWN_HOSTS: path.join(scratch, "known_hosts"),
    });
    platform = await startPlatform(loadConfig(env));
    repo = await createTestRepo(appFiles("private over ssh"));
    repoUrl = await sshd.publish(repo.dir, "app");
  }, 60_000);
  afterAll(async () => {
    await ask("DELETE", `/api/apps/${name}`);
    await platform?.close();
    await sshd?.close();
    await repo?.remove();
    await rm(scratch, { recursive: true, force: true });
  });

  it("takes the ssh URL once the app has a deploy key, and deploys with it", async () => {
    // Created on https, as a new app has no key yet; an ssh URL is refused until it has one.
    const https = `https://github.com/pier-test/${name}.git`;
    expect((await ask("POST", "/api/apps", { name, repoUrl: https })).statusCode).toBe(201);
    const refused = await ask("PATCH", `/api/apps/${name}`, { repoUrl });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      fields: [{ field: "repoUrl" }],
      message: expect.stringMatching(/deploy key/),
    });
    expect((await ask("PUT", `/api/apps/${name}/credentials`, { deployKey: privateKey })).statusCode).toBe(200);
    expect((await ask("PATCH", `/api/apps/${name}`, { repoUrl })).statusCode).toBe(200);

    const started = await ask("POST", `/api/apps/${name}/deploy`);
    const ready = await waitForStatus(platform.api, platform.auth, started.json().id, undefined, 180_000);
    expect(ready.status, ready.reason ?? "").toBe("READY");
    expect(ready.commitSha).toBe(repo.sha);
    const log = await logText(platform.api, platform.auth, ready.id);
    expect(log).toMatch(/with the app's deploy key/);
    const keyBody = privateKey.split("\n")[1]!;
    const answers = await Promise.all(
      [`/api/apps/${name}`, `/api/apps/${name}/credentials`, `/api/deployments/${ready.id}`].map(
        async (url) => (await ask("GET", url)).body,
      ),
    );
    for (const text of [log, ...answers]) expect(text).not.toContain(keyBody);
    const grep = await run("docker", ["run", "--rm", "--entrypoint", "grep", ready.imageTag!, "-rlF", keyBody, "/app"])
      .then(() => ({ code: 0 }))
      .catch((error: { code?: number }) => ({ code: error.code }));
    expect(grep.code).toBe(1); // no match
  }, 240_000);

  it("refuses a host whose key is not pinned, and never speaks ssh without a deploy key", async () => {
    const dir = path.join(scratch, "clone-unknown-host");
    await mkdir(dir);
    const request = {
      repoUrl,
      branch: "main",
      dir,
      allowFileRepos: false,
      timeoutMs: 30_000,
      credentials: { kind: "deployKey" as const, privateKey, source: "app" as const },
    };
    // The operator's known_hosts lacks this host: no trust on first use.
    const unknown = await cloneCommit({ ...request, knownHostsFile: "/dev/null" }).catch((e: Error) => e);
    expect(unknown).toBeInstanceOf(Error);
    expect((unknown as Error).message).toMatch(/Host key verification failed/);
    const dir2 = path.join(scratch, "clone-no-key");
    await mkdir(dir2);
    const noKey = await cloneCommit({ ...request, dir: dir2, credentials: null }).catch((e: Error) => e);
    expect((noKey as Error).message).toMatch(/transport 'ssh' not allowed/);
    const dir3 = path.join(scratch, "clone-pinned");
    await mkdir(dir3);
    const known = path.join(scratch, "known_hosts");
    expect((await cloneCommit({ ...request, dir: dir3, knownHostsFile: known })).sha).toBe(repo.sha);
    const gitConfig = await readFile(path.join(dir3, ".git", "config"), "utf8");
    expect(gitConfig).not.toMatch(/url\s*=|sshCommand|key/i);
  }, 60_000);
});
