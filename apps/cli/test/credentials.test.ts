import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCliApi, type CliApi } from "./cli-api.ts";

describe("pier credentials against the real API", () => {
  let cli: CliApi;
  const name = `cli-cred-${randomBytes(4).toString("hex")}`;
  const token = `glpat-${randomBytes(12).toString("hex")}`;
  const pier = (args: string[], input?: string) => cli.pier(args, { input });

  beforeAll(async () => {
    cli = await startCliApi(name, "pier-cli-cred-");
  });
  afterAll(() => cli?.close());

  it("sets a token from stdin, shows only its hint, sets a deploy key from a file, and removes it", async () => {
    expect((await pier(["credentials", name])).stdout).toMatch(/clones anonymously/);
    const set = await pier(["credentials", "set", name, "--token-stdin"], `${token}\n`);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`Set ${name}'s token (…${token.slice(-4)})`);
    const shown = await pier(["credentials", name, "--json"]);
    expect(JSON.parse(shown.stdout).credential).toMatchObject({ kind: "TOKEN" });
    for (const out of [set.stdout, set.stderr, shown.stdout]) expect(out).not.toContain(token);

    const keyFile = join(cli.configHome, "deploy-key");
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", keyFile]);
    const key = await pier(["credentials", "set", name, "--deploy-key", keyFile]);
    expect(key.stdout).toMatch(/Set .*'s deploy key \(SHA256:/);
    expect((await pier(["credentials", name])).stdout).toMatch(/deploy key SHA256:/);
    expect((await pier(["credentials", "rm", name])).code).toBe(0);
    const gone = await pier(["credentials", "rm", name]);
    expect(gone.code).toBe(5);
    expect(gone.stderr).toMatch(/has no repository credential/);
  });

  it("configures the GitHub App from a key file, shows only its id, and forgets it", async () => {
    const keyFile = join(cli.configHome, "github-app.pem");
    execFileSync("openssl", ["genrsa", "-out", keyFile, "2048"], { stdio: "ignore" });
    const missing = await pier(["github-app", "set", "--app-id", "12345"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--private-key <file.pem>/);
    const set = await pier(["github-app", "set", "--app-id", "12345", "--private-key", keyFile]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain("GitHub App 12345 configured");
    const shown = await pier(["github-app", "--json"]);
    expect(JSON.parse(shown.stdout)).toMatchObject({ configured: true, appId: "12345" });
    expect(shown.stdout).not.toContain("PRIVATE KEY");
    expect((await pier(["github-app", "rm"])).code).toBe(0);
    expect((await pier(["github-app"])).stdout).toMatch(/No GitHub App/);
  });

  it("refuses both or neither, and a file that is no key, saying what to do", async () => {
    const neither = await pier(["credentials", "set", name]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/one of --token-stdin and --deploy-key/);
    const notKey = await pier(["credentials", "set", name, "--deploy-key", "/etc/hostname"]);
    expect(notKey.code).not.toBe(0);
    expect(notKey.stderr).toMatch(/deployKey: must be an SSH private key/);
  });
});
