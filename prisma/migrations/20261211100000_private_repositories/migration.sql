-- Private repositories: a per-app credential (token or SSH deploy key, sealed) and the GitHub App settings.
CREATE TYPE "CredentialKind" AS ENUM ('TOKEN', 'DEPLOY_KEY');
CREATE TABLE "AppCredential" (
    "appId" TEXT NOT NULL,
    "kind" "CredentialKind" NOT NULL,
    "secret" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "AppCredential_pkey" PRIMARY KEY ("appId")
);
ALTER TABLE "AppCredential" ADD CONSTRAINT "AppCredential_appId_fkey" FOREIGN KEY ("appId") REFERENCES "App"("id")
    ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GithubAppSettings" (
    "id" TEXT NOT NULL DEFAULT 'github-app',
    "appId" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "GithubAppSettings_pkey" PRIMARY KEY ("id")
);
