// The only file in Pier that imports simple-git.
import type { GitCredentials } from "@pier/github";
import { redactSecrets } from "@pier/shared";
import { tmpdir } from "node:os";
import { simpleGit, type SimpleGit } from "simple-git";
import { DeployFailedError, TransientError } from "../errors.ts";
import { type GitAuth, prepareGitAuth } from "./git-auth.ts";

/** What the checked-out commit itself says (git log -1): what Pier records, whatever a webhook payload said. */
export interface ClonedCommit {
  sha: string;
  /** The subject: the message's first line. */
  message: string;
  author: string;
  authorEmail: string;
  /** The committer's date (when the commit was made, or last rewritten by a rebase). */
  committedAt: Date;
}

export interface CloneRequest {
  /** Already checked by checkRepoUrl. */
  repoUrl: string;
  /** Exact commit to check out; when absent, the head of `branch`. */
  sha?: string | null;
  branch: string;
  dir: string;
  allowFileRepos: boolean;
  timeoutMs: number;
  /** A private repository's token or deploy key (see git-auth.ts for how it stays out of sight). */
  credentials?: GitCredentials | null;
  /** PIER_GIT_CA_FILE and PIER_GIT_SSH_KNOWN_HOSTS. */
  caFile?: string;
  knownHostsFile?: string;
}

const SHA_PATTERN = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const TRANSIENT_GIT_ERRORS = new RegExp(
  [
    "Could not resolve host",
    "Connection (timed out|refused|reset)",
    "Operation timed out",
    "early EOF",
    "returned error: 5\\d\\d",
    "RPC failed",
    "Failed to connect",
  ].join("|"),
  "i",
);

/** The host refused who we said we were, or we had nothing to say: a credential to set or fix, not a retry. */
const AUTH_GIT_ERRORS = new RegExp(
  [
    "Authentication failed",
    "could not read (Username|Password)",
    "terminal prompts disabled",
    "Permission denied \\(publickey",
    "returned error: 40[13]",
  ].join("|"),
  "i",
);

function gitFor(dir: string, allowFileRepos: boolean, timeoutMs: number, auth?: GitAuth): SimpleGit {
  const protocols = ["https", ...(allowFileRepos ? ["file"] : []), ...(auth?.protocols ?? [])];
  return simpleGit({ baseDir: dir, timeout: { block: timeoutMs } }).env({
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/root",
    // Never prompt for credentials, and only speak the transports Pier allows (no ext::, git://; ssh only with a
    // deploy key).
    GIT_TERMINAL_PROMPT: "0",
    GIT_ALLOW_PROTOCOL: protocols.join(":"),
    GIT_CONFIG_NOSYSTEM: "1",
    ...auth?.env,
  });
}

function classify(error: unknown, what: string, secrets: readonly string[] = []): Error {
  // Whatever git or the server said, it never carries a credential into a log or a failure reason.
  const message = redactSecrets(error instanceof Error ? error.message : String(error), secrets);
  const detail = message.trim().split("\n").slice(-3).join(" ");
  if (/Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/.test(message))
    return new DeployFailedError(
      `git ${what} failed: Host key verification failed: the SSH host's key is not among GitHub's pinned ones nor ` +
        "in PIER_GIT_SSH_KNOWN_HOSTS (add it there once checked: ssh-keyscan -p <port> <host>)",
    );
  if (AUTH_GIT_ERRORS.test(message)) {
    const hint =
      secrets.length > 0
        ? "the host refused the app's credentials (pier credentials set <app>)"
        : "the repository is private or does not exist (pier credentials set <app>, or a GitHub App)";
    return new DeployFailedError(`git ${what} failed: authentication failed: ${hint}: ${detail}`);
  }
  if (TRANSIENT_GIT_ERRORS.test(message)) return new TransientError(`git ${what} failed: ${detail}`);
  return new DeployFailedError(`git ${what} failed: ${detail}`);
}

/** Shallow-clones exactly one commit into `dir` (which must exist and be empty). */
export async function cloneCommit(request: CloneRequest): Promise<ClonedCommit> {
  if (request.sha && !SHA_PATTERN.test(request.sha)) throw new DeployFailedError(`invalid commit sha ${request.sha}`);
  if (request.credentials?.kind === "deployKey" && /^https:/.test(request.repoUrl))
    throw new DeployFailedError("the app's deploy key needs an ssh repository URL (git@host:owner/repo.git)");
  const git = gitFor(request.dir, request.allowFileRepos, request.timeoutMs);
  try {
    await git.init();
  } catch (error) {
    throw classify(error, "init");
  }
  // A full sha or a fully qualified ref: neither can be mistaken for an option; the URL was checked.
  const target = request.sha ?? `refs/heads/${request.branch}`;
  // The URL is given to fetch, never stored as a remote: .git/config holds no URL and no credential.
  const auth = await prepareGitAuth({
    credentials: request.credentials ?? null,
    caFile: request.caFile,
    knownHostsFile: request.knownHostsFile,
  });
  try {
    await gitFor(request.dir, request.allowFileRepos, request.timeoutMs, auth).fetch([
      "--depth=1",
      "--no-tags",
      "--",
      request.repoUrl,
      target,
    ]);
  } catch (error) {
    throw classify(error, `fetch of ${target}`, auth.secrets);
  } finally {
    await auth.dispose();
  }
  try {
    await git.checkout(["--detach", "--quiet", "FETCH_HEAD"]);
    return await readHeadCommit(git);
  } catch (error) {
    throw classify(error, "checkout");
  }
}

/** Separates the fields of one `git log` line: no name, email or subject can hold a NUL. */
const HEAD_FORMAT = ["%H", "%an", "%ae", "%cI", "%s"].join("%x00");

/** The checked-out commit's sha, author, email, committer date and subject. */
async function readHeadCommit(git: SimpleGit): Promise<ClonedCommit> {
  const line = await git.raw(["log", "-1", `--format=${HEAD_FORMAT}`, "HEAD"]);
  const [sha = "", author = "", authorEmail = "", date = "", message = ""] = line.replace(/\n$/, "").split("\0");
  const committedAt = new Date(date);
  if (!SHA_PATTERN.test(sha) || Number.isNaN(committedAt.getTime()))
    throw new DeployFailedError(`git log of the checkout gave no commit: ${JSON.stringify(line.slice(0, 200))}`);
  return { sha, author, authorEmail, committedAt, message };
}

/** Where to read a repository (the URL already checked by checkRepoUrl), and how (see CloneRequest). */
export interface RemoteRequest {
  repoUrl: string;
  allowFileRepos: boolean;
  timeoutMs: number;
  credentials?: GitCredentials | null;
  caFile?: string;
  knownHostsFile?: string;
}

/** Runs one git command that reads the remote, with the request's credentials kept out of sight. */
async function withRemote<T>(
  request: RemoteRequest,
  dir: string,
  what: string,
  run: (git: SimpleGit) => Promise<T>,
): Promise<T> {
  const auth = await prepareGitAuth({
    credentials: request.credentials ?? null,
    caFile: request.caFile,
    knownHostsFile: request.knownHostsFile,
  });
  try {
    return await run(gitFor(dir, request.allowFileRepos, request.timeoutMs, auth));
  } catch (error) {
    throw classify(error, what, auth.secrets);
  } finally {
    await auth.dispose();
  }
}

/**
 * Whether `ancestor` (a commit the repository in `dir` holds: the candidate's checkout) is among the last `depth`
 * commits of `descendant`'s history, which is fetched that deep next to it. False when it is not found there
 * (unknown ancestry counts as none: it never holds a deploy back).
 */
export async function isAncestorWithin(
  request: RemoteRequest & { dir: string; ancestor: string; descendant: string; depth: number },
): Promise<boolean> {
  if (!SHA_PATTERN.test(request.ancestor) || !SHA_PATTERN.test(request.descendant))
    throw new DeployFailedError("invalid commit sha for an ancestry check");
  const depth = `--depth=${Math.max(1, Math.floor(request.depth))}`;
  await withRemote(request, request.dir, `fetch of ${request.descendant}`, (git) =>
    git.fetch([depth, "--no-tags", "--", request.repoUrl, request.descendant]),
  );
  // merge-base prints the best common ancestor: the ancestor itself exactly when it is one (--is-ancestor's
  // answer, read from the output since only the exit status would tell it apart).
  const git = gitFor(request.dir, request.allowFileRepos, request.timeoutMs);
  const base = await git.raw(["merge-base", request.ancestor, request.descendant]).catch(() => "");
  return base.trim() === request.ancestor;
}

/** The commit `refs/heads/<branch>` points at on the remote (git ls-remote), or null when there is no such branch. */
export async function readBranchHead(request: RemoteRequest & { branch: string }): Promise<string | null> {
  const ref = `refs/heads/${request.branch}`;
  const listed = await withRemote(request, tmpdir(), `ls-remote of ${ref}`, (git) =>
    git.raw(["ls-remote", "--", request.repoUrl, ref]),
  );
  for (const line of listed.split("\n")) {
    const [sha, name] = line.trim().split("\t");
    if (name === ref && sha && SHA_PATTERN.test(sha)) return sha;
  }
  return null;
}
