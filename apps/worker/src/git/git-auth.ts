import type { GitCredentials } from "@pier/github";
import { chmod, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * How git reaches a private repository without the credential showing anywhere. Nothing secret goes into git's
 * arguments (`ps` shows them), its environment (`ps e` shows a root process's), the URL (errors and .git/config would
 * carry it) or the work directory (the build context). It sits in 0600 files of a private 0700 directory outside the
 * work directory, removed after the clone:
 * - a token: git asks GIT_ASKPASS, a script that prints the user name or the token from those files;
 *   `credential.helper` is reset so no helper of the host's configuration stores the answer;
 * - a deploy key: GIT_SSH_COMMAND names the key file, with only that key (IdentitiesOnly), no ssh config of the
 *   host (-F /dev/null), batch mode (never a prompt) and a strict host-key check against a known_hosts of GitHub's
 *   published keys plus the operator's file (PIER_GIT_SSH_KNOWN_HOSTS): an unknown host is refused, never trusted
 *   on first use, since a first connection to an impostor would hand it the repository's contents.
 */
export interface GitAuth {
  /** Environment for git (paths only, nothing secret). */
  env: Record<string, string>;
  /** Protocols git may use beyond https (and file when allowed): "ssh" with a deploy key. */
  protocols: string[];
  /** Values to redact from anything git says. */
  secrets: string[];
  dispose(): Promise<void>;
}

/** GitHub's published SSH host keys (docs.github.com, "GitHub's SSH key fingerprints"). */
export const GITHUB_KNOWN_HOSTS = [
  "github.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl",
  "github.com ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nk" +
    "t5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg=",
  "github.com ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABgQCj7ndNxQowgcQnjshcLrqPEiiphnt+VTTvDP6mHBL9j1aNUkY4U" +
    "e1gvwnGLVlOhGeYrnZaMgRK6+PKCUXaDbC7qtbW8gIkhL7aGCsOr/C56SJMy/BCZfxd1nWzAOxSDPgVsmerOBYfNqltV9/hWCqBy" +
    "wINIR+5dIg6JTJ72pcEpEjcYgXkE2YEFXV1JHnsKgbLWNlhScqb2UmyRkQyytRLtL+38TGxkxCflmO+5Z8CSSNY7GidjMIZ7Q4zM" +
    "jA2n1nGrlTDkzwDCsw+wqFPGQA179cnfGWOWRVruj16z6XyvxvjJwbz0wQZ75XK5tKSb7FNyeIEs4TT4jk+S4dhPeAUC5y+bDYir" +
    "YgM4GC7uEnztnZyaVWQ7B381AK4Qdrwt51ZqExKbQpTUNn+EjqoTwvqNj4kqx5QUCI0ThS/YkOxJCXmPUWZbhjpCg56i+2aB6CmK" +
    "2JGhn57K5mj0MNdBXA4/WnwH6XoPWJzK5Nyu2zB3nAZp+S5hpQs+p1vN1/wsjk=",
];

// The script holds no secret: it reads the files next to it. git calls it with its prompt as the only argument.
const ASKPASS = `#!/bin/sh
dir=$(dirname "$0")
case "$1" in
  Username*) cat "$dir/username" ;;
  *) cat "$dir/token" ;;
esac
`;

const quote = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;

export interface GitAuthOptions {
  credentials: GitCredentials | null;
  /** PIER_GIT_CA_FILE: a CA bundle for https. */
  caFile?: string;
  /** PIER_GIT_SSH_KNOWN_HOSTS: host keys of SSH hosts other than github.com. */
  knownHostsFile?: string;
}

export async function prepareGitAuth(options: GitAuthOptions): Promise<GitAuth> {
  // Whatever helper the host's git configuration names must neither answer nor store: reset the list.
  const env: Record<string, string> = {
    GIT_CONFIG_COUNT: "1",
    GIT_CONFIG_KEY_0: "credential.helper",
    GIT_CONFIG_VALUE_0: "",
  };
  if (options.caFile) env.GIT_SSL_CAINFO = options.caFile;
  const { credentials } = options;
  if (!credentials) return { env, protocols: [], secrets: [], dispose: async () => {} };
  const dir = await mkdtemp(path.join(tmpdir(), "pier-git-auth-"));
  await chmod(dir, 0o700);
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    if (credentials.kind === "token") {
      await writeFile(path.join(dir, "username"), credentials.username, { mode: 0o600 });
      await writeFile(path.join(dir, "token"), credentials.token, { mode: 0o600 });
      await writeFile(path.join(dir, "askpass"), ASKPASS, { mode: 0o700 });
      env.GIT_ASKPASS = path.join(dir, "askpass");
      return { env, protocols: [], secrets: [credentials.token], dispose };
    }
    const key = path.join(dir, "key");
    const knownHosts = path.join(dir, "known_hosts");
    await writeFile(key, `${credentials.privateKey.trim()}\n`, { mode: 0o600 });
    const operatorHosts = options.knownHostsFile ? await readFile(options.knownHostsFile, "utf8") : "";
    await writeFile(knownHosts, `${GITHUB_KNOWN_HOSTS.join("\n")}\n${operatorHosts}`, { mode: 0o600 });
    env.GIT_SSH_COMMAND = [
      "ssh",
      "-F /dev/null",
      `-i ${quote(key)}`,
      "-o IdentitiesOnly=yes",
      "-o IdentityAgent=none",
      "-o BatchMode=yes",
      "-o StrictHostKeyChecking=yes",
      `-o UserKnownHostsFile=${quote(knownHosts)}`,
      "-o GlobalKnownHostsFile=/dev/null",
      "-o ConnectTimeout=20",
    ].join(" ");
    return { env, protocols: ["ssh"], secrets: [credentials.privateKey.trim()], dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
