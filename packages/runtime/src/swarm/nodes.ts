// The nodes of a swarm, as the manager's engine tells them: list, drain or activate, and the join command.
import { engineCall, type DockerClient } from "../docker/engine.ts";
import { NodeOperationError } from "../errors.ts";
import type { NodeInfo } from "../runtime.ts";

/** What GET /nodes answers of a node (the fields Pier reads). */
export interface SwarmNode {
  ID: string;
  Version?: { Index?: number };
  Spec?: { Role?: string; Availability?: string; Labels?: Record<string, string>; Name?: string };
  Description?: { Hostname?: string; Resources?: { NanoCPUs?: number; MemoryBytes?: number } };
  Status?: { State?: string; Addr?: string };
  ManagerStatus?: { Leader?: boolean; Reachability?: string; Addr?: string };
}

/** What GET /tasks answers of a task (the fields Pier reads). */
export interface SwarmTask {
  NodeID?: string;
  Status?: { State?: string };
}

/** The host part of "10.216.0.2:2377" or "[fd00::2]:2377". */
export function hostOf(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1]!;
  const colon = address.lastIndexOf(":");
  return colon > 0 && address.indexOf(":") === colon ? address.slice(0, colon) : address;
}

/**
 * A node's address: the one it reports (Status.Addr); a manager that reports 0.0.0.0 (it was told to listen on every
 * address) is reached at the address it advertises to the other managers.
 */
export function addressOf(node: SwarmNode): string {
  const reported = node.Status?.Addr ?? "";
  if ((reported === "" || reported === "0.0.0.0") && node.ManagerStatus?.Addr) return hostOf(node.ManagerStatus.Addr);
  return reported;
}

const AVAILABILITIES = new Set(["active", "pause", "drain"]);

/** A node of GET /nodes as Pier shows it, with how many of Pier's tasks run on it now. */
export function nodeInfoOf(node: SwarmNode, runningTasks: number): NodeInfo {
  const availability = node.Spec?.Availability ?? "active";
  const resources = node.Description?.Resources ?? {};
  return {
    id: node.ID,
    name: node.Description?.Hostname ?? node.Spec?.Name ?? node.ID,
    role: node.Spec?.Role === "manager" ? "manager" : "worker",
    state: node.Status?.State ?? "unknown",
    availability: AVAILABILITIES.has(availability) ? (availability as NodeInfo["availability"]) : "active",
    address: addressOf(node),
    cpus: (resources.NanoCPUs ?? 0) / 1e9,
    memoryBytes: resources.MemoryBytes ?? 0,
    runningTasks,
    labels: node.Spec?.Labels ?? {},
  };
}

/** How many of these tasks run now on each node. */
export function runningTasksByNode(tasks: SwarmTask[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const task of tasks) {
    if (task.Status?.State !== "running" || !task.NodeID) continue;
    counts.set(task.NodeID, (counts.get(task.NodeID) ?? 0) + 1);
  }
  return counts;
}

/** Every node of the swarm, and how many tasks of Pier's (label `managedLabel`=true) run on each. */
export async function listNodes(docker: DockerClient, managedLabel: string): Promise<NodeInfo[]> {
  const [nodes, tasks] = await Promise.all([
    engineCall("list nodes", () => docker.listNodes() as Promise<SwarmNode[]>),
    engineCall(
      "list tasks",
      () =>
        docker.listTasks({
          filters: JSON.stringify({ "desired-state": ["running"], label: [`${managedLabel}=true`] }),
        }) as Promise<SwarmTask[]>,
    ),
  ]);
  const running = runningTasksByNode(tasks);
  return nodes.map((node) => nodeInfoOf(node, running.get(node.ID) ?? 0));
}

const notFound = (id: string) => new NodeOperationError(`no node ${id} in the swarm`, "node_not_found");

/**
 * Sets a node's availability (by id or name): "drain" moves its tasks to the other nodes and starts none there,
 * "active" lets it run tasks again. The update names the version it read, as the engine requires.
 */
export async function setNodeAvailability(
  docker: DockerClient,
  id: string,
  availability: "active" | "drain",
): Promise<void> {
  const node = await engineCall(`inspect node ${id}`, () => docker.getNode(id).inspect() as Promise<SwarmNode>, {
    notFound: () => null,
  });
  if (!node) throw notFound(id);
  const spec = { ...(node.Spec ?? {}), Availability: availability };
  const updated = await engineCall(
    `set node ${id} ${availability}`,
    async () => {
      await docker.getNode(node.ID).update({ _query: { version: node.Version?.Index ?? 0 }, _body: spec });
      return true;
    },
    { notFound: () => false },
  );
  if (!updated) throw notFound(id);
}

/** What a new machine runs to join the swarm as a worker: the worker token and a manager's address. */
export async function joinCommand(docker: DockerClient): Promise<string> {
  const [swarm, nodes] = await Promise.all([
    engineCall("inspect the swarm", () => docker.swarmInspect() as Promise<{ JoinTokens?: { Worker?: string } }>),
    engineCall("list nodes", () => docker.listNodes({ filters: JSON.stringify({ role: ["manager"] }) })),
  ]);
  const token = swarm.JoinTokens?.Worker;
  if (!token) throw new Error("the swarm answered no worker join token");
  const managers = nodes as SwarmNode[];
  const manager = managers.find((m) => m.ManagerStatus?.Leader) ?? managers[0];
  const address = manager?.ManagerStatus?.Addr ?? (manager ? `${addressOf(manager)}:2377` : undefined);
  if (!address) throw new Error("the swarm answered no manager address");
  return `docker swarm join --token ${token} ${address}`;
}
