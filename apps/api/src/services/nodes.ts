import { NodeOperationError, PINNED_NODE_LABEL, type ContainerInfo } from "@pier/runtime";
import { LABELS, replicaIndexOf } from "@pier/shared";
import type { z } from "zod";
import { AppError } from "../errors.ts";
import type { PierDeps } from "../plugins/app/deps.ts";
import type { nodeDto, nodeReplicaDto } from "../schemas/node.ts";

type NodeView = z.output<typeof nodeDto>;
type ReplicaView = z.output<typeof nodeReplicaDto>;
type Deps = Pick<PierDeps, "prisma" | "runtime">;

/** "docker" or "swarm": what the API answers, whatever else a runtime may call itself. */
export const runtimeKind = (deps: Pick<PierDeps, "runtime">): "docker" | "swarm" =>
  deps.runtime.kind === "swarm" ? "swarm" : "docker";

/**
 * Every node the runtime runs apps on, each with the apps' replicas running on it now: one list of Pier's
 * containers, grouped by the node each runs on (single Docker has one node, so all are on it), and one query for
 * their deployments' short ids.
 */
export async function listNodesWithReplicas(deps: Deps): Promise<NodeView[]> {
  const [nodes, containers] = await Promise.all([
    deps.runtime.listNodes(),
    deps.runtime.listContainers({ [LABELS.managed]: "true" }),
  ]);
  const replicas = containers.filter((c) => c.running && c.labels[LABELS.deployment] && c.labels[LABELS.app]);
  const deploymentIds = [...new Set(replicas.map((c) => c.labels[LABELS.deployment]!))];
  const deployments = await deps.prisma.deployment.findMany({
    where: { id: { in: deploymentIds } },
    select: { id: true, shortId: true },
  });
  const shortIds = new Map(deployments.map((d) => [d.id, d.shortId]));
  const byNode = new Map<string, ReplicaView[]>();
  const only = nodes.length === 1 ? nodes[0]!.id : null;
  for (const container of replicas) {
    const node = container.node ?? only;
    if (node === null) continue;
    byNode.set(node, [...(byNode.get(node) ?? []), replicaView(container, shortIds)]);
  }
  return nodes.map((node) => ({ ...node, replicas: sortReplicas(byNode.get(node.id) ?? []) }));
}

function replicaView(container: ContainerInfo, shortIds: Map<string, string>): ReplicaView {
  return {
    app: container.labels[LABELS.app]!,
    deploymentShortId: shortIds.get(container.labels[LABELS.deployment]!) ?? null,
    replica: replicaIndexOf(container.labels),
    container: container.name,
    preview: container.labels[LABELS.preview] ?? null,
    // The Swarm runtime labels a service it pinned to its volumes' node.
    pinnedByVolume: container.labels[PINNED_NODE_LABEL] !== undefined,
  };
}

const sortReplicas = (list: ReplicaView[]) =>
  list.sort((a, b) => a.app.localeCompare(b.app) || a.container.localeCompare(b.container));

/**
 * Drains a node (its replicas move to the other nodes, none start there) or makes it active again, by id or name:
 * 404 when no node has it; single Docker has nothing to move replicas to: 409 no_cluster.
 */
export async function setNodeAvailability(
  deps: Pick<PierDeps, "runtime">,
  idOrName: string,
  availability: "active" | "drain",
): Promise<void> {
  const node = (await deps.runtime.listNodes()).find((n) => n.id === idOrName || n.name === idOrName);
  if (!node) throw new AppError("node_not_found", `no node has the id or name ${idOrName}`);
  try {
    await deps.runtime.setNodeAvailability(node.id, availability);
  } catch (error) {
    if (error instanceof NodeOperationError)
      throw new AppError(error.reason === "no_cluster" ? "no_cluster" : "node_not_found", error.message);
    throw error;
  }
}

/** The command a new machine runs to join as a worker; single Docker has no cluster to join (409 no_cluster). */
export async function joinCommand(deps: Pick<PierDeps, "runtime">): Promise<string> {
  const command = await deps.runtime.joinCommand();
  if (command === null)
    throw new AppError("no_cluster", "single Docker (PIER_RUNTIME=docker) runs on one machine: no cluster to join");
  return command;
}
