import type { App, Deployment, PrismaClient } from "@pier/db";
import type { PierConfig } from "@pier/shared";
import { githubCallError, GithubUnavailableError } from "./errors.ts";
import { deploymentPageUrl, environmentName, environmentUrl } from "./links.ts";
import { githubClient, type GithubClient } from "./octokit.ts";
import { githubRepositoryOf, parseRepositoryName, repositoryName } from "./repository.ts";

/** What reporting to GitHub needs. */
export interface GithubReportDeps {
  prisma: PrismaClient;
  config: PierConfig;
  /** The token Pier acts with on the app's repository, or null: no credentials, nothing is reported. */
  tokenFor: (app: App) => Promise<string | null>;
  /** How long one GitHub call may take (GITHUB_REQUEST_TIMEOUT_MS unless given). */
  timeoutMs?: number;
}

/** The GitHub deployment states Pier sends, in the order a deployment goes through them. */
export type GithubDeploymentState = "queued" | "in_progress" | "success" | "failure" | "inactive";

export type ReportOutcome = "reported" | "up-to-date" | "gone" | "not-on-github" | "no-credentials" | "no-commit";

/** GitHub refuses a longer status description. */
export const MAX_DESCRIPTION = 140;

/** Every state a deployment has been through, as GitHub names them (a cancelled one ends inactive). */
export function statesFor(deployment: Pick<Deployment, "status" | "startedAt">): GithubDeploymentState[] {
  switch (deployment.status) {
    case "QUEUED":
      return ["queued"];
    case "BUILDING":
    case "DEPLOYING":
      return ["queued", "in_progress"];
    case "READY":
      return ["queued", "in_progress", "success"];
    case "FAILED":
      return deployment.startedAt ? ["queued", "in_progress", "failure"] : ["queued", "failure"];
    case "CANCELLED":
      return ["queued", "inactive"];
  }
}

export const clip = (text: string, max = MAX_DESCRIPTION) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

function describe(state: GithubDeploymentState, deployment: Deployment): string {
  const reason = (deployment.failureReason ?? "unknown reason").split("\n")[0]!;
  switch (state) {
    case "queued":
      return `Pier deployment ${deployment.shortId} is queued`;
    case "in_progress":
      return `Pier deployment ${deployment.shortId} is building`;
    case "success":
      return `Pier deployment ${deployment.shortId} is live`;
    case "failure":
      return clip(`Failed: ${reason}`);
    case "inactive":
      return clip(`Cancelled: ${reason}`);
  }
}

/** Runs one GitHub call; its error says whether to try again (GithubUnavailableError) or not (GithubRefusedError). */
export async function callGithub<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw githubCallError(what, error);
  }
}

/**
 * Brings GitHub up to date with one Pier deployment: creates its GitHub deployment (once; its id is stored) and
 * sends every state it went through that GitHub hasn't been sent yet, in order, each recorded as soon as GitHub
 * took it. Run again after a failure, it carries on where it stopped. Only for apps on GitHub with credentials
 * and a known commit.
 */
export async function reportDeployment(deps: GithubReportDeps, deploymentId: string): Promise<ReportOutcome> {
  const { prisma, config } = deps;
  const deployment = await prisma.deployment.findUnique({
    where: { id: deploymentId },
    include: { app: true, githubReport: true },
  });
  if (!deployment) return "gone";
  const sent = deployment.githubReport;
  const repository = sent ? parseRepositoryName(sent.repository) : githubRepositoryOf(config, deployment.app);
  if (!repository) return "not-on-github";
  if (!deployment.commitSha) return "no-commit"; // Known once cloned: a later status change reports it.
  const states = statesFor(deployment).filter((state) => !sent?.sentStates.includes(state));
  if (states.length === 0 && sent?.githubDeploymentId != null) return "up-to-date";
  const token = await deps.tokenFor(deployment.app);
  if (!token) return "no-credentials";
  const github = githubClient(config, token, deps.timeoutMs);

  let githubId = sent?.githubDeploymentId ?? null;
  if (githubId === null) {
    await prisma.githubDeploymentReport.upsert({
      where: { deploymentId },
      create: { deploymentId, repository: repositoryName(repository) },
      update: {},
    });
    githubId = await createGithubDeployment(github, repository, deployment);
    await prisma.githubDeploymentReport.update({ where: { deploymentId }, data: { githubDeploymentId: githubId } });
  }
  const logUrl = deploymentPageUrl(config, deployment.id);
  for (const state of states) {
    await callGithub(`the ${state} status of deployment ${deployment.shortId}`, () =>
      github.rest.repos.createDeploymentStatus({
        ...repository,
        deployment_id: Number(githubId),
        state,
        description: describe(state, deployment),
        log_url: logUrl,
        ...(state === "success" ? { environment_url: environmentUrl(config, deployment.app.name, deployment) } : {}),
      }),
    );
    await prisma.githubDeploymentReport.update({ where: { deploymentId }, data: { sentStates: { push: state } } });
  }
  return "reported";
}

async function createGithubDeployment(
  github: GithubClient,
  repository: { owner: string; repo: string },
  deployment: Deployment & { app: App },
): Promise<bigint> {
  const preview = deployment.previewSlug !== null;
  const created = await callGithub(`the deployment of ${deployment.shortId}`, () =>
    github.rest.repos.createDeployment({
      ...repository,
      ref: deployment.commitSha!,
      environment: environmentName(deployment),
      description: clip(`Pier deployment ${deployment.shortId} of ${deployment.app.name}`),
      // Pier deploys what was pushed: GitHub must neither merge the default branch in nor wait for checks.
      auto_merge: false,
      required_contexts: [],
      transient_environment: preview,
      production_environment: !preview,
      payload: { pierDeploymentId: deployment.id },
    }),
  );
  // 202: GitHub is merging the default branch in first (never asked for, auto_merge is off): try again later.
  if (!("id" in created.data) || typeof created.data.id !== "number")
    throw new GithubUnavailableError(`GitHub did not create the deployment of ${deployment.shortId} yet`);
  return BigInt(created.data.id);
}
