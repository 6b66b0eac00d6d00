// The only file in Pier that imports simple-git.
import { simpleGit, type SimpleGit } from "simple-git";
import { DeployFailedError, TransientError } from "../errors.ts";

export interface ClonedCommit {
  sha: string;
  message: string;
  author: string;
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

function gitFor(dir: string, allowFileRepos: boolean, timeoutMs: number): SimpleGit {
  return simpleGit({ baseDir: dir, timeout: { block: timeoutMs } }).env({
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/root",
    // Never prompt for credentials, and only speak the transports Pier allows (no ext::, ssh, git://).
    GIT_TERMINAL_PROMPT: "0",
    GIT_ALLOW_PROTOCOL: allowFileRepos ? "https:file" : "https",
    GIT_CONFIG_NOSYSTEM: "1",
  });
}

function classify(error: unknown, what: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  const detail = message.trim().split("\n").slice(-3).join(" ");
  if (TRANSIENT_GIT_ERRORS.test(message)) return new TransientError(`git ${what} failed: ${detail}`, { cause: error });
  return new DeployFailedError(`git ${what} failed: ${detail}`);
}

/** Shallow-clones exactly one commit into `dir` (which must exist and be empty). */
export async function cloneCommit(request: CloneRequest): Promise<ClonedCommit> {
  if (request.sha && !SHA_PATTERN.test(request.sha)) throw new DeployFailedError(`invalid commit sha ${request.sha}`);
  const git = gitFor(request.dir, request.allowFileRepos, request.timeoutMs);
  try {
    await git.init();
  } catch (error) {
    throw classify(error, "init");
  }
  // A full sha or a fully qualified ref: neither can be mistaken for an option; the URL was checked.
  const target = request.sha ?? `refs/heads/${request.branch}`;
  try {
    await git.fetch(["--depth=1", "--no-tags", "--", request.repoUrl, target]);
  } catch (error) {
    throw classify(error, `fetch of ${target}`);
  }
  try {
    await git.checkout(["--detach", "--quiet", "FETCH_HEAD"]);
    const log = await git.raw(["log", "-1", "--format=%H%x00%an%x00%s", "HEAD"]);
    const [sha = "", author = "", message = ""] = log.trim().split("\0");
    return { sha, author, message };
  } catch (error) {
    throw classify(error, "checkout");
  }
}
