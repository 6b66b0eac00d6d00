export interface RepoUrlPolicy {
  allowFileRepos: boolean;
  /** Host names, or `host:port` to allow that one port of a host. */
  allowedHosts: string[];
  /** ssh:// and `user@host:path` URLs: only for an app with an SSH deploy key. */
  allowSsh?: boolean;
}

export type RepoUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

const SCP_LIKE = /^([A-Za-z0-9][A-Za-z0-9._-]*)@([A-Za-z0-9][A-Za-z0-9.-]*):([A-Za-z0-9._~/-]+)$/;
const SSH_REFUSED = "scheme ssh is not allowed without a deploy key (pier credentials set <app> --deploy-key <file>)";
const REPO_PATH = /^\/?[A-Za-z0-9._~/-]+$/;

function hostCheck(host: string, port: string, policy: RepoUrlPolicy): string | null {
  if (port && !policy.allowedHosts.includes(`${host}:${port}`)) return "must not name a port";
  if (!port && !policy.allowedHosts.includes(host))
    return `host ${host} is not allowed (allowed: ${policy.allowedHosts.join(", ")})`;
  return null;
}

/** `git@host:owner/repo.git`, kept as written (its path is relative to the account's home, unlike ssh://). */
function checkScpLike(input: string, policy: RepoUrlPolicy): RepoUrlCheck | null {
  const match = SCP_LIKE.exec(input);
  if (!match) return null;
  if (!policy.allowSsh) return { ok: false, reason: SSH_REFUSED };
  const [, , rawHost = "", repoPath = ""] = match;
  const refused = hostCheck(rawHost.toLowerCase(), "", policy);
  if (refused) return { ok: false, reason: refused };
  if (repoPath.startsWith("-") || repoPath.includes(".."))
    return { ok: false, reason: "must name a repository path such as owner/repo.git" };
  return { ok: true, url: input };
}

/**
 * Only https URLs to allow-listed hosts (and file:// when enabled; ssh for an app with a deploy key) may be cloned.
 * Everything else — `ext::` transports, git://, option-looking strings like `--upload-pack=…` — is refused before
 * git sees it.
 */
export function checkRepoUrl(raw: string, policy: RepoUrlPolicy): RepoUrlCheck {
  const input = raw.trim();
  if (input.length === 0) return { ok: false, reason: "must not be empty" };
  if (input.length > 500) return { ok: false, reason: "must be at most 500 characters" };
  if (input.startsWith("-")) return { ok: false, reason: "must be a URL, not an option" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\x00-\x20\x7f]/.test(input)) return { ok: false, reason: "must not contain spaces or control characters" };
  const scpLike = checkScpLike(input, policy);
  if (scpLike) return scpLike;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, reason: "must be an https:// URL (e.g. https://github.com/owner/repo.git)" };
  }
  if (url.protocol === "file:") {
    if (!policy.allowFileRepos)
      return { ok: false, reason: "file:// repositories are disabled (set PIER_ALLOW_FILE_REPOS=1)" };
    if (url.host !== "") return { ok: false, reason: "file:// URLs must be local paths (file:///path)" };
    return { ok: true, url: url.href };
  }
  const ssh = url.protocol === "ssh:";
  if (ssh && !policy.allowSsh) return { ok: false, reason: SSH_REFUSED };
  if (url.protocol !== "https:" && !ssh)
    return { ok: false, reason: `scheme ${url.protocol.replace(/:$/, "")} is not allowed; use https` };
  // ssh names the account (git@); a password in it is still a credential.
  if ((url.username && !ssh) || url.password) return { ok: false, reason: "must not contain credentials" };
  if (ssh && url.username && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(url.username))
    return { ok: false, reason: "must name an SSH user such as git" };
  const refused = hostCheck(url.hostname.toLowerCase(), url.port, policy);
  if (refused) return { ok: false, reason: refused };
  if (!REPO_PATH.test(url.pathname) || url.pathname.length < 2 || url.pathname.includes("..")) {
    return { ok: false, reason: "must name a repository path such as /owner/repo.git" };
  }
  if (url.search || url.hash) return { ok: false, reason: "must not have a query or fragment" };
  return { ok: true, url: url.href };
}
