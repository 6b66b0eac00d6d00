import { cancelAllQueued } from "@pier/lifecycle";
import { LABELS } from "@pier/shared";
import type { ReleaseDeps } from "./deps.ts";
import { takePreviewDown } from "@pier/routing";
import { deploymentsInProgress, stopDeploymentContainers } from "./stop-containers.ts";

/** After a preview deployment went live: its branch's older preview containers drain and stop. */
export async function settlePreview(
  deps: ReleaseDeps,
  appId: string,
  slug: string,
  liveDeploymentId: string,
  drainMs: number,
): Promise<number> {
  const containers = await deps.runtime.listContainers(
    { [LABELS.managed]: "true", [LABELS.appId]: appId, [LABELS.preview]: slug },
    { all: true },
  );
  const others = containers.filter((c) => c.labels[LABELS.deployment] !== liveDeploymentId);
  // Settling runs after the app's build lock is released: a newer deploy of the branch may be starting.
  const inProgress = await deploymentsInProgress(
    deps,
    others.map((c) => c.labels[LABELS.deployment] ?? ""),
  );
  const old = others.filter((c) => !inProgress.has(c.labels[LABELS.deployment] ?? ""));
  if (old.length === 0) return 0;
  await new Promise((resolve) => setTimeout(resolve, drainMs));
  await stopDeploymentContainers(deps, old);
  return old.length;
}

/** The branch was deleted: its preview stops, and queued builds of it are cancelled. */
export async function stopPreview(deps: ReleaseDeps, appId: string, slug: string): Promise<number> {
  await cancelAllQueued(deps.prisma, { appId, previewSlug: slug }, "the branch was deleted");
  // Off the routers first, then stopped: the preview URL answers "no app here", never "not answering".
  await takePreviewDown({ ...deps, routerAckTimeoutMs: deps.config.PIER_ROUTER_ACK_TIMEOUT_MS }, appId, slug);
  const containers = await deps.runtime.listContainers(
    { [LABELS.managed]: "true", [LABELS.appId]: appId, [LABELS.preview]: slug },
    { all: true },
  );
  await stopDeploymentContainers(deps, containers);
  return containers.length;
}
