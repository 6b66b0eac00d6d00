import type { ContainerInfo, ContainerRuntime } from "@pier/runtime";
import { LABELS, replicaIndexOf, startLoop, type Loop, type NotificationEvent, type PierConfig } from "@pier/shared";
import type { ControllerLogger } from "./logger.ts";
import { nodeTransitions, type NodeRecord, type ObservedNode, type ReplicaOnNode } from "./node-transitions.ts";

export interface NodeWatchDeps {
  config: PierConfig;
  runtime: ContainerRuntime;
  logger: ControllerLogger;
  alert: (events: NotificationEvent[]) => Promise<void>;
}

/** This controller's replicas (its app prefix), by the node each runs on. */
function replicasByNode(containers: ContainerInfo[], prefix: string): Map<string, ReplicaOnNode[]> {
  const byNode = new Map<string, ReplicaOnNode[]>();
  for (const c of containers) {
    const app = c.labels[LABELS.app];
    if (!c.node || !app?.startsWith(prefix) || !c.labels[LABELS.deployment]) continue;
    const replica = { app, replica: replicaIndexOf(c.labels), container: c.name };
    byNode.set(c.node, [...(byNode.get(c.node) ?? []), replica]);
  }
  return byNode;
}

const named = (r: ReplicaOnNode) => `${r.app} #${r.replica}`;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function lostEvent(node: NodeRecord, at: string): NotificationEvent {
  const replicas = node.replicas.length
    ? `${plural(node.replicas.length, "replica")} ran on it (${node.replicas.map(named).join(", ")}): ` +
      "Swarm starts them again on the other nodes"
    : "no replica ran on it";
  return {
    event: "node.down",
    summary: `node ${node.name} (${node.address}) is down: ${replicas}`,
    details: { node: { id: node.id, name: node.name, address: node.address }, replicas: node.replicas },
    at,
  };
}

function backEvent(node: NodeRecord, at: string): NotificationEvent {
  return {
    event: "node.ready",
    summary: `node ${node.name} (${node.address}) is ready again: new replicas may be placed on it`,
    details: { node: { id: node.id, name: node.name, address: node.address } },
    at,
  };
}

/**
 * Watches the swarm's nodes every PIER_NODE_WATCH_MS: a node that was ready and is now down (or gone from the swarm)
 * is announced (node.down) with the replicas that ran on it, and again (node.ready) when it is back. Swarm itself
 * starts the lost replicas on the other nodes; this only tells people. Single Docker has one machine: not started.
 */
export function startNodeWatch(deps: NodeWatchDeps): Loop {
  const { config, runtime } = deps;
  let records = new Map<string, NodeRecord>();
  return startLoop({
    name: "node watch",
    everyMs: config.PIER_NODE_WATCH_MS,
    logger: deps.logger,
    tick: async () => {
      const [nodes, containers] = await Promise.all([
        runtime.listNodes(),
        runtime.listContainers({ [LABELS.managed]: "true" }),
      ]);
      const replicas = replicasByNode(containers, config.PIER_CONTROLLER_APP_PREFIX);
      const observed: ObservedNode[] = nodes.map((n) => ({ ...n, replicas: replicas.get(n.id) ?? [] }));
      const changes = nodeTransitions(records, observed);
      records = changes.records;
      const at = new Date().toISOString();
      await deps.alert([...changes.lost.map((n) => lostEvent(n, at)), ...changes.back.map((n) => backEvent(n, at))]);
    },
  });
}
