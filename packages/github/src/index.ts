// GitHub both ways: see the package description.
export {
  githubApiTokenFor,
  gitCredentialsFor,
  githubRepoOf,
  isSshRepoUrl,
  GITHUB_APP_SETTINGS_ID,
  type CredentialApp,
  type CredentialDeps,
  type GitCredentials,
} from "./credentials.ts";
export { GithubAppAuthError, type GithubRepo } from "./app-auth.ts";
export { sshKeyFingerprint, isPemPrivateKey } from "./deploy-key.ts";
export {
  MAX_DESCRIPTION,
  reportDeployment,
  statesFor,
  type GithubDeploymentState,
  type GithubReportDeps,
  type ReportOutcome,
} from "./deployment-report.ts";
export { GithubRefusedError, GithubUnavailableError } from "./errors.ts";
export { deploymentPageUrl, environmentName, environmentUrl } from "./links.ts";
export { CLOSED_NOTE, pullRequestCommentBody, reportPullRequest } from "./pull-request-comment.ts";
export { enqueueGithubReport, reportStatusChanges } from "./report-queue.ts";
export {
  createGithubReportWorker,
  type GithubReportLogger,
  type GithubReportWorkerOptions,
} from "./report-worker.ts";
export { githubRepositoryOf, parseRepositoryName } from "./repository.ts";
export { deliveredCommit, listDeliveries, recordDelivery, type DeliveryRecord } from "./deliveries.ts";
