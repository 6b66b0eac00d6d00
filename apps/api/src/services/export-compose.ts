import { containerBase, containerLimits, deploymentStartRequest } from "@pier/release";
import { stringify } from "yaml";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";

/**
 * A docker-compose file that runs the app's current release without Pier: the same image, env vars,
 * port, limits and volumes (the Docker volumes Pier made, used as they are). The proof that there is no
 * lock-in (the image must be on the machine, or pushed to a registry and the `image:` line changed).
 */
export async function exportCompose(deps: PierDeps, appName: string): Promise<string> {
  const app = await deps.prisma.app.findUnique({
    where: { name: appName },
    include: { envVars: { orderBy: { key: "asc" } }, featureFlags: true, productionDeployment: true },
  });
  if (!app) throw new AppError("app_not_found", `app ${appName} does not exist`, "name");
  const live = app.productionDeployment;
  if (!live?.imageTag)
    throw new AppError("conflict", `${appName} has no production deployment to export yet: deploy it first`, "name");
  const spec = deploymentStartRequest(deps.config, app, live);
  const limits = containerLimits(deps.config, spec);
  const base = containerBase(deps.config, spec);
  const service = {
    image: live.imageTag,
    restart: "unless-stopped",
    init: true,
    environment: base.env,
    ports: [`127.0.0.1:${spec.port}:${spec.port}`],
    mem_limit: `${limits.memoryMb}m`,
    cpus: limits.cpus,
    pids_limit: limits.pidsLimit,
    cap_drop: ["ALL"],
    security_opt: ["no-new-privileges:true"],
    labels: { "pier.exported-from": app.name, "pier.deployment": live.id, "pier.commit": live.commitSha ?? "" },
    ...(spec.mounts?.length ? { volumes: spec.mounts.map((m) => `${m.volume}:${m.path}`) } : {}),
  };
  // The app's data stays in the volumes Pier made: compose uses them as they are (external), never new ones.
  const volumes = Object.fromEntries((spec.mounts ?? []).map((m) => [m.volume, { external: true }]));
  const header = [
    `# ${app.name}: release of commit ${live.commitSha ?? "unknown"} (deployment ${live.id}), exported from Pier.`,
    `# Run it without Pier: docker compose -f ${app.name}.compose.yml up -d`,
    `# The image ${live.imageTag} is on the Pier machine; elsewhere, push it to a registry first.`,
    "",
  ].join("\n");
  return header + stringify({ services: { [app.name]: service }, ...(spec.mounts?.length ? { volumes } : {}) });
}
