import type { App, Deployment, PrismaClient } from "@pier/db";
import type { ReplicaStatus } from "@pier/replicas";
import { RUNNING_RELEASES } from "@pier/release";
import {
  orderedPhases,
  previewLabel,
  secretBox,
  STAGED_NOTE,
  storedAutoscalePolicy,
  urlForLabel,
  volumesSchema,
  webhookReachWarning,
  type PierConfig,
} from "@pier/shared";
import type { z } from "zod";
import type { appDto } from "../schemas/app.ts";
import type { deploymentDto } from "../schemas/deployment.ts";
import type { DomainDto } from "./domains.ts";

/** Where GitHub should send this app's push events. */
export function webhookUrl(config: PierConfig, appName: string): string {
  const base = config.PIER_PUBLIC_URL ?? `http://${config.PIER_API_HOST}:${config.PIER_API_PORT}`;
  return `${base.replace(/\/+$/, "")}/webhooks/github/${appName}`;
}

/**
 * An app as the API shows it; `replicas` from replicaStatuses (a freshly created app has none running), `domains`
 * from domainsByApp (none unless given: the dashboard's pages that don't show them don't load them).
 * The webhook secret only when asked for `secrets` (callers with the admin scope: maySeeSecrets); otherwise null.
 */
export function toAppDto(
  config: PierConfig,
  app: App,
  replicas?: ReplicaStatus,
  { secrets = false, domains = [] }: { secrets?: boolean; domains?: DomainDto[] } = {},
): z.infer<typeof appDto> {
  return {
    id: app.id,
    name: app.name,
    repoUrl: app.repoUrl,
    branch: app.branch,
    rootDir: app.rootDir,
    port: app.port,
    healthCheckPath: app.healthCheckPath,
    previews: app.previews,
    volumes: volumesSchema.safeParse(app.volumes).data ?? [],
    url: urlForLabel(config, app.name),
    webhookUrl: webhookUrl(config, app.name),
    webhookWarning: webhookReachWarning(config),
    webhookSecret: secrets ? secretBox(config).open(app.webhookSecret) : null,
    productionDeploymentId: app.productionDeploymentId,
    replicas: replicas ?? {
      desired: app.replicas,
      running: 0,
      state: app.productionDeploymentId ? "DEGRADED" : "NOT_DEPLOYED",
      replicas: [],
    },
    alertErrorRate: app.alertErrorRate,
    alertP95Ms: app.alertP95Ms,
    memoryRequestMb: app.memoryRequestMb,
    autoscale: storedAutoscalePolicy(app.autoscale),
    httpsRedirect: app.httpsRedirect,
    hsts: app.hsts,
    domains,
    createdAt: app.createdAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
  };
}

export function toDeploymentDto(
  config: PierConfig,
  deployment: Deployment,
  app: Pick<App, "name" | "productionDeploymentId">,
): z.infer<typeof deploymentDto> {
  const finished = deployment.finishedAt;
  const started = deployment.startedAt ?? deployment.createdAt;
  return {
    id: deployment.id,
    shortId: deployment.shortId,
    app: app.name,
    status: deployment.status,
    reason: deployment.failureReason,
    trigger: deployment.trigger,
    branch: deployment.branch,
    previewUrl: deployment.previewSlug ? urlForLabel(config, previewLabel(app.name, deployment.previewSlug)) : null,
    commitSha: deployment.commitSha,
    commitMessage: deployment.commitMessage,
    commitAuthor: deployment.commitAuthor,
    commitAuthorEmail: deployment.commitAuthorEmail,
    committedAt: deployment.committedAt?.toISOString() ?? null,
    imageTag: deployment.imageTag,
    isProduction: app.productionDeploymentId === deployment.id,
    url: deployment.hostPort ? urlForLabel(config, `${app.name}-${deployment.shortId}`) : null,
    createdAt: deployment.createdAt.toISOString(),
    startedAt: deployment.startedAt?.toISOString() ?? null,
    finishedAt: finished?.toISOString() ?? null,
    durationMs: finished ? finished.getTime() - started.getTime() : null,
    port: deployment.port,
    phases: orderedPhases(deployment.phases),
    promote: deployment.promote,
    staged: stagedNote(deployment, app),
  };
}

/**
 * What a staged deployment (promote: false) is while it is on its way or runs without being production; null for
 * any other (a failed one, one promoted, one stopped since).
 */
function stagedNote(deployment: Deployment, app: Pick<App, "productionDeploymentId">): string | null {
  if (deployment.promote || deployment.previewSlug || app.productionDeploymentId === deployment.id) return null;
  if (deployment.status === "FAILED" || deployment.status === "CANCELLED") return null;
  if (deployment.status === "READY" && deployment.hostPort === null) return null;
  return STAGED_NOTE;
}

/**
 * Since when each app's production deployment has been live: the newest release that put it there (a rollback to
 * an older deployment counts from the rollback), or, for a deployment made live before releases were recorded,
 * when it finished.
 */
export async function liveSinceOf(
  prisma: PrismaClient,
  apps: Array<Pick<App, "id"> & { productionDeployment: Deployment | null }>,
): Promise<Map<string, Date>> {
  const live = apps.flatMap((a) => (a.productionDeployment ? [a.productionDeployment] : []));
  const releases = live.length
    ? await prisma.release.findMany({
        where: { toDeploymentId: { in: live.map((d) => d.id) }, ...RUNNING_RELEASES },
        orderBy: { version: "desc" },
        select: { appId: true, toDeploymentId: true, createdAt: true },
      })
    : [];
  const since = new Map<string, Date>();
  for (const app of apps) {
    const deployment = app.productionDeployment;
    if (!deployment) continue;
    const release = releases.find((r) => r.appId === app.id && r.toDeploymentId === deployment.id);
    since.set(app.id, release?.createdAt ?? deployment.finishedAt ?? deployment.createdAt);
  }
  return since;
}
