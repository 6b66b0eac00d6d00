import type { ApiClient } from "./api-client.ts";
import { ApiError, CliError, EXIT } from "./errors.ts";
import type { DeploymentDto } from "./types.ts";

const ID = /^[a-z0-9]{1,64}$/;

function matchOne(ref: string, candidates: DeploymentDto[], where: string): DeploymentDto {
  const exact = candidates.find((d) => d.id === ref || d.shortId === ref);
  if (exact) return exact;
  const prefixed = candidates.filter((d) => d.id.startsWith(ref) || d.shortId.startsWith(ref));
  if (prefixed.length === 1 && prefixed[0]) return prefixed[0];
  if (prefixed.length > 1)
    throw new CliError(`${ref} matches ${prefixed.length} deployments ${where}: give more characters`, EXIT.usage);
  throw new CliError(`no deployment ${ref} ${where}`, EXIT.notFound);
}

/** A deployment of one app, by full id, short id or a unique prefix of either. */
export async function resolveAppDeployment(client: ApiClient, app: string, ref: string): Promise<DeploymentDto> {
  if (!ID.test(ref)) throw new CliError(`not a deployment id: ${ref}`, EXIT.usage);
  const { deployments } = await client.listDeployments(app, 500);
  return matchOne(ref, deployments, `in ${app}`);
}

/** A deployment by full id; a short id is looked up in the given app or, without one, in every app. */
export async function resolveDeployment(client: ApiClient, ref: string, app?: string): Promise<DeploymentDto> {
  if (app) return resolveAppDeployment(client, app, ref);
  if (!ID.test(ref)) throw new CliError(`not a deployment id: ${ref}`, EXIT.usage);
  try {
    return await client.getDeployment(ref);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  const { apps } = await client.listApps();
  const found: DeploymentDto[] = [];
  for (const each of apps) {
    const { deployments } = await client.listDeployments(each.name, 500);
    found.push(...deployments.filter((d) => d.shortId === ref || d.shortId.startsWith(ref) || d.id.startsWith(ref)));
  }
  return matchOne(ref, found, "in any app");
}
