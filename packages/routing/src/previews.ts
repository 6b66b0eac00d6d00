import type { PrismaClient } from "@pier/db";
import type { Redis } from "ioredis";
import { announceAndWaitForRouters } from "./signal.ts";

interface PreviewFacts {
  id: string;
  previewSlug: string | null;
  previewLiveAt: Date | null;
  createdAt: Date;
}

/**
 * Branch slug → the deployment that serves its preview URL: the preview of the branch handed to the routers
 * last (it passed its health check) that still runs. `runs` says which deployments
 * have a replica serving; the route table and retention both decide previews through this function.
 */
export function servedPreviews(
  deployments: PreviewFacts[],
  runs: (deploymentId: string) => boolean,
): Map<string, string> {
  const newest = new Map<string, PreviewFacts>();
  for (const deployment of deployments) {
    const slug = deployment.previewSlug;
    if (!slug || !deployment.previewLiveAt || !runs(deployment.id)) continue;
    const current = newest.get(slug);
    // The one that went live last (a push behind it never goes live), whatever order they were made in.
    if (!current || wentLiveAfter(deployment, current)) newest.set(slug, deployment);
  }
  return new Map([...newest].map(([slug, deployment]) => [slug, deployment.id]));
}

const wentLiveAfter = (a: PreviewFacts, b: PreviewFacts) =>
  a.previewLiveAt!.getTime() !== b.previewLiveAt!.getTime()
    ? a.previewLiveAt! > b.previewLiveAt!
    : a.createdAt > b.createdAt;

/** Whether a deployment was ever put in service: production now, or a preview handed to the routers. */
export function hasGoneLive(
  deployment: { id: string; previewSlug: string | null; previewLiveAt: Date | null },
  productionDeploymentId: string | null | undefined,
): boolean {
  return (
    productionDeploymentId === deployment.id || (deployment.previewSlug !== null && deployment.previewLiveAt !== null)
  );
}

export interface PreviewRoutingDeps {
  prisma: PrismaClient;
  redis: Redis;
  /** How long to wait for every router to serve the change (PIER_ROUTER_ACK_TIMEOUT_MS). */
  routerAckTimeoutMs: number;
}

/**
 * A healthy preview goes live at its branch's URL (it replaces the branch's older preview there).
 * Returns whether every router confirmed it serves it within the timeout.
 */
export async function putPreviewLive(deps: PreviewRoutingDeps, deploymentId: string): Promise<boolean> {
  await deps.prisma.deployment.update({ where: { id: deploymentId }, data: { previewLiveAt: new Date() } });
  return announceAndWaitForRouters(deps.redis, deps.routerAckTimeoutMs);
}

/** The branch's previews leave the routers (the branch was deleted): its URL answers "no app here". */
export async function takePreviewDown(deps: PreviewRoutingDeps, appId: string, slug: string): Promise<boolean> {
  await deps.prisma.deployment.updateMany({ where: { appId, previewSlug: slug }, data: { previewLiveAt: null } });
  return announceAndWaitForRouters(deps.redis, deps.routerAckTimeoutMs);
}
