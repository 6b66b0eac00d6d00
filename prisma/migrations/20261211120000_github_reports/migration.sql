-- GitHub reports: the GitHub deployment and statuses sent for each Pier deployment, and each pull request's comment.
ALTER TABLE "App" ADD COLUMN "githubRepository" TEXT;

CREATE TABLE "GithubDeploymentReport" (
    "deploymentId" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "githubDeploymentId" BIGINT,
    "sentStates" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "GithubDeploymentReport_pkey" PRIMARY KEY ("deploymentId")
);
ALTER TABLE "GithubDeploymentReport" ADD CONSTRAINT "GithubDeploymentReport_deploymentId_fkey"
    FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "GithubPullRequest" (
    "id" TEXT NOT NULL,
    "appId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "repository" TEXT NOT NULL,
    "branch" TEXT NOT NULL,
    "headSha" TEXT,
    "open" BOOLEAN NOT NULL DEFAULT true,
    "commentId" BIGINT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "GithubPullRequest_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "GithubPullRequest_appId_number_key" ON "GithubPullRequest"("appId", "number");
CREATE INDEX "GithubPullRequest_appId_branch_idx" ON "GithubPullRequest"("appId", "branch");
ALTER TABLE "GithubPullRequest" ADD CONSTRAINT "GithubPullRequest_appId_fkey"
    FOREIGN KEY ("appId") REFERENCES "App"("id") ON DELETE CASCADE ON UPDATE CASCADE;
