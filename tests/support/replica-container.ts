import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";

export interface ReplicaContainer {
  appId: string;
  shortId: string;
  /** Its container's name, as Pier names a deployment's second replica. */
  container: string;
  remove(): void;
}

/**
 * A container labelled as replica 2 of a deployment of `appName` (an app the test made through the API), with a
 * deployment row for it: what views of the running replicas read, without a build. It runs `sleep`, serves nothing.
 */
export async function startReplicaContainer(
  api: FastifyInstance,
  appName: string,
  auth: { authorization: string },
): Promise<ReplicaContainer> {
  const created = await api.inject({
    method: "POST",
    url: "/api/apps",
    headers: auth,
    payload: { name: appName, repoUrl: "https://github.com/pier-dev/hello.git" },
  });
  if (created.statusCode !== 201) throw new Error(`creating ${appName}: ${created.statusCode} ${created.body}`);
  const appId = created.json().id as string;
  const shortId = randomBytes(4).toString("hex");
  const deployment = await api.pier.prisma.deployment.create({
    data: { id: `dep${randomBytes(8).toString("hex")}`, shortId, appId, trigger: "API", branch: "main" },
  });
  const labels = {
    "pier.managed": "true",
    "pier.app": appName,
    "pier.app-id": appId,
    "pier.deployment": deployment.id,
    "pier.replica": "2",
  };
  const container = `pier-${appName}-${shortId}-2`;
  const image = process.env.PIER_TEST_DEBIAN_IMAGE ?? "pier-local/debian:bookworm-slim";
  const labelArgs = Object.entries(labels).flatMap(([k, v]) => ["--label", `${k}=${v}`]);
  execFileSync("docker", ["run", "-d", "--name", container, ...labelArgs, image, "sleep", "infinity"]);
  return { appId, shortId, container, remove: () => void execFileSync("docker", ["rm", "-f", container]) };
}
