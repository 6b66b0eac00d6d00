import type { AppCredential, PrismaClient } from "@pier/db";
import { GITHUB_APP_SETTINGS_ID, isPemPrivateKey, sshKeyFingerprint } from "@pier/github";
import { secretBox, type PierConfig } from "@pier/shared";
import { AppError } from "../errors.ts";

interface Deps {
  prisma: PrismaClient;
  config: PierConfig;
}

/**
 * Sets an app's repository credential (a token or an SSH deploy key), sealed like env values; replaces the one it
 * had. The deploy key must be an SSH private key without a passphrase.
 */
export async function setAppCredential(
  deps: Deps,
  appId: string,
  input: { token?: string; deployKey?: string },
): Promise<AppCredential> {
  if ((input.token === undefined) === (input.deployKey === undefined))
    throw new AppError("validation_failed", 'body: give exactly one of "token" and "deployKey"', "token");
  let kind: "TOKEN" | "DEPLOY_KEY";
  let secret: string;
  let hint: string;
  if (input.token !== undefined) {
    kind = "TOKEN";
    secret = input.token;
    hint = `…${input.token.slice(-4)}`;
  } else {
    const fingerprint = await sshKeyFingerprint(input.deployKey ?? "");
    if (!fingerprint)
      throw new AppError(
        "validation_failed",
        "deployKey: must be an SSH private key without a passphrase (ssh-keygen -t ed25519 -N '' -f key)",
        "deployKey",
      );
    kind = "DEPLOY_KEY";
    secret = `${(input.deployKey ?? "").trim()}\n`;
    hint = fingerprint;
  }
  const sealed = secretBox(deps.config).seal(secret);
  return deps.prisma.appCredential.upsert({
    where: { appId },
    create: { appId, kind, secret: sealed, hint },
    update: { kind, secret: sealed, hint },
  });
}

export async function getAppCredential(deps: Deps, appId: string): Promise<AppCredential | null> {
  return deps.prisma.appCredential.findUnique({ where: { appId } });
}

/** Removes it; false when there was none. */
export async function removeAppCredential(deps: Deps, appId: string): Promise<boolean> {
  const { count } = await deps.prisma.appCredential.deleteMany({ where: { appId } });
  return count > 0;
}

export async function setGithubApp(deps: Deps, input: { appId: string; privateKey: string }) {
  if (!isPemPrivateKey(input.privateKey))
    throw new AppError(
      "validation_failed",
      "privateKey: must be a PEM private key (-----BEGIN RSA PRIVATE KEY-----, as GitHub downloads it)",
      "privateKey",
    );
  const privateKey = secretBox(deps.config).seal(input.privateKey.trim());
  return deps.prisma.githubAppSettings.upsert({
    where: { id: GITHUB_APP_SETTINGS_ID },
    create: { id: GITHUB_APP_SETTINGS_ID, appId: input.appId, privateKey },
    update: { appId: input.appId, privateKey },
  });
}

export async function getGithubApp(deps: Deps) {
  return deps.prisma.githubAppSettings.findUnique({ where: { id: GITHUB_APP_SETTINGS_ID } });
}

export async function removeGithubApp(deps: Deps): Promise<boolean> {
  const { count } = await deps.prisma.githubAppSettings.deleteMany({ where: { id: GITHUB_APP_SETTINGS_ID } });
  return count > 0;
}
