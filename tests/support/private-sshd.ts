import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port.ts";

const run = promisify(execFile);

export interface PrivateSshd {
  /** localhost:<port>, for PIER_GIT_HOSTS. */
  host: string;
  /** A known_hosts line for its host key ([localhost]:<port> ssh-ed25519 …). */
  knownHostsLine: string;
  /** Serves a bare clone of `sourceDir`; returns its ssh:// URL. */
  publish(sourceDir: string, name: string): Promise<string>;
  /** Lets this public key in (the deploy key's public half, as a repository's deploy keys would). */
  authorize(publicKey: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A private SSH git host: its own sshd on 127.0.0.1 (own config, host key, port and authorized_keys), letting in
 * only the keys authorized here, with no password or keyboard login. git runs as the current user over it.
 */
export async function startPrivateSshd(): Promise<PrivateSshd> {
  const dir = await mkdtemp(path.join(tmpdir(), "pier-sshd-"));
  const port = await freePort();
  const hostKey = path.join(dir, "host_key");
  await run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "pier-test-host", "-f", hostKey]);
  const authorizedKeys = path.join(dir, "authorized_keys");
  await writeFile(authorizedKeys, "", { mode: 0o600 });
  const config = path.join(dir, "sshd_config");
  await writeFile(
    config,
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${hostKey}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      // The files live in a temp directory: sshd's ownership checks of the home don't apply.
      "StrictModes no",
      "PermitRootLogin prohibit-password",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PubkeyAuthentication yes",
      "UsePAM no",
      "",
    ].join("\n"),
  );
  await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
  const child: ChildProcess = spawn("/usr/sbin/sshd", ["-D", "-e", "-f", config], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let output = "";
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 10_000;
  while (!/Server listening/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`sshd did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  const hostPublic = (await readFile(`${hostKey}.pub`, "utf8")).trim().split(" ").slice(0, 2).join(" ");
  return {
    host: `localhost:${port}`,
    knownHostsLine: `[localhost]:${port} ${hostPublic}`,
    async publish(sourceDir, name) {
      const bare = path.join(dir, "repos", `${name}.git`);
      await run("git", ["clone", "--quiet", "--bare", sourceDir, bare]);
      return `ssh://root@localhost:${port}${bare}`;
    },
    async authorize(publicKey) {
      // restrict: no pty, no forwarding; git's commands still run.
      const current = await readFile(authorizedKeys, "utf8");
      await writeFile(authorizedKeys, `${current}restrict ${publicKey.trim()}\n`, { mode: 0o600 });
    },
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
