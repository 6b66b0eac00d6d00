// Idle apps for the idle-cost benches: N apps whose production is one running container of a tiny image, as a
// deploy leaves them (minus the build), recorded in the database and labelled as Pier labels its containers.
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import type { PrismaClient } from "@pier/db";
import type { ContainerRuntime } from "@pier/runtime";
import { LABELS } from "@pier/shared";

/** A container that does nothing: the controller's cost alone, no health checks answered. */
export const SLEEPING_IMAGE = "pier-bench/idle:sleep";
/** A Node server answering 200 on port 3000: an app the router can route to and HAProxy can check. */
export const HTTP_IMAGE = "pier-bench/idle:http";

const DOCKERFILES: Record<string, string> = {
  [SLEEPING_IMAGE]: 'FROM pier-local/debian:bookworm-slim\nCMD ["sleep", "infinity"]\n',
  [HTTP_IMAGE]:
    "FROM pier-local/node:22-bookworm-slim\n" +
    `CMD ["node", "-e", "require('http').createServer((q, s) => s.end('idle')).listen(3000)"]\n`,
};

export function buildIdleImage(image: string): void {
  const dockerfile = DOCKERFILES[image];
  if (!dockerfile) throw new Error(`no Dockerfile for ${image}`);
  execFileSync("docker", ["build", "-q", "-t", image, "-"], {
    input: dockerfile,
    stdio: ["pipe", "ignore", "inherit"],
  });
}

/** Apps `${prefix}${from}` to `${prefix}${from + count - 1}`, each with its production container running. */
export async function startIdleApps(
  prisma: PrismaClient,
  runtime: ContainerRuntime,
  options: { prefix: string; count: number; from?: number; image: string; memoryMb?: number },
): Promise<void> {
  const image = await runtime.inspectImage(options.image);
  if (!image) throw new Error(`no image ${options.image}`);
  const from = options.from ?? 0;
  for (let i = from; i < from + options.count; i++) {
    const name = `${options.prefix}${i}`;
    const appId = randomUUID();
    const deploymentId = randomBytes(8).toString("hex");
    const shortId = randomBytes(4).toString("hex");
    await prisma.app.create({ data: { id: appId, name, repoUrl: "file:///dev/null", webhookSecret: "idle" } });
    await prisma.deployment.create({
      data: { id: deploymentId, shortId, appId, status: "READY", trigger: "API", branch: "main" },
    });
    await prisma.deployment.update({
      where: { id: deploymentId },
      data: { imageId: image.id, imageTag: options.image },
    });
    await prisma.app.update({ where: { id: appId }, data: { productionDeploymentId: deploymentId } });
    const container = await runtime.runContainer({
      name: `pier-${name}-${shortId}`,
      image: options.image,
      env: {},
      labels: {
        [LABELS.managed]: "true",
        [LABELS.app]: name,
        [LABELS.appId]: appId,
        [LABELS.deployment]: deploymentId,
        [LABELS.replica]: "1",
      },
      containerPort: 3000,
      memoryBytes: (options.memoryMb ?? 32) * 1024 * 1024,
      nanoCpus: 100_000_000,
      pidsLimit: 16,
    });
    await prisma.replicaState.create({
      data: { deploymentId, index: 1, appId, containerId: container.id, phase: "RUNNING", healthySince: new Date() },
    });
  }
}

/** Removes the apps of `prefix` and their containers. */
export async function removeIdleApps(prisma: PrismaClient, runtime: ContainerRuntime, prefix: string): Promise<void> {
  for (const c of await runtime.listContainers({ [LABELS.managed]: "true" }, { all: true }))
    if (c.labels[LABELS.app]?.startsWith(prefix)) await runtime.removeContainer(c.id);
  await prisma.app.deleteMany({ where: { name: { startsWith: prefix } } });
}
