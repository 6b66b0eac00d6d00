// The only file in Pier that imports @octokit/auth-app.
import { createAppAuth } from "@octokit/auth-app";
import { Octokit } from "@octokit/rest";

export interface GithubAppIdentity {
  appId: string;
  /** PEM, opened (never logged). */
  privateKey: string;
}

/** A repository on GitHub. */
export interface GithubRepo {
  owner: string;
  repo: string;
}

/** Why no installation token could be minted; the message names no secret. */
export class GithubAppAuthError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "GithubAppAuthError";
  }
}

// auth-app keeps installation tokens in an in-memory cache by default: tokens are minted per use and never kept.
const noCache = { get: async (): Promise<string> => "", set: async () => {} };

/**
 * Mints an installation token of the GitHub App for one repository: the app's JWT finds the repository's
 * installation (`GET /repos/{owner}/{repo}/installation`), then `POST /app/installations/{id}/access_tokens`
 * limited to that repository. Null when the app is not installed on it (404).
 */
export async function mintInstallationToken(
  apiUrl: string,
  identity: GithubAppIdentity,
  target: GithubRepo,
): Promise<string | null> {
  const octokit = new Octokit({
    baseUrl: apiUrl.replace(/\/+$/, ""),
    authStrategy: createAppAuth,
    auth: { appId: identity.appId, privateKey: identity.privateKey, cache: noCache },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { enabled: false },
  });
  let installationId: number;
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/installation", {
      owner: target.owner,
      repo: target.repo,
    });
    installationId = data.id;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404) return null;
    throw new GithubAppAuthError(
      `GitHub App ${identity.appId}: finding its installation on ${target.owner}/${target.repo} failed` +
        (status ? ` (HTTP ${status})` : ""),
      status,
    );
  }
  try {
    const auth = (await octokit.auth({
      type: "installation",
      installationId,
      repositoryNames: [target.repo],
      refresh: true,
    })) as { token: string };
    return auth.token;
  } catch (error) {
    const status = (error as { status?: number }).status;
    throw new GithubAppAuthError(
      `GitHub App ${identity.appId}: minting a token for ${target.owner}/${target.repo} failed` +
        (status ? ` (HTTP ${status})` : ""),
      status,
    );
  }
}
