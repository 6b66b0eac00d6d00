import type { FastifyInstance } from "fastify";

export interface DeploymentView {
  id: string;
  shortId: string;
  status: string;
  reason: string | null;
  isProduction: boolean;
  imageTag: string | null;
  commitSha: string | null;
  url: string | null;
}

/** Polls the API until the deployment reaches one of `statuses` (or fails the test after the timeout). */
export async function waitForStatus(
  api: FastifyInstance,
  auth: { authorization: string },
  id: string,
  statuses: string[] = ["READY", "FAILED", "CANCELLED"],
  timeoutMs = 150_000,
  intervalMs = 250,
): Promise<DeploymentView> {
  const deadline = Date.now() + timeoutMs;
  let last: DeploymentView | null = null;
  while (Date.now() < deadline) {
    const res = await api.inject({ method: "GET", url: `/api/deployments/${id}`, headers: auth });
    last = res.json() as DeploymentView;
    if (statuses.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new Error(`deployment ${id} still ${last?.status} after ${timeoutMs} ms`);
}

export async function logText(api: FastifyInstance, auth: { authorization: string }, id: string): Promise<string> {
  const res = await api.inject({ method: "GET", url: `/api/deployments/${id}/logs`, headers: auth });
  return (res.json() as { lines: Array<{ line: string }> }).lines.map((l) => l.line).join("\n");
}
