import type { App, PrismaClient } from "@pier/db";
import { secretBox, type PierConfig } from "@pier/shared";
import { type GithubRepo, mintInstallationToken } from "./app-auth.ts";

/** What the credential functions need: the database and the settings (secrets key, GitHub URLs). */
export interface CredentialDeps {
  prisma: PrismaClient;
  config: PierConfig;
}

/** What a clone needs to read a private repository: a token (HTTPS basic auth) or an SSH deploy key. */
export type GitCredentials =
  /** source: the GitHub App's installation token, or the app's own credential. */
  | { kind: "token"; username: string; token: string; source: "githubApp" | "app" }
  | { kind: "deployKey"; privateKey: string; source: "app" };

/** What of an app its credentials depend on (an App will do). */
export type CredentialApp = Pick<App, "id" | "repoUrl">;

/** The GitHub App settings row's id: there is one. */
export const GITHUB_APP_SETTINGS_ID = "github-app";

// GitHub takes any user name with a token; this is the one its docs give for installation tokens.
const TOKEN_USERNAME = "x-access-token";
const SCP_LIKE = /^[^@/]+@([^:/]+):(.+)$/;

/** The repository on GitHub (the host of PIER_GITHUB_GIT_URL) a repo URL names, or null for another host. */
export function githubRepoOf(config: Pick<PierConfig, "PIER_GITHUB_GIT_URL">, repoUrl: string): GithubRepo | null {
  const git = new URL(config.PIER_GITHUB_GIT_URL);
  let host: string;
  let repoPath: string;
  const scp = SCP_LIKE.exec(repoUrl);
  if (scp) {
    host = scp[1]!.toLowerCase();
    repoPath = scp[2]!;
    if (host !== git.hostname) return null;
  } else {
    let url: URL;
    try {
      url = new URL(repoUrl);
    } catch {
      return null;
    }
    if (url.protocol === "https:" && url.host !== git.host) return null;
    if (url.protocol === "ssh:" && url.hostname !== git.hostname) return null;
    if (url.protocol !== "https:" && url.protocol !== "ssh:") return null;
    repoPath = url.pathname;
  }
  const [owner, repo] = repoPath
    .replace(/^\/+/, "")
    .replace(/\/+$/, "")
    .replace(/\.git$/, "")
    .split("/");
  return owner && repo ? { owner, repo } : null;
}

/** Whether a repo URL is cloned over SSH (ssh:// or `user@host:path`). */
export function isSshRepoUrl(repoUrl: string): boolean {
  return repoUrl.startsWith("ssh://") || SCP_LIKE.test(repoUrl);
}

/** An installation token of the configured GitHub App for the app's repository; null without one or not installed. */
async function installationToken(deps: CredentialDeps, app: CredentialApp): Promise<string | null> {
  const target = githubRepoOf(deps.config, app.repoUrl);
  if (!target) return null;
  const settings = await deps.prisma.githubAppSettings.findUnique({ where: { id: GITHUB_APP_SETTINGS_ID } });
  if (!settings) return null;
  const privateKey = secretBox(deps.config).open(settings.privateKey);
  return mintInstallationToken(deps.config.PIER_GITHUB_API_URL, { appId: settings.appId, privateKey }, target);
}

async function ownCredential(deps: CredentialDeps, app: CredentialApp) {
  const row = await deps.prisma.appCredential.findUnique({ where: { appId: app.id } });
  return row ? { kind: row.kind, secret: secretBox(deps.config).open(row.secret) } : null;
}

/**
 * A token for GitHub's REST API on the app's repository: a GitHub App installation token (minted now, never stored)
 * when a GitHub App is configured and the repository is on GitHub, else the app's own TOKEN credential, else null.
 */
export async function githubApiTokenFor(deps: CredentialDeps, app: CredentialApp): Promise<string | null> {
  const minted = await installationToken(deps, app);
  if (minted) return minted;
  const own = await ownCredential(deps, app);
  return own?.kind === "TOKEN" ? own.secret : null;
}

/**
 * What the clone of the app's repository needs, or null (a public repository): over SSH the app's deploy key; over
 * HTTPS a GitHub App installation token (for a repository on GitHub, when the app is installed on it), else the
 * app's own credential (a deploy key there makes the clone fail, saying it needs an ssh URL).
 */
export async function gitCredentialsFor(deps: CredentialDeps, app: CredentialApp): Promise<GitCredentials | null> {
  if (!isSshRepoUrl(app.repoUrl)) {
    const minted = await installationToken(deps, app);
    if (minted) return { kind: "token", username: TOKEN_USERNAME, token: minted, source: "githubApp" };
  }
  const own = await ownCredential(deps, app);
  if (!own) return null;
  return own.kind === "TOKEN"
    ? { kind: "token", username: TOKEN_USERNAME, token: own.secret, source: "app" }
    : { kind: "deployKey", privateKey: own.secret, source: "app" };
}
