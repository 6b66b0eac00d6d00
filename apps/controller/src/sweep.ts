import type { PrismaClient, ReplicaPhase } from "@pier/db";
import type { ContainerInfo, ContainerRuntime } from "@pier/runtime";
import { LABELS, replicaIndexOf } from "@pier/shared";

export interface SweptApp {
  id: string;
  replicas: number;
  productionDeploymentId: string | null;
  replicaStates: Array<{
    deploymentId: string;
    index: number;
    containerId: string | null;
    failures: number;
    phase: ReplicaPhase;
  }>;
}

/**
 * The controller's safety net, one list of Pier's containers and one query however many apps there are:
 * the apps (of this controller's prefix, with a production deployment) whose production is not exactly
 * as recorded. Only those need a reconcile pass; an app in line has nothing a pass would change. A
 * change the event stream missed (the controller was down, the stream broke) shows up here.
 */
export async function appsOutOfLine(prisma: PrismaClient, runtime: ContainerRuntime, appPrefix: string) {
  const [apps, containers] = await Promise.all([
    prisma.app.findMany({
      where: { productionDeploymentId: { not: null }, name: { startsWith: appPrefix } },
      select: {
        id: true,
        replicas: true,
        productionDeploymentId: true,
        replicaStates: { select: { deploymentId: true, index: true, containerId: true, failures: true, phase: true } },
      },
    }),
    runtime.listContainers({ [LABELS.managed]: "true" }, { all: true }),
  ]);
  const byDeployment = new Map<string, ContainerInfo[]>();
  for (const c of containers) {
    const deployment = c.labels[LABELS.deployment] ?? "";
    byDeployment.set(deployment, [...(byDeployment.get(deployment) ?? []), c]);
  }
  return apps
    .filter((app) => !asRecorded(app, byDeployment.get(app.productionDeploymentId ?? "") ?? []))
    .map((app) => app.id);
}

/**
 * An app's production is as recorded (`containers`: its production deployment's, running or not): replicas
 * 1…desired each run the container on record for them, none has a loss counted (a pass resets it after 10
 * minutes of health) or is still recorded as restarted by the runtime, and the deployment has no other container.
 */
export function asRecorded(app: SweptApp, containers: ContainerInfo[]): boolean {
  const states = app.replicaStates.filter((s) => s.deploymentId === app.productionDeploymentId);
  const recorded = new Set(states.map((s) => s.containerId));
  if (states.length !== app.replicas || containers.length !== app.replicas || recorded.size !== app.replicas)
    return false;
  return states.every((state) => {
    const container = containers.find((c) => c.id === state.containerId);
    return (
      state.failures === 0 &&
      // Its container on record runs again after the runtime restarted it (Swarm): a pass records it back.
      state.phase !== "STARTING" &&
      state.index >= 1 &&
      state.index <= app.replicas &&
      container?.running === true &&
      replicaIndexOf(container.labels) === state.index
    );
  });
}
