import type { Release, ReleaseKind, Trigger } from "@pier/db";
import { promoteDeployment, ReleaseError, rollbackTargetId, settleAppContainers } from "@pier/release";
import type { FastifyBaseLogger } from "fastify";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { releaseDto } from "../schemas/release.ts";
import type { FlagChange } from "./flags.ts";
import { toDeploymentDto } from "./views.ts";

export async function toReleaseDtos(
  deps: PierDeps,
  appId: string,
  releases: Release[],
  productionId: string | null,
): Promise<Array<z.infer<typeof releaseDto>>> {
  const ids = [
    ...new Set(
      releases.flatMap((r) => [r.fromDeploymentId, r.toDeploymentId]).filter((id): id is string => id !== null),
    ),
  ];
  const shortIds = new Map(
    (
      await deps.prisma.deployment.findMany({ where: { appId, id: { in: ids } }, select: { id: true, shortId: true } })
    ).map((d) => [d.id, d.shortId]),
  );
  const ref = (id: string) => ({ id, shortId: shortIds.get(id) ?? "deleted" });
  // A flags change is an event: the release that put production live stays the current one.
  const latest = releases.filter((r) => r.kind !== "FLAGS").reduce((max, r) => Math.max(max, r.version), 0);
  return releases.map((r) => ({
    version: r.version,
    name: `v${r.version}`,
    kind: r.kind,
    cause: r.cause,
    reason: r.reason,
    changes: r.kind === "FLAGS" ? (r.changes as FlagChange[] | null) : null,
    from: r.fromDeploymentId ? ref(r.fromDeploymentId) : null,
    to: ref(r.toDeploymentId),
    isCurrent: r.version === latest && r.toDeploymentId === productionId,
    createdAt: r.createdAt.toISOString(),
  }));
}

export interface ReleaseRequest {
  appName: string;
  /** Omitted for a rollback: the production deployment before the current one. */
  deploymentId?: string;
  kind: Exclude<ReleaseKind, "DEPLOY">;
  cause: Trigger;
}

/**
 * Rollback and promote: put an existing deployment live with no build. Answers once the router serves
 * it; the old container drains and stops (or stays warm) in the background.
 */
export async function releaseExistingDeployment(deps: PierDeps, log: FastifyBaseLogger, request: ReleaseRequest) {
  const app = await deps.prisma.app.findUnique({
    where: { name: request.appName },
    include: { envVars: true, featureFlags: true },
  });
  if (!app) throw new AppError("app_not_found", `app ${request.appName} does not exist`, "name");
  const targetId = request.deploymentId || (await rollbackTargetId(deps.prisma, app.id));
  if (!targetId)
    throw new ReleaseError("no_previous", `${app.name} has no earlier production deployment to roll back to`);
  const target = await deps.prisma.deployment.findFirst({ where: { id: targetId, appId: app.id } });
  if (!target)
    throw new AppError(
      "deployment_not_found",
      `deployment ${targetId} is not a deployment of ${app.name}`,
      "deploymentId",
    );

  const result = await promoteDeployment(deps, {
    app,
    target,
    kind: request.kind,
    cause: request.cause,
    log: (line) => log.info({ app: app.name }, line),
  });
  void settleAppContainers(deps, app.id, {
    drainMs: deps.config.PIER_DRAIN_MS,
    keepWarm: deps.config.PIER_WARM_DEPLOYMENTS,
  }).catch((error) => log.error({ err: error, app: app.name }, "stopping old containers after a release failed"));
  const release = await deps.prisma.release.findUniqueOrThrow({
    where: { appId_version: { appId: app.id, version: result.version } },
  });
  const [releaseView] = await toReleaseDtos(deps, app.id, [release], target.id);
  const fresh = await deps.prisma.deployment.findUniqueOrThrow({ where: { id: target.id } });
  return {
    release: releaseView!,
    deployment: toDeploymentDto(deps.config, fresh, { name: app.name, productionDeploymentId: target.id }),
    started: result.started,
    routed: result.routed,
  };
}
