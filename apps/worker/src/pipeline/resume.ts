import { hasGoneLive } from "@pier/routing";
import { LABELS } from "@pier/shared";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import type { BuildLog } from "../logs/build-log.ts";
import type { ClaimedDeployment } from "./claim.ts";
import type { DeployDeps } from "./deploy-deps.ts";

/**
 * A deployment taken up again after the attempt running it stopped without recording how it ended (its
 * worker killed, crashed or lost its lock; the database out of reach when it failed):
 * whatever that attempt left is cleared, so this one starts clean. Returns "live" when the attempt had
 * already put the deployment in service (production switched, or the preview handed to the routers):
 * then only its status is left to finish — running it again would build a second set of containers
 * and, failing on the first set's names, mark a live deployment FAILED.
 */
export async function resumeInterrupted(
  deps: DeployDeps,
  deployment: ClaimedDeployment,
  log: BuildLog,
): Promise<"live" | "again"> {
  log.write(
    "Taking this deployment up again: an earlier attempt stopped without recording how it ended " +
      `(it was ${deployment.status}; its worker stopped, or the database was out of reach)`,
  );
  const leftDirs = (await readdir(deps.config.PIER_WORK_DIR).catch(() => [] as string[])).filter((name) =>
    name.startsWith(`${deployment.app.name}-${deployment.shortId}-`),
  );
  for (const dir of leftDirs) await rm(path.join(deps.config.PIER_WORK_DIR, dir), { recursive: true, force: true });

  const app = await deps.prisma.app.findUnique({
    where: { id: deployment.appId },
    select: { productionDeploymentId: true },
  });
  if (hasGoneLive(deployment, app?.productionDeploymentId)) {
    log.write("It had already gone live before the worker stopped: finishing it as it is");
    return "live";
  }
  const left = await deps.runtime.listContainers(
    { [LABELS.managed]: "true", [LABELS.deployment]: deployment.id },
    { all: true },
  );
  for (const container of left) await deps.runtime.removeContainer(container.id);
  if (left.length || leftDirs.length)
    log.write(
      `Removed what the interrupted attempt left: ${left.length} container(s), ${leftDirs.length} work directory(ies)`,
    );
  return "again";
}
