import type { Deployment } from "@pier/db";
import { previewLabel, urlForLabel, type PierConfig } from "@pier/shared";

/** The deployment's page in the dashboard (its log), where GitHub links to. */
export function deploymentPageUrl(config: PierConfig, deploymentId: string): string {
  const base = config.PIER_PUBLIC_URL ?? `http://${config.PIER_API_HOST}:${config.PIER_API_PORT}`;
  return `${base.replace(/\/+$/, "")}/deployments/${encodeURIComponent(deploymentId)}`;
}

/** Where the deployment is reached: its preview's URL, or production's. */
export function environmentUrl(
  config: PierConfig,
  appName: string,
  deployment: Pick<Deployment, "previewSlug">,
): string {
  return urlForLabel(config, deployment.previewSlug ? previewLabel(appName, deployment.previewSlug) : appName);
}

/** GitHub's environment: `production`, or `preview/<branch>`. */
export const environmentName = (deployment: Pick<Deployment, "previewSlug" | "branch">) =>
  deployment.previewSlug ? `preview/${deployment.branch}` : "production";
