export interface RepoUrlPolicy {
  allowFileRepos: boolean;
  allowedHosts: string[];
}

export type RepoUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

/**
 * Only https URLs to allow-listed hosts (and file:// when enabled) may be cloned. Everything else —
 * `ext::` transports, ssh, option-looking strings like `--upload-pack=…` — is refused before git sees it.
 */
export function checkRepoUrl(raw: string, policy: RepoUrlPolicy): RepoUrlCheck {
  const input = raw.trim();
  if (input.length === 0) return { ok: false, reason: "must not be empty" };
  if (input.length > 500) return { ok: false, reason: "must be at most 500 characters" };
  if (input.startsWith("-")) return { ok: false, reason: "must be a URL, not an option" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
  if (/[\x00-\x20\x7f]/.test(input)) return { ok: false, reason: "must not contain spaces or control characters" };
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
  if (url.protocol !== "https:")
    return { ok: false, reason: `scheme ${url.protocol.replace(/:$/, "")} is not allowed; use https` };
  if (url.username || url.password) return { ok: false, reason: "must not contain credentials" };
  if (url.port) return { ok: false, reason: "must not name a port" };
  const host = url.hostname.toLowerCase();
  if (!policy.allowedHosts.includes(host)) {
    return { ok: false, reason: `host ${host} is not allowed (allowed: ${policy.allowedHosts.join(", ")})` };
  }
  if (!/^\/[A-Za-z0-9._~/-]+$/.test(url.pathname) || url.pathname.includes("..")) {
    return { ok: false, reason: "must name a repository path such as /owner/repo.git" };
  }
  if (url.search || url.hash) return { ok: false, reason: "must not have a query or fragment" };
  return { ok: true, url: url.href };
}
