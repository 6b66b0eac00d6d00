import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { prepareGitAuth } from "../src/git/git-auth.ts";

const run = promisify(execFile);

describe("git auth: credentials in private files, paths in git's environment", () => {
  it("answers git's prompts from 0600 files through GIT_ASKPASS, and removes them", async () => {
    const token = "tok-0123456789abcdef";
    const auth = await prepareGitAuth({
      credentials: { kind: "token", username: "x-access-token", token, source: "app" },
    });
    expect(JSON.stringify(auth.env)).not.toContain(token);
    expect(auth.env).toMatchObject({ GIT_CONFIG_KEY_0: "credential.helper", GIT_CONFIG_VALUE_0: "" });
    const askpass = auth.env.GIT_ASKPASS!;
    const dir = path.dirname(askpass);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await stat(path.join(dir, "token"))).mode & 0o777).toBe(0o600);
    const user = await run(askpass, ["Username for 'https://git.example': "]);
    const password = await run(askpass, ["Password for 'https://x-access-token@git.example': "]);
    expect([user.stdout, password.stdout]).toEqual(["x-access-token", token]);
    expect(auth.secrets).toEqual([token]);
    await auth.dispose();
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  });

  it("gives ssh only the deploy key, a strict host-key check, and no config of the host", async () => {
    const auth = await prepareGitAuth({
      credentials: { kind: "deployKey", privateKey: "-----BEGIN KEY-----\nx\n", source: "app" },
    });
    const command = auth.env.GIT_SSH_COMMAND!;
    for (const option of ["-F /dev/null", "IdentitiesOnly=yes", "StrictHostKeyChecking=yes", "BatchMode=yes"])
      expect(command).toContain(option);
    expect(command).not.toContain("BEGIN");
    expect(auth.protocols).toEqual(["ssh"]);
    const knownHosts = /UserKnownHostsFile='([^']+)'/.exec(command)![1]!;
    const listed = await run("ssh-keygen", ["-l", "-f", knownHosts]);
    // GitHub's published fingerprints (docs.github.com, "GitHub's SSH key fingerprints").
    for (const fingerprint of [
      "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s",
      "SHA256:p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM",
      "SHA256:+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU",
    ])
      expect(listed.stdout).toContain(fingerprint);
    await auth.dispose();
  });

  it("needs nothing on disk for a public repository", async () => {
    const auth = await prepareGitAuth({ credentials: null, caFile: "/etc/ssl/certs/ca-certificates.crt" });
    expect(auth.env.GIT_SSL_CAINFO).toBe("/etc/ssl/certs/ca-certificates.crt");
    expect(auth.env.GIT_ASKPASS).toBeUndefined();
    expect(auth.protocols).toEqual([]);
  });
});
